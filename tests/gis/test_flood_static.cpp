// Flood tiers 0 and 1 (gis/analysis/flood): connectivity, the all-levels model against a naive r.lake-style
// flood fill, the low-lying unconnected class, sloped and raster surfaces, seeds and bad input, buildings and
// land cover, depression filling against a naive iterative fill, D8 flow, and rain ponding (analytic cases,
// volume conservation, equilibrium). Every DEM is generated here.
#include "gis/analysis/flood/depression_fill.h"
#include "gis/analysis/flood/flood_grid.h"
#include "gis/analysis/flood/static_flood.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace gis;
using namespace gis::analysis::flood;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Smoothed random terrain with flats (values rounded to 0.1 m) and optional nodata holes, 1 m cells.
RasterF randomDem(int w, int h, unsigned seed, bool holes) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(0, 10);
    RasterF r(w, h, 1000, 2000, 1.0);
    for (float& v : r.data)
        v = u(rng);
    for (int pass = 0; pass < 2; ++pass) {
        RasterF s = r;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                float sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx)
                        if (x + dx >= 0 && x + dx < w && y + dy >= 0 && y + dy < h) {
                            sum += r.at(x + dx, y + dy);
                            ++n;
                        }
                s.at(x, y) = std::round(sum / n * 10) / 10;
            }
        r = s;
    }
    if (holes) {
        std::uniform_int_distribution<int> cx(0, w - 1), cy(0, h - 1);
        for (int k = 0; k < 3; ++k) {
            const int x0 = cx(rng), y0 = cy(rng);
            for (int y = y0; y < std::min(h, y0 + 3); ++y)
                for (int x = x0; x < std::min(w, x0 + 2); ++x)
                    r.at(x, y) = kNaN;
        }
    }
    return r;
}

std::vector<std::pair<int, int>> neighbours(Connectivity c) {
    std::vector<std::pair<int, int>> n{{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
    if (c == Connectivity::Eight)
        n.insert(n.end(), {{1, -1}, {1, 1}, {-1, 1}, {-1, -1}});
    return n;
}

// GRASS r.lake's algorithm: sweep the grid until no cell changes (no queue, no priority); the level is
// compared in float, as r.lake reads it.
std::vector<std::uint8_t> naiveFlood(const RasterF& dem, const std::vector<std::uint32_t>& seeds,
                                     double levelM, Connectivity conn) {
    const float level = float(levelM);
    std::vector<std::uint8_t> wet(dem.data.size(), 0);
    for (auto s : seeds)
        wet[s] = dem.data[s] < level;
    const auto nb = neighbours(conn);
    for (bool changed = true; changed;) {
        changed = false;
        for (int y = 0; y < dem.height; ++y)
            for (int x = 0; x < dem.width; ++x) {
                const std::size_t i = std::size_t(y) * dem.width + x;
                if (wet[i] || !(dem.data[i] < level))
                    continue;
                for (auto [dx, dy] : nb)
                    if (x + dx >= 0 && x + dx < dem.width && y + dy >= 0 && y + dy < dem.height &&
                        wet[std::size_t(y + dy) * dem.width + x + dx]) {
                        wet[i] = 1;
                        changed = true;
                        break;
                    }
            }
    }
    return wet;
}

// The DEM edge per flood_grid.h, written out independently: border cells and cells next to nodata that is
// 8-connected to the border.
std::vector<std::uint8_t> edgeMask(const RasterF& dem) {
    const int w = dem.width, h = dem.height;
    std::vector<std::uint8_t> outside(dem.data.size(), 0);
    for (bool changed = true; changed;) {
        changed = false;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const std::size_t i = std::size_t(y) * w + x;
                if (outside[i] || !std::isnan(dem.data[i]))
                    continue;
                bool o = x == 0 || y == 0 || x == w - 1 || y == h - 1;
                for (int dy = -1; dy <= 1 && !o; ++dy)
                    for (int dx = -1; dx <= 1 && !o; ++dx)
                        o = outside[std::size_t(y + dy) * w + x + dx];
                if (o)
                    outside[i] = changed = true;
            }
    }
    std::vector<std::uint8_t> edge(dem.data.size(), 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const std::size_t i = std::size_t(y) * w + x;
            if (std::isnan(dem.data[i]))
                continue;
            bool e = x == 0 || y == 0 || x == w - 1 || y == h - 1;
            for (int dy = -1; dy <= 1 && !e; ++dy)
                for (int dx = -1; dx <= 1 && !e; ++dx)
                    e = outside[std::size_t(y + dy) * w + x + dx];
            edge[i] = e;
        }
    return edge;
}

// Planchon & Darboux (2002) in its plainest form: start at +inf inside, lower each cell to max(ground, lowest
// neighbour) until nothing changes.
std::vector<float> naiveFill(const RasterF& dem, Connectivity conn) {
    const auto edge = edgeMask(dem);
    std::vector<float> w(dem.data.size());
    for (std::size_t i = 0; i < w.size(); ++i)
        w[i] = std::isnan(dem.data[i]) ? kNaN
               : edge[i]               ? dem.data[i]
                                       : std::numeric_limits<float>::infinity();
    const auto nb = neighbours(conn);
    for (bool changed = true; changed;) {
        changed = false;
        for (int y = 0; y < dem.height; ++y)
            for (int x = 0; x < dem.width; ++x) {
                const std::size_t i = std::size_t(y) * dem.width + x;
                if (std::isnan(w[i]) || edge[i])
                    continue;
                for (auto [dx, dy] : nb) {
                    if (x + dx < 0 || x + dx >= dem.width || y + dy < 0 || y + dy >= dem.height)
                        continue;
                    const float n = w[std::size_t(y + dy) * dem.width + x + dx];
                    if (n < w[i]) {
                        const float v = std::max(dem.data[i], n);
                        if (v < w[i]) {
                            w[i] = v;
                            changed = true;
                        }
                    }
                }
            }
    }
    return w;
}

std::vector<std::uint32_t> randomSeeds(const RasterF& dem, unsigned seed, int count) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, dem.data.size() - 1);
    std::vector<std::uint32_t> out;
    while (int(out.size()) < count) {
        const std::size_t i = pick(rng);
        if (!std::isnan(dem.data[i]))
            out.push_back(std::uint32_t(i));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// A w x h grid of ground 0 with a one-cell wall of height 10 along the anti-diagonal x + y = n - 1.
RasterF diagonalWall(int n) {
    RasterF r(n, n, 0, n, 1.0, 0.0f);
    for (int i = 0; i < n; ++i)
        r.at(i, n - 1 - i) = 10;
    return r;
}

} // namespace

