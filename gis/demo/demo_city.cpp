#include "gis/demo/demo_city.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>

namespace gis::demo {

namespace {
// A real place: the Yangtze near Wuhan, in CGCS2000 / 3-degree GK CM 114E. Local coordinates (u east, v
// north) are metres from this centre.
constexpr double kCentreE = 528800.0;
constexpr double kCentreN = 3380400.0;
constexpr double kPi = 3.14159265358979323846;

// The river meanders east-west through the centre: its centreline is v = riverOffset(u).
double riverOffset(double u) {
    return 110.0 * std::sin(2 * kPi * u / 1700.0) + 40.0 * std::sin(2 * kPi * u / 610.0);
}
constexpr double kRiverHalfWidth = 70.0;

// Portable deterministic random numbers (std distributions differ between standard libraries).
class Rng {
public:
    explicit Rng(std::uint32_t seed) : mEngine(seed) {}
    double uniform(double a, double b) { return a + (b - a) * ((mEngine() >> 8) * (1.0 / 16777216.0)); }
    int integer(int a, int b) { return a + int(uniform(0, 1) * (b - a + 1)) % (b - a + 1); }
    bool chance(double p) { return uniform(0, 1) < p; }

private:
    std::mt19937 mEngine;
};

struct Hill {
    double u, v, sigma, amplitude;
};

std::vector<Hill> hills(std::uint32_t seed) {
    Rng rng(seed ^ 0x9e3779b9u);
    std::vector<Hill> out;
    for (int i = 0; i < 7; ++i) {
        double side = (i % 2 == 0) ? 1 : -1;
        out.push_back({rng.uniform(-1500, 1500), side * rng.uniform(950, 1700), rng.uniform(260, 480),
                       rng.uniform(12, 38)});
    }
    return out;
}

double terrainHeight(double u, double v, const std::vector<Hill>& hs) {
    const double d = std::abs(v - riverOffset(u));
    double h;
    if (d < kRiverHalfWidth) {
        double t = d / kRiverHalfWidth;
        h = 14.0 - 5.0 * (1 - t * t); // river bed below the banks
    } else {
        double x = (d - kRiverHalfWidth) / 380.0;
        h = 14.0 + 3.0 + 14.0 * (1 - std::exp(-x * x)); // terraces rising from the banks
    }
    for (const auto& hill : hs) {
        double du = u - hill.u, dv = v - hill.v;
        h += hill.amplitude * std::exp(-(du * du + dv * dv) / (2 * hill.sigma * hill.sigma));
    }
    return h;
}

// The street grid is bent by the river: block rows follow the meander, less so far from the water.
Vec2 warp(double u, double v) {
    double w = std::exp(-std::abs(v) / 1100.0);
    return {kCentreE + u, kCentreN + v + riverOffset(u) * w};
}

Ring warpedRect(double u0, double v0, double u1, double v1, int split = 1) {
    Ring r;
    auto edge = [&](double ua, double va, double ub, double vb) {
        for (int k = 0; k < split; ++k) {
            double t = double(k) / split;
            r.push_back(warp(ua + t * (ub - ua), va + t * (vb - va)));
        }
    };
    edge(u0, v0, u1, v0);
    edge(u1, v0, u1, v1);
    edge(u1, v1, u0, v1);
    edge(u0, v1, u0, v0);
    return r;
}

// A rectangle of size (length x depth) centred at local (cu, cv), rotated by angle (radians), warped.
Ring box(double cu, double cv, double length, double depth, double angle = 0) {
    double c = std::cos(angle), s = std::sin(angle);
    Ring r;
    const double hx = length / 2, hy = depth / 2;
    for (auto [x, y] : {std::pair{-hx, -hy}, {hx, -hy}, {hx, hy}, {-hx, hy}})
        r.push_back(warp(cu + x * c - y * s, cv + x * s + y * c));
    return r;
}

class CityBuilder {
public:
    CityBuilder(std::uint32_t seed, const RasterF& dem) : mRng(seed), mDem(dem) {}

    void add(Polygon footprint, double height, const std::string& use, const std::string& name = {}) {
        normalizeOrientation(footprint);
        Building b;
        b.id = std::int64_t(mBuildings.size()) + 1;
        b.footprint = std::move(footprint);
        double base = 1e9;
        for (const auto& p : b.footprint.outer)
            base = std::min(base, mDem.sample(p.x, p.y).value_or(0.0));
        b.baseZ = std::round(base * 100) / 100;
        b.height = std::round(height * 10) / 10;
        b.storeys = std::max(1, int(std::round(height / (use == "residential" ? 3.0 : 4.0))));
        b.use = use;
        b.name = name;
        mBuildings.push_back(std::move(b));
    }
    void add(Ring outer, double height, const std::string& use, const std::string& name = {}) {
        add(Polygon{std::move(outer), {}}, height, use, name);
    }
    void addZone(Ring outer, const std::string& cls, const std::string& name) {
        addZone(Polygon{std::move(outer), {}}, cls, name);
    }
    void addZone(Polygon area, const std::string& cls, const std::string& name) {
        normalizeOrientation(area);
        Zone z;
        z.id = std::int64_t(mZones.size()) + 1;
        z.area = std::move(area);
        z.landClass = cls;
        z.name = name;
        mZones.push_back(std::move(z));
    }
    Rng& rng() { return mRng; }
    std::vector<Building> mBuildings;
    std::vector<Zone> mZones;

private:
    Rng mRng;
    const RasterF& mDem;
};

constexpr double kBlockW = 150, kBlockD = 120, kStreet = 22;

// Which land class a block gets, from its centre (u, v): dense centre north of the river, industry
// south-east.
std::string blockClass(double u, double v, double riverDist, Rng& rng) {
    if (riverDist < 230)
        return "G";
    const double cbd = std::hypot(u - 150, v - 520);
    if (cbd < 380)
        return "B";
    if (v < -300 && u > 550)
        return u > 1000 ? "W" : "M";
    if (cbd < 650 && rng.chance(0.25))
        return "A";
    return "R";
}

void fillBlock(CityBuilder& city, const std::string& cls, double u0, double v0, double u1, double v1,
               double cbdDist) {
    Rng& rng = city.rng();
    const double cu = (u0 + u1) / 2, cv = (v0 + v1) / 2;
    if (cls == "B") {
        int towers = rng.integer(1, 3);
        double peak = 190 * std::exp(-cbdDist / 260.0) + 45;
        // Podium under the towers.
        city.add(box(cu, cv, (u1 - u0) - 24, (v1 - v0) - 24), rng.uniform(12, 18), "commercial");
        for (int i = 0; i < towers; ++i) {
            double tu = u0 + (u1 - u0) * (i + 0.5) / towers + rng.uniform(-8, 8);
            double side = rng.uniform(26, 38);
            city.add(box(tu, cv + rng.uniform(-15, 15), side, side * rng.uniform(0.8, 1.2)),
                     peak * rng.uniform(0.6, 1.0), "commercial");
        }
    } else if (cls == "A") {
        // A courtyard building (a footprint with a hole), e.g. a school or a district office.
        Polygon p{box(cu, cv, 100, 80), {box(cu, cv, 60, 44)}}; // a courtyard: one hole
        city.add(std::move(p), rng.uniform(16, 24), "public", "District services");
    } else if (cls == "R") {
        // Slabs with their long side east-west (facing south), rows spaced for winter sun.
        const bool lowRise = cbdDist > 1050;
        if (lowRise) {
            for (double hu = u0 + 16; hu < u1 - 10; hu += 36)
                for (double hv = v0 + 16; hv < v1 - 10; hv += 44)
                    if (rng.chance(0.7))
                        city.add(box(hu, hv, rng.uniform(12, 16), rng.uniform(9, 12)), rng.uniform(6, 10),
                                 "residential");
            return;
        }
        const int storeys = cbdDist < 750 ? rng.integer(11, 18) : rng.integer(6, 11);
        const double h = storeys * 3.0;
        const double spacing = std::max(34.0, 0.9 * h + 14);
        for (double sv = v0 + 12; sv + 12 < v1 - 6; sv += spacing) {
            double len = rng.uniform(52, 66);
            city.add(box(cu - 35, sv + 6, len, 13), h, "residential");
            if (rng.chance(0.6))
                city.add(box(cu + 38, sv + 6, std::min(len, 50.0), 13), h, "residential");
        }
    } else if (cls == "M") {
        city.add(box(cu - 30, cv, 64, 48), rng.uniform(9, 14), "industrial");
        city.add(box(cu + 42, cv + 20, 30, 40), rng.uniform(8, 12), "industrial");
        if (rng.chance(0.5)) // a chimney-like tower
            city.add(box(cu + 45, cv - 35, 6, 6), rng.uniform(30, 45), "industrial");
    } else if (cls == "W") {
        city.add(box(cu, cv + 15, 110, 44), rng.uniform(9, 12), "logistics");
    }
}

void buildNaturalCity(CityBuilder& city) {
    const double pitchU = kBlockW + kStreet, pitchV = kBlockD + kStreet;
    for (int i = -8; i <= 8; ++i) {
        for (int j = -8; j <= 8; ++j) {
            const double u0 = i * pitchU + kStreet / 2, u1 = u0 + kBlockW;
            const double v0 = j * pitchV + kStreet / 2, v1 = v0 + kBlockD;
            const double cu = (u0 + u1) / 2, cv = (v0 + v1) / 2;
            // Distance to the river in local coordinates (the grid is warped with it near the water).
            const double riverDist = std::abs(cv);
            if (riverDist < 130)
                continue; // the river and its embankment
            const double cbdDist = std::hypot(cu - 150, cv - 520);
            if (std::hypot(cu, cv) > 1350)
                continue; // the city edge: fields and hills beyond
            std::string cls = blockClass(cu, cv, riverDist, city.rng());
            static const std::map<std::string, std::string> names = {
                {"R", "Residential"}, {"A", "Public services"}, {"B", "Commercial"},
                {"M", "Industrial"},  {"W", "Logistics"},       {"G", "Riverside park"}};
            char label[64];
            std::snprintf(label, sizeof label, "%s %c%d", names.at(cls).c_str(), char('A' + i + 8), j + 9);
            city.addZone(warpedRect(u0, v0, u1, v1, 6), cls, label);
            fillBlock(city, cls, u0, v0, u1, v1, cbdDist);
        }
    }
}

void buildPackedCity(CityBuilder& city, int count) {
    // Benchmark city: plots of 40 m x 40 m, each with one box, in a square that grows with the count,
    // skipping the river.
    const double plot = 40;
    const int side = int(std::ceil(std::sqrt(count * 1.15)));
    Rng& rng = city.rng();
    int placed = 0;
    for (int j = 0; j < side * 2 && placed < count; ++j)
        for (int i = 0; i < side && placed < count; ++i) {
            double cu = (i - side / 2.0) * plot, cv = (j - side / 2.0) * plot;
            if (std::abs(cv) < 110)
                continue;
            double d = std::hypot(cu, cv);
            double h = rng.uniform(6, 24) + 120 * std::exp(-d / 900.0) * rng.uniform(0.2, 1.0);
            city.add(box(cu, cv, rng.uniform(14, 30), rng.uniform(12, 28)), h,
                     h > 40 ? "commercial" : "residential");
            ++placed;
        }
}
} // namespace

std::string demoTerrainUri(std::uint32_t seed, double sizeMetres) {
    return "urbis:demo-terrain?seed=" + std::to_string(seed) + "&size=" + std::to_string(int(sizeMetres));
}

bool parseDemoTerrainUri(const std::string& uri, std::uint32_t& seed, double& sizeMetres) {
    unsigned s = 0;
    int size = 0;
    if (std::sscanf(uri.c_str(), "urbis:demo-terrain?seed=%u&size=%d", &s, &size) != 2 || size <= 0 ||
        size > 200000)
        return false;
    seed = s;
    sizeMetres = size;
    return true;
}

RasterF demoTerrain(std::uint32_t seed, double sizeMetres) {
    const double cell = std::max(10.0, sizeMetres / 400.0);
    const int n = int(std::ceil(sizeMetres / cell));
    RasterF dem(n, n, kCentreE - n * cell / 2, kCentreN + n * cell / 2, cell);
    const auto hs = hills(seed);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            Vec2 p = dem.cellCenter(c, r);
            dem.at(c, r) = float(terrainHeight(p.x - kCentreE, p.y - kCentreN, hs));
        }
    return dem;
}