class TestFloodStatic : public QObject {
    Q_OBJECT
private slots:
    // ---- Tier 0 ----
    void diagonalWallLeaksWithEightHoldsWithFour() {
        const RasterF dem = diagonalWall(7);
        const std::vector<std::uint32_t> seed{0}; // north-west corner, above the wall
        NullProgress p;
        auto four = floodAtLevel(dem, seed, {}, 5.0, Connectivity::Four, p);
        auto eight = floodAtLevel(dem, seed, {}, 5.0, Connectivity::Eight, p);
        QVERIFY(four && eight);
        QCOMPARE(four->stats.floodedCells, std::size_t(21)); // x + y < 6 only
        QCOMPARE(four->stats.unconnectedCells, std::size_t(21));
        QCOMPARE(eight->stats.floodedCells, std::size_t(42)); // leaks through the diagonal gaps
        QCOMPARE(eight->stats.unconnectedCells, std::size_t(0));
        QCOMPARE(four->classes.at(6, 6), std::uint8_t(FloodClass::LowLyingUnconnected));
        QCOMPARE(eight->depth.at(6, 6), 5.0f);
        QCOMPARE(four->depth.at(6, 6), 0.0f);
        // The all-levels model agrees, and the wall itself floods only above 10 m.
        auto m4 = buildStaticFlood(dem, seed, {}, Connectivity::Four, p);
        QVERIFY(m4);
        QCOMPARE(m4->connection[6 * 7 + 6], 10.0f);
        QCOMPARE(statsAt(m4.value(), 5.0).floodedCells, std::size_t(21));
        QCOMPARE(statsAt(m4.value(), 10.5).floodedCells, std::size_t(49));
    }

    void allLevelsModelEqualsPerLevelFillsAndTheNaiveReference() {
        NullProgress p;
        for (unsigned seed = 1; seed <= 12; ++seed) {
            const RasterF dem = randomDem(30 + int(seed) * 3, 25 + int(seed) * 2, seed, seed % 2 == 0);
            const auto seeds = randomSeeds(dem, seed * 7, 1 + int(seed % 3));
            const Connectivity conn = seed % 3 == 0 ? Connectivity::Four : Connectivity::Eight;
            auto model = buildStaticFlood(dem, seeds, {}, conn, p);
            QVERIFY(model);
            const auto range = dem.valueRange().value();
            // Levels across the range, some exactly on cell values (strictly-below rule).
            for (double level : {range.first - 1.0, double(dem.data[seeds[0]]), 3.0, 4.0, 4.5, 5.0, 5.1, 5.3,
                                 6.0, range.second + 1.0}) {
                auto bfs = floodAtLevel(dem, seeds, {}, level, conn, p);
                QVERIFY(bfs);
                const FloodResult all = depthAt(model.value(), level);
                const auto naive = naiveFlood(dem, seeds, level, conn);
                for (std::size_t i = 0; i < dem.data.size(); ++i) {
                    const bool wet = bfs->classes.data[i] == std::uint8_t(FloodClass::Flooded);
                    if (wet != bool(naive[i]) || bfs->classes.data[i] != all.classes.data[i] ||
                        !(bfs->depth.data[i] == all.depth.data[i] ||
                          (std::isnan(bfs->depth.data[i]) && std::isnan(all.depth.data[i]))))
                        QFAIL(qPrintable(
                            QString(
                                "seed %1 level %2 cell %3 differs: bfs %4/%5 naive %6 model %7/%8 ground %9")
                                .arg(seed)
                                .arg(level)
                                .arg(i)
                                .arg(bfs->classes.data[i])
                                .arg(bfs->depth.data[i])
                                .arg(naive[i])
                                .arg(all.classes.data[i])
                                .arg(all.depth.data[i])
                                .arg(dem.data[i], 0, 'g', 10)));
                }
                QCOMPARE(all.stats.floodedCells, bfs->stats.floodedCells);
                QCOMPARE(all.stats.volumeM3, bfs->stats.volumeM3);
                QCOMPARE(statsAt(model.value(), level).unconnectedCells, bfs->stats.unconnectedCells);
            }
        }
    }

    void lowLyingUnconnectedCellsAreAClassOfTheirOwn() {
        // West basin at 0 (seeded), a ridge at 3, east basin at 1: at level 2 the east basin is below the
        // level but not connected; above 3 it joins.
        RasterF dem(9, 3, 0, 3, 2.0, 0.0f);
        for (int y = 0; y < 3; ++y) {
            dem.at(4, y) = 3;
            for (int x = 5; x < 9; ++x)
                dem.at(x, y) = 1;
        }
        NullProgress p;
        auto m = buildStaticFlood(dem, {0}, {}, Connectivity::Eight, p);
        QVERIFY(m);
        const FloodResult r = depthAt(m.value(), 2.0);
        QCOMPARE(r.stats.floodedCells, std::size_t(12));
        QCOMPARE(r.stats.areaM2, 48.0);
        QCOMPARE(r.stats.volumeM3, 96.0); // 12 cells x 4 m2 x 2 m
        QCOMPARE(r.stats.maxDepth, 2.0);
        QCOMPARE(r.stats.unconnectedCells, std::size_t(12));
        QCOMPARE(r.stats.unconnectedVolumeM3, 48.0);
        QCOMPARE(r.classes.at(6, 1), std::uint8_t(FloodClass::LowLyingUnconnected));
        QCOMPARE(r.classes.at(4, 1), std::uint8_t(FloodClass::Dry));
        const FloodStats above = statsAt(m.value(), 3.5);
        QCOMPARE(above.floodedCells, std::size_t(27));
        QCOMPARE(above.unconnectedCells, std::size_t(0));
        QCOMPARE(m->highestConnection, 3.0f);
    }

    void nodataNeverFloodsNorConducts() {
        RasterF dem(5, 3, 0, 3, 1.0, 0.0f);
        for (int y = 0; y < 3; ++y)
            dem.at(2, y) = kNaN; // a nodata column cuts the grid in two
        NullProgress p;
        auto r = floodAtLevel(dem, {0}, {}, 1.0, Connectivity::Eight, p);
        QVERIFY(r);
        QCOMPARE(r->stats.floodedCells, std::size_t(6));
        QCOMPARE(r->stats.unconnectedCells, std::size_t(6));
        QVERIFY(std::isnan(r->depth.at(2, 1)));
        QCOMPARE(r->classes.at(2, 1), std::uint8_t(FloodClass::NoData));
    }