Project makeDemoCity(const DemoCityOptions& options) {
    Project project;
    project.crs.definition = kDemoCrs;
    project.title = options.buildingCount > 0
                        ? "Demo city (" + std::to_string(options.buildingCount) + " buildings)"
                        : "Demo city";
    const double size = options.buildingCount > 0
                            ? std::max(3600.0, std::ceil(std::sqrt(options.buildingCount * 1.15) * 40 + 600))
                            : 3600.0;
    auto dem = std::make_shared<RasterF>(demoTerrain(options.seed, size));
    CityBuilder city(options.seed, *dem);
    if (options.buildingCount > 0)
        buildPackedCity(city, options.buildingCount);
    else
        buildNaturalCity(city);

    // The river and the riverside parks as zones, along the meander.
    const double half = size / 2 - 20;
    Ring water, parkN, parkS;
    const int steps = 120;
    for (int k = 0; k <= steps; ++k) {
        double u = -half + 2 * half * k / steps;
        water.push_back({kCentreE + u, kCentreN + riverOffset(u) - kRiverHalfWidth});
    }
    for (int k = steps; k >= 0; --k) {
        double u = -half + 2 * half * k / steps;
        water.push_back({kCentreE + u, kCentreN + riverOffset(u) + kRiverHalfWidth});
    }
    city.addZone(water, "E", "River");

    // Two bridges across the river, in their own layer.
    std::vector<Building> bridges;
    for (double bu : {-420.0, 560.0}) {
        Building b;
        b.id = std::int64_t(bridges.size()) + 1;
        Vec2 c = {kCentreE + bu, kCentreN + riverOffset(bu)};
        b.footprint.outer = {
            {c.x - 9, c.y - 150}, {c.x + 9, c.y - 150}, {c.x + 9, c.y + 150}, {c.x - 9, c.y + 150}};
        b.baseZ = 16.0;
        b.height = 2.0;
        b.use = "bridge";
        b.name = bu < 0 ? "West bridge" : "East bridge";
        bridges.push_back(std::move(b));
    }

    const std::uint32_t seed = options.seed;
    project.layers.push_back({"terrain", "Terrain", true, TerrainLayerData{demoTerrainUri(seed, size), dem}});
    project.layers.push_back({"zoning", "Zoning", true, ZoneLayerData{std::move(city.mZones)}});
    project.layers.push_back({"buildings", "Buildings", true, BuildingLayerData{std::move(city.mBuildings)}});
    if (options.buildingCount == 0)
        project.layers.push_back({"bridges", "Bridges", true, BuildingLayerData{std::move(bridges)}});
    return project;
}

} // namespace gis::demo