    void slopedAndRasterSurfaces() {
        // Ground rising 1 m per km eastwards; a river surface with the same slope 0.5 m above it at the
        // anchor gives 0.5 m everywhere.
        RasterF dem(50, 10, 0, 100, 10.0);
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 50; ++x)
                dem.at(x, y) = float(20 + 0.001 * dem.cellCenter(x, y).x);
        WaterSurface s;
        s.kind = WaterSurface::Kind::Sloped;
        s.anchor = {0, 50};
        s.gradientX = 0.001;
        NullProgress p;
        auto r = floodAtLevel(dem, {0}, s, 20.5, Connectivity::Eight, p);
        QVERIFY(r);
        QCOMPARE(r->stats.floodedCells, std::size_t(500));
        QVERIFY(std::abs(r->stats.maxDepth - 0.5) < 1e-4);
        QVERIFY(std::abs(r->depth.at(49, 5) - 0.5) < 1e-4);
        // Flat levels: 20.5 is above all the ground, 20.2 floods the 20 western columns.
        auto flat = floodAtLevel(dem, {0}, {}, 20.5, Connectivity::Eight, p);
        QCOMPARE(flat->stats.floodedCells, std::size_t(10 * 50));
        QCOMPARE(floodAtLevel(dem, {0}, {}, 20.2, Connectivity::Eight, p)->stats.floodedCells,
                 std::size_t(10 * 20));
        // Raster surface: ground + 1 m on a coarser grid; L is an offset (0 = the surface).
        WaterSurface rs;
        rs.kind = WaterSurface::Kind::Raster;
        rs.surface = RasterF(26, 6, -10, 110, 20.0);
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 26; ++x)
                rs.surface.at(x, y) = float(21 + 0.001 * rs.surface.cellCenter(x, y).x);
        auto model = buildStaticFlood(dem, {0}, rs, Connectivity::Eight, p);
        QVERIFY(model);
        const FloodResult atSurface = depthAt(model.value(), 0.0);
        QCOMPARE(atSurface.stats.floodedCells, std::size_t(500));
        QVERIFY(std::abs(atSurface.stats.maxDepth - 1.0) < 1e-3);
        QVERIFY(std::abs(depthAt(model.value(), -0.25).depth.at(10, 3) - 0.75) < 1e-3);
    }

    void seedsAndTheirErrors() {
        RasterF dem(10, 8, 100, 200, 2.0, 1.0f);
        dem.at(3, 3) = kNaN;
        FloodSeeds s;
        s.points = {{101, 199}, {119.9, 184.1}};
        auto cells = seedCells(dem, s, "d.tif");
        QVERIFY(cells);
        QCOMPARE(cells.value(), (std::vector<std::uint32_t>{0, 79}));
        s.points = {{101, 199}, {150, 190}};
        auto outside = seedCells(dem, s, "d.tif");
        QVERIFY(!outside);
        QVERIFY2(outside.error().find("Seed point 2 (150.00, 190.00) is outside the DEM 'd.tif'") !=
                     std::string::npos,
                 outside.error().c_str());
        s.points = {{107, 193}};
        auto onNoData = seedCells(dem, s, "d.tif");
        QVERIFY(!onNoData && onNoData.error().find("nodata") != std::string::npos);
        // A line across the grid from west to east along row 2 seeds 10 cells, skipping nothing valid.
        s.points.clear();
        s.lines = {{{99, 195}, {130, 195}}};
        cells = seedCells(dem, s, "d.tif");
        QVERIFY(cells);
        QCOMPARE(cells->size(), std::size_t(10));
        s.lines = {{{0, 0}, {10, 10}}};
        QVERIFY(!seedCells(dem, s, "d.tif"));
        // Edge: border cells plus cells next to outside nodata; an interior hole is not an outlet.
        RasterF coast(6, 6, 0, 6, 1.0, 1.0f);
        for (int y = 0; y < 6; ++y)
            coast.at(5, y) = coast.at(4, y) = kNaN; // the sea, clipped out
        coast.at(2, 2) = kNaN;                      // a hole
        FloodSeeds e;
        e.edge = true;
        cells = seedCells(coast, e, "c.tif");
        QVERIFY(cells);
        const auto mask = edgeMask(coast);
        QCOMPARE(cells->size(), std::size_t(std::count(mask.begin(), mask.end(), 1)));
        QCOMPARE(cells->size(), std::size_t(16)); // 23 valid cells minus 7 inner ones: the hole is no outlet
    }

    void badLevelsAndGeographicDems() {
        RasterF dem(4, 4, 0, 4, 1.0, 10.0f);
        QVERIFY(checkLevel(dem, 12, "d.tif"));
        QVERIFY(checkLevel(dem, -50, "d.tif")); // below ground: allowed, floods nothing
        QVERIFY(!checkLevel(dem, 9500, "d.tif"));
        QVERIFY(!checkLevel(dem, -1200, "d.tif"));
        QVERIFY(!checkLevel(dem, std::nan(""), "d.tif"));
        RasterF deg(100, 100, 116.0, 40.0, 0.0001, 50.0f);
        Status s = checkHydrologyDem(deg, Crs{"EPSG:4326"}, "deg.tif");
        QVERIFY(!s);
        QVERIFY2(s.error().find("gdalwarp -t_srs EPSG:32650") != std::string::npos, s.error().c_str());
        QVERIFY(!checkHydrologyDem(deg, Crs{}, "deg.tif")); // no CRS but degree-like numbers
        QVERIFY(checkHydrologyDem(RasterF(10, 10, 500000, 4400000, 1.0, 5.0f), Crs{"EPSG:32650"}, "m.tif"));
        RasterF empty(3, 3, 500000, 4400000, 1.0, kNaN);
        QVERIFY(!checkHydrologyDem(empty, Crs{"EPSG:32650"}, "e.tif"));
    }

    void buildingsAndLandCover() {
        RasterF dem(10, 10, 0, 10, 1.0, 2.0f);
        Building b;
        b.footprint.outer = {{2, 2}, {5, 2}, {5, 6}, {2, 6}}; // covers centres x 2.5..4.5, y 2.5..5.5
        std::vector<Building> buildings{b};
        const auto mask = buildingMask(dem, buildings);
        QCOMPARE(std::count(mask.begin(), mask.end(), 1), std::ptrdiff_t(12));
        RasterF blocked = dem, raised = dem;
        QCOMPARE(burnBuildings(blocked, buildings, {BuildingMode::Blocked, 0}), std::size_t(12));
        QVERIFY(std::isnan(blocked.at(3, 5)));
        QCOMPARE(burnBuildings(raised, buildings, {BuildingMode::Raised, 5}), std::size_t(12));
        QCOMPARE(raised.at(3, 5), 7.0f);
        QCOMPARE(raised.at(1, 5), 2.0f);

        auto table = defaultLandCoverTable();
        QVERIFY2(table, table.error().c_str());
        QVERIFY(table->find(table->buildingCode));
        RasterF cover(10, 10, 0, 10, 1.0, 30.0f); // grassland
        cover.at(0, 0) = 999;                     // unknown: default class
        burnBuildingClass(cover, buildings, table.value());
        auto c = landCoverProperty(cover, dem, table.value(), LandCoverProperty::RunoffCoefficient);
        QVERIFY(c);
        QCOMPARE(c->at(3, 5), float(table->classOf(table->buildingCode).runoffCoefficient));
        QCOMPARE(c->at(9, 9), float(table->classOf(30).runoffCoefficient));
        QCOMPARE(c->at(0, 0), float(table->classOf(table->defaultCode).runoffCoefficient));
        auto n = landCoverProperty(cover, dem, table.value(), LandCoverProperty::ManningN);
        QVERIFY(n && n->at(9, 9) > 0.02f);
        RasterF other(5, 5, 0, 10, 2.0, 30.0f);
        auto mismatch = landCoverProperty(other, dem, table.value(), LandCoverProperty::ManningN);
        QVERIFY(!mismatch && mismatch.error().find("gdalwarp") != std::string::npos);
        QVERIFY(!parseLandCoverTable("{\"classes\": []}", "x.json"));
        QVERIFY(
            !parseLandCoverTable(R"({"default_code":1,"building_code":1,"classes":[{"code":1,"manning_n":2,
                                         "runoff_coefficient":0.5}]})",
                                 "x.json"));
    }

    // ---- Tier 1 ----
    void fillMatchesTheNaiveIterativeFill() {
        NullProgress p;
        for (unsigned seed = 1; seed <= 10; ++seed) {
            const RasterF dem = randomDem(20 + int(seed) * 2, 18 + int(seed), 100 + seed, seed % 2 == 1);
            for (Connectivity conn : {Connectivity::Eight, Connectivity::Four}) {
                auto fill = fillDepressions(dem, {conn, false}, p);
                QVERIFY(fill);
                const auto ref = naiveFill(dem, conn);
                double volume = 0;
                for (std::size_t i = 0; i < dem.data.size(); ++i) {
                    if (std::isnan(dem.data[i])) {
                        QVERIFY(std::isnan(fill->filled.data[i]));
                        continue;
                    }
                    QVERIFY(fill->filled.data[i] >= dem.data[i]);
                    if (fill->filled.data[i] != ref[i])
                        QFAIL(qPrintable(QString("seed %1 cell %2: %3 vs naive %4")
                                             .arg(seed)
                                             .arg(i)
                                             .arg(fill->filled.data[i])
                                             .arg(ref[i])));
                    volume += fill->depth.data[i];
                }
                QVERIFY(std::abs(volume - fill->sinkVolumeM3) < 1e-6 * std::max(1.0, volume));
                QVERIFY(fill->sinkCells > 0);
            }
        }
    }

    void filledSurfaceHasNoInteriorPits() {
        // Every valid cell reaches an outlet along a non-ascending path of the filled surface.
        NullProgress p;
        const RasterF dem = randomDem(60, 50, 7, true);
        auto fill = fillDepressions(dem, {}, p);
        QVERIFY(fill);
        const auto edge = edgeMask(dem);
        std::vector<std::uint8_t> reached(edge.begin(), edge.end());
        std::vector<std::size_t> stack;
        for (std::size_t i = 0; i < reached.size(); ++i)
            if (reached[i])
                stack.push_back(i);
        const auto& f = fill->filled;
        while (!stack.empty()) {
            const std::size_t c = stack.back();
            stack.pop_back();
            const int x = int(c % f.width), y = int(c / f.width);
            for (auto [dx, dy] : neighbours(Connectivity::Eight)) {
                if (x + dx < 0 || x + dx >= f.width || y + dy < 0 || y + dy >= f.height)
                    continue;
                const std::size_t n = std::size_t(y + dy) * f.width + x + dx;
                if (!reached[n] && !std::isnan(f.data[n]) && f.data[n] >= f.data[c]) {
                    reached[n] = 1;
                    stack.push_back(n);
                }
            }
        }
        for (std::size_t i = 0; i < reached.size(); ++i)
            QVERIFY(reached[i] || std::isnan(dem.data[i]));
    }

    void d8DirectionsDrainEverythingAndAccumulationSums() {
        NullProgress p;
        for (unsigned seed = 1; seed <= 6; ++seed) {
            const RasterF dem = randomDem(40, 35, 200 + seed, seed % 2 == 0);
            auto dirs = flowDirections(dem, {}, p);
            QVERIFY(dirs);
            std::size_t valid = 0;
            for (std::size_t i = 0; i < dem.data.size(); ++i) {
                if (std::isnan(dem.data[i])) {
                    QCOMPARE(dirs->data[i], kNoFlow);
                    continue;
                }
                ++valid;
                // Follow the path: it ends at an outlet within the number of cells (no cycle).
                std::ptrdiff_t c = std::ptrdiff_t(i);
                std::size_t steps = 0;
                while (dirs->data[std::size_t(c)] != kOutlet && steps <= dem.data.size()) {
                    const std::ptrdiff_t n = downstreamCell(dirs.value(), std::size_t(c));
                    QVERIFY2(n >= 0, "a direction points off the grid or into nodata");
                    c = n;
                    ++steps;
                }
                QCOMPARE(dirs->data[std::size_t(c)], kOutlet);
            }
            RasterF weights(dem.width, dem.height, dem.originX, dem.originY, dem.cellSize, 2.0f);
            auto acc = flowAccumulation(dirs.value(), nullptr, p);
            auto wacc = flowAccumulation(dirs.value(), &weights, p);
            QVERIFY(acc && wacc);
            double atOutlets = 0;
            std::vector<double> upstream(dem.data.size(), 0.0);
            for (std::size_t i = 0; i < dem.data.size(); ++i) {
                if (dirs->data[i] == kOutlet)
                    atOutlets += acc->data[i];
                if (const auto n = downstreamCell(dirs.value(), i); n >= 0)
                    upstream[std::size_t(n)] += acc->data[i];
            }
            QCOMPARE(atOutlets, double(valid));
            for (std::size_t i = 0; i < dem.data.size(); ++i)
                if (!std::isnan(dem.data[i])) {
                    QCOMPARE(double(acc->data[i]), 1.0 + upstream[i]);
                    QCOMPARE(wacc->data[i], 2.0f * acc->data[i]);
                }
        }
        Raster<std::uint8_t> loop(2, 1, 0, 1, 1.0, 1);
        loop.data = {1, 16}; // east, west: a cycle
        NullProgress q;
        QVERIFY(!flowAccumulation(loop, nullptr, q));
    }

    void pondingAnalyticCases();
    void pondingConservesVolumeAndIsInEquilibrium();
};

namespace {
// Two basins inside a high frame (the grid border, an outlet, at 50 m): A (cols 1-3, ground 0) and B (cols
// 5-10, ground 1) separated by a saddle column at 2 m; rows 1-5.
RasterF twoBasins() {
    RasterF dem(12, 7, 0, 7, 1.0, 50.0f);
    for (int y = 1; y <= 5; ++y)
        for (int x = 1; x <= 10; ++x)
            dem.at(x, y) = x <= 3 ? 0.0f : x == 4 ? 2.0f : 1.0f;
    return dem;
}
} // namespace

void TestFloodStatic::pondingAnalyticCases() {
    NullProgress p;
    const RasterF dem = twoBasins();
    auto depthAtCell = [](const PondingResult& r, int x, int y) { return double(r.depth.at(x, y)); };
    // A's catchment is its 15 cells plus the 5 saddle cells (reached by A's flood first); B's is 30 cells.
    // Both hold 30 m3 below the saddle. 1.1 m of rain: B (33 m3) spills 3 into A (22 + 3 = 25 m3).
    auto r = pondRain(dem, {1100, nullptr, 1.0, false}, p);
    QVERIFY2(r, r ? "" : r.error().c_str());
    QCOMPARE(r->depressions, std::size_t(2));
    QVERIFY(std::abs(depthAtCell(r.value(), 7, 3) - 1.0) < 1e-5);
    QVERIFY(std::abs(depthAtCell(r.value(), 2, 3) - 25.0 / 15) < 1e-5);
    QCOMPARE(depthAtCell(r.value(), 4, 3), 0.0);
    QCOMPARE(r->fullDepressions, std::size_t(1));
    const double frameRain = (84 - 50) * 1.1;
    QVERIFY(std::abs(r->drainedVolumeM3 - frameRain) < 1e-6); // only what fell on the outlets
    QVERIFY(std::abs(r->pondedVolumeM3 - 55.0) < 1e-4);
    // 1.5 m: 75 m3 > 60: one lake above the saddle, 15 h + 30 (h - 1) + 5 (h - 2) = 75 -> h = 2.3.
    r = pondRain(dem, {1500, nullptr, 1.0, false}, p);
    QVERIFY(r);
    QVERIFY(std::abs(depthAtCell(r.value(), 2, 3) - 2.3) < 1e-5);
    QVERIFY(std::abs(depthAtCell(r.value(), 7, 3) - 1.3) < 1e-5);
    QVERIFY(std::abs(depthAtCell(r.value(), 4, 3) - 0.3) < 1e-5);
    QCOMPARE(r->fullDepressions, std::size_t(2));
    // A runoff coefficient of 0.5 halves the water: 0.55 m of runoff from 1.1 m of rain, nobody spills.
    RasterF half(dem.width, dem.height, dem.originX, dem.originY, 1.0, 0.5f);
    r = pondRain(dem, {1100, &half, 1.0, false}, p);
    QVERIFY(r);
    QVERIFY(std::abs(depthAtCell(r.value(), 2, 3) - 0.55 * 20 / 15) < 1e-5);
    QVERIFY(std::abs(depthAtCell(r.value(), 7, 3) - 0.55) < 1e-5);
    QVERIFY(std::abs(r->runoffVolumeM3 - 0.5 * r->rainVolumeM3) < 1e-6);
    // A low gap in the frame at 2.5 m east of B: the lake stops at 2.5 m and the rest drains off.
    RasterF leaky = dem;
    leaky.at(11, 3) = 2.5f;
    r = pondRain(leaky, {3000, nullptr, 1.0, false}, p);
    QVERIFY(r);
    QVERIFY(std::abs(depthAtCell(r.value(), 2, 3) - 2.5) < 1e-5);
    const double lake = 50 * 2.5 - 40; // V(2.5) = 15 x 2.5 + 30 x 1.5 + 5 x 0.5
    QVERIFY(std::abs(r->pondedVolumeM3 - lake) < 1e-4);
    QVERIFY(std::abs(r->drainedVolumeM3 - (50 * 3.0 - lake + 34 * 3.0)) < 1e-4);
}

void TestFloodStatic::pondingConservesVolumeAndIsInEquilibrium() {
    NullProgress p;
    for (unsigned seed = 1; seed <= 10; ++seed) {
        const RasterF dem = randomDem(45, 40, 300 + seed, seed % 2 == 0);
        auto fill = fillDepressions(dem, {}, p);
        QVERIFY(fill);
        std::vector<float> previous(dem.data.size(), 0.0f);
        for (double mm : {5.0, 40.0, 200.0, 1000.0, 9000.0}) {
            auto r = pondRain(dem, {mm, nullptr, 0.8, false}, p);
            QVERIFY(r);
            // Conservation: what ponds (summed here from the depths) + what drains = the runoff.
            double ponded = 0;
            for (float d : r->depth.data)
                if (d > 0)
                    ponded += d;
            QVERIFY(std::abs(ponded - r->pondedVolumeM3) < 1e-6 * std::max(1.0, ponded));
            QVERIFY2(std::abs(r->pondedVolumeM3 + r->drainedVolumeM3 - r->runoffVolumeM3) <
                         1e-5 * r->runoffVolumeM3,
                     qPrintable(QString("seed %1, %2 mm: ponded %3 + drained %4 vs runoff %5")
                                    .arg(seed)
                                    .arg(mm)
                                    .arg(r->pondedVolumeM3)
                                    .arg(r->drainedVolumeM3)
                                    .arg(r->runoffVolumeM3)));
            QVERIFY(std::abs(r->runoffVolumeM3 - 0.8 * r->rainVolumeM3) < 1e-6 * r->rainVolumeM3);
            for (std::size_t i = 0; i < dem.data.size(); ++i) {
                if (std::isnan(dem.data[i]))
                    continue;
                const float d = r->depth.data[i];
                // Never deeper than the filled sink, never less water for more rain.
                QVERIFY(d <= fill->depth.data[i] + 1e-4f);
                QVERIFY(d >= previous[i] - 1e-4f);
                previous[i] = d;
                // Equilibrium: a wet cell's neighbours are wet at the same level or not lower than it.
                if (d <= 0)
                    continue;
                const double h = dem.data[i] + d;
                const int x = int(i % dem.width), y = int(i / dem.width);
                for (auto [dx, dy] : neighbours(Connectivity::Eight)) {
                    if (x + dx < 0 || x + dx >= dem.width || y + dy < 0 || y + dy >= dem.height)
                        continue;
                    const std::size_t n = std::size_t(y + dy) * dem.width + x + dx;
                    if (std::isnan(dem.data[n]))
                        continue;
                    const double hn = dem.data[n] + r->depth.data[n];
                    if (!(std::abs(hn - h) < 1e-4 || dem.data[n] >= h - 1e-4))
                        QFAIL(qPrintable(QString("seed %1, %2 mm: cell %3 level %4 beside cell %5 at %6")
                                             .arg(seed)
                                             .arg(mm)
                                             .arg(i)
                                             .arg(h)
                                             .arg(n)
                                             .arg(hn)));
                }
            }
        }
        // 9 m of rain fills every depression: ponding equals the filled sinks.
        for (std::size_t i = 0; i < dem.data.size(); ++i)
            if (!std::isnan(dem.data[i]))
                QVERIFY(std::abs(previous[i] - fill->depth.data[i]) < 1e-4);
    }
}

QTEST_GUILESS_MAIN(TestFloodStatic)
#include "test_flood_static.moc"
