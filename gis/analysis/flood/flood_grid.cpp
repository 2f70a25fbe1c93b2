#include "gis/analysis/flood/flood_grid.h"

#include "gis/io/crs_transform.h"
#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/resources.h"

#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace gis::analysis::flood {

namespace {

std::string fmt(double v, int decimals = 2) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(decimals);
    s << v;
    return s.str();
}

std::string where(const Vec2& p) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(2);
    s << '(' << p.x << ", " << p.y << ')';
    return s.str();
}

// The cell holding a point, or -1 outside the grid.
std::ptrdiff_t cellOf(const RasterF& g, const Vec2& p) {
    const double fc = (p.x - g.originX) / g.cellSize, fr = (g.originY - p.y) / g.cellSize;
    if (!(fc >= 0 && fr >= 0 && fc < g.width && fr < g.height))
        return -1;
    return std::ptrdiff_t(int(fr)) * g.width + int(fc);
}

} // namespace

// ---- Buildings -------------------------------------------------------------------------------------------

void forEachCellInPolygon(const RasterF& g, const Polygon& polygon,
                          const std::function<void(std::size_t)>& fn) {
    const Extent e = polygon.extent();
    if (e.isEmpty() || g.isEmpty())
        return;
    // Rows whose centre line crosses the extent.
    const int r0 = std::max(0, int(std::ceil((g.originY - e.maxY) / g.cellSize - 0.5)));
    const int r1 = std::min(g.height - 1, int(std::floor((g.originY - e.minY) / g.cellSize - 0.5)));
    std::vector<double> xs;
    for (int row = r0; row <= r1; ++row) {
        const double y = g.originY - (row + 0.5) * g.cellSize;
        xs.clear();
        auto crossings = [&](const Ring& ring) {
            for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
                const Vec2& a = ring[i];
                const Vec2& b = ring[(i + 1) % n];
                if ((a.y <= y) != (b.y <= y)) // half-open: a vertex on the line counts once
                    xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        };
        crossings(polygon.outer);
        for (const Ring& hole : polygon.holes)
            crossings(hole);
        std::sort(xs.begin(), xs.end());
        // Even-odd: cell centres in [xs[k], xs[k+1]) for even k.
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            const int c0 = std::max(0, int(std::ceil((xs[k] - g.originX) / g.cellSize - 0.5)));
            const int c1 =
                std::min(g.width - 1, int(std::ceil((xs[k + 1] - g.originX) / g.cellSize - 0.5)) - 1);
            for (int col = c0; col <= c1; ++col)
                fn(std::size_t(row) * g.width + col);
        }
    }
}

std::vector<std::uint8_t> buildingMask(const RasterF& grid, const std::vector<Building>& buildings) {
    std::vector<std::uint8_t> mask(grid.data.size(), 0);
    for (const Building& b : buildings)
        forEachCellInPolygon(grid, b.footprint, [&](std::size_t i) { mask[i] = 1; });
    return mask;
}

std::size_t burnBuildings(RasterF& dem, const std::vector<Building>& buildings,
                          const BuildingBurnOptions& options) {
    if (options.mode == BuildingMode::None)
        return 0;
    const std::vector<std::uint8_t> mask = buildingMask(dem, buildings);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < mask.size(); ++i) {
        if (!mask[i] || std::isnan(dem.data[i]))
            continue;
        dem.data[i] = options.mode == BuildingMode::Blocked ? std::numeric_limits<float>::quiet_NaN()
                                                            : float(dem.data[i] + options.raiseBy);
        ++changed;
    }
    return changed;
}

// ---- Land cover ------------------------------------------------------------------------------------------

const LandCoverClass* LandCoverTable::find(int code) const {
    for (const LandCoverClass& c : classes)
        if (c.code == code)
            return &c;
    return nullptr;
}

const LandCoverClass& LandCoverTable::classOf(int code) const {
    if (const LandCoverClass* c = find(code))
        return *c;
    return *find(defaultCode); // parseLandCoverTable guarantees it exists
}

Result<LandCoverTable> parseLandCoverTable(const std::string& jsonText, const std::string& source) {
    const std::string where = "Land-cover table '" + source + "': ";
    nlohmann::json j = nlohmann::json::parse(jsonText, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Error{where +
                     "not valid JSON (an object with \"classes\", \"default_code\", \"building_code\")."};
    if (!j.contains("classes") || !j["classes"].is_array() || j["classes"].empty())
        return Error{where + "\"classes\" must be a non-empty array."};
    LandCoverTable t;
    std::set<int> codes;
    for (std::size_t i = 0; i < j["classes"].size(); ++i) {
        const nlohmann::json& c = j["classes"][i];
        const std::string item = where + "class " + std::to_string(i + 1) + ": ";
        if (!c.is_object() || !c.contains("code") || !c["code"].is_number_integer())
            return Error{item + "needs an integer \"code\"."};
        LandCoverClass k;
        k.code = c["code"].get<int>();
        k.name = c.value("name", std::string("class ") + std::to_string(k.code));
        if (!c.contains("manning_n") || !c["manning_n"].is_number() || !c.contains("runoff_coefficient") ||
            !c["runoff_coefficient"].is_number())
            return Error{item + "needs numbers \"manning_n\" and \"runoff_coefficient\"."};
        k.manningN = c["manning_n"].get<double>();
        k.runoffCoefficient = c["runoff_coefficient"].get<double>();
        if (!(k.manningN > 0 && k.manningN <= 1))
            return Error{item + "manning_n " + fmt(k.manningN, 4) + " is outside (0, 1] s/m^(1/3)."};
        if (!(k.runoffCoefficient >= 0 && k.runoffCoefficient <= 1))
            return Error{item + "runoff_coefficient " + fmt(k.runoffCoefficient, 3) + " is outside [0, 1]."};
        if (!codes.insert(k.code).second)
            return Error{item + "code " + std::to_string(k.code) + " is used twice."};
        t.classes.push_back(std::move(k));
    }
    if (!j.contains("default_code") || !j["default_code"].is_number_integer() ||
        !t.find(j["default_code"].get<int>()))
        return Error{where + "\"default_code\" must name one of the classes."};
    if (!j.contains("building_code") || !j["building_code"].is_number_integer() ||
        !t.find(j["building_code"].get<int>()))
        return Error{where + "\"building_code\" must name one of the classes."};
    t.defaultCode = j["default_code"].get<int>();
    t.buildingCode = j["building_code"].get<int>();
    return t;
}

Result<LandCoverTable> loadLandCoverTable(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return Error{"Cannot read the land-cover table '" + path +
                     "': the file does not exist or is unreadable."};
    std::stringstream text;
    text << f.rdbuf();
    return parseLandCoverTable(text.str(), path);
}

Result<LandCoverTable> defaultLandCoverTable() {
    return loadLandCoverTable(resourceDirectory() + "/flood/landcover.json");
}

std::string landCoverTableJson(const LandCoverTable& table) {
    nlohmann::json classes = nlohmann::json::array();
    for (const LandCoverClass& c : table.classes)
        classes.push_back({{"code", c.code},
                           {"name", c.name},
                           {"manning_n", c.manningN},
                           {"runoff_coefficient", c.runoffCoefficient}});
    return nlohmann::json{
        {"default_code", table.defaultCode}, {"building_code", table.buildingCode}, {"classes", classes}}
        .dump(2);
}

void burnBuildingClass(RasterF& landCover, const std::vector<Building>& buildings,
                       const LandCoverTable& table) {
    const float roof = float(table.buildingCode);
    for (const Building& b : buildings)
        forEachCellInPolygon(landCover, b.footprint, [&](std::size_t i) { landCover.data[i] = roof; });
}

Result<RasterF> landCoverProperty(const RasterF& landCover, const RasterF& dem, const LandCoverTable& table,
                                  LandCoverProperty property) {
    const double tol = 1e-6 * dem.cellSize;
    if (landCover.width != dem.width || landCover.height != dem.height ||
        std::abs(landCover.cellSize - dem.cellSize) > tol ||
        std::abs(landCover.originX - dem.originX) > tol || std::abs(landCover.originY - dem.originY) > tol) {
        const Extent e = dem.extent();
        return Error{"The land-cover raster is not on the DEM's grid (" + std::to_string(landCover.width) +
                     "x" + std::to_string(landCover.height) + " cells of " + fmt(landCover.cellSize) +
                     " m against " + std::to_string(dem.width) + "x" + std::to_string(dem.height) + " of " +
                     fmt(dem.cellSize) + " m); resample it first: gdalwarp -r mode -te " + fmt(e.minX, 3) +
                     " " + fmt(e.minY, 3) + " " + fmt(e.maxX, 3) + " " + fmt(e.maxY, 3) + " -tr " +
                     fmt(dem.cellSize, 3) + " " + fmt(dem.cellSize, 3) +
                     " landcover.tif landcover_on_dem.tif"};
    }
    RasterF out(dem.width, dem.height, dem.originX, dem.originY, dem.cellSize);
    out.noData = std::numeric_limits<float>::quiet_NaN();
    for (std::size_t i = 0; i < out.data.size(); ++i) {
        if (std::isnan(dem.data[i])) {
            out.data[i] = std::numeric_limits<float>::quiet_NaN();
            continue;
        }
        const float code = landCover.data[i];
        const LandCoverClass& c =
            table.classOf(std::isnan(code) ? table.defaultCode : int(std::lround(code)));
        out.data[i] = float(property == LandCoverProperty::ManningN ? c.manningN : c.runoffCoefficient);
    }
    return out;
}

// ---- DEM checks ------------------------------------------------------------------------------------------

Status checkHydrologyDem(const RasterF& dem, const Crs& crs, const std::string& path) {
    const std::string name = "DEM '" + path + "'";
    if (dem.isEmpty())
        return Error{name + " has no cells."};
    if ((std::size_t(dem.width) + 2) * (std::size_t(dem.height) + 2) >= (std::size_t(1) << 32) - 1)
        return Error{name + " is too large for flood analysis (" + std::to_string(dem.width) + "x" +
                     std::to_string(dem.height) +
                     " cells; the limit is about 4 billion): clip it to the area "
                     "of interest (gdalwarp -te) or coarsen it (gdalwarp -tr)."};
    const bool allNoData =
        std::all_of(dem.data.begin(), dem.data.end(), [](float v) { return std::isnan(v); });
    if (allNoData)
        return Error{name + " holds only nodata cells."};
    const Extent e = dem.extent();
    const bool looksLikeDegrees =
        e.minX >= -180.5 && e.maxX <= 360.5 && e.minY >= -90.5 && e.maxY <= 90.5 && dem.cellSize < 0.05;
    const bool projected = !crs.isEmpty() && io::isProjectedMetric(crs);
    if ((!crs.isEmpty() && !projected) || (crs.isEmpty() && looksLikeDegrees)) {
        if (looksLikeDegrees) {
            const Vec2 c = e.center();
            const std::string utm = io::utmZoneFor(c.x, c.y).definition;
            return Error{
                name + " is in geographic coordinates (degrees" +
                std::string(crs.isEmpty() ? ", judging by its extent; it has no CRS" : "") +
                "): cell areas and flood volumes need metres. Reproject it first, e.g. gdalwarp -t_srs " +
                utm + " -r bilinear " + path + " dem_utm.tif (" + utm +
                " is the UTM zone of its centre; a national projected CRS in metres is fine too)."};
        }
        return Error{name + " is not in a projected CRS in metres (" + io::crsName(crs) +
                     "); reproject it first, e.g. gdalwarp -t_srs EPSG:xxxx -r bilinear " + path +
                     " dem_metres.tif with a projected CRS in metres for the area."};
    }
    return Status::ok();
}

// ---- Seeds -----------------------------------------------------------------------------------------------

Result<std::vector<std::uint32_t>> seedCells(const RasterF& dem, const FloodSeeds& seeds,
                                             const std::string& demName) {
    std::vector<std::uint32_t> cells;
    const std::string dem_ = "the DEM '" + demName + "'";
    auto valid = [&](std::ptrdiff_t i) { return i >= 0 && !std::isnan(dem.data[std::size_t(i)]); };
    for (std::size_t k = 0; k < seeds.points.size(); ++k) {
        const Vec2& p = seeds.points[k];
        const std::string seed = "Seed point " + std::to_string(k + 1) + " " + where(p);
        const std::ptrdiff_t i = cellOf(dem, p);
        if (i < 0) {
            const Extent e = dem.extent();
            return Error{seed + " is outside " + dem_ + " (x " + fmt(e.minX) + " to " + fmt(e.maxX) + ", y " +
                         fmt(e.minY) + " to " + fmt(e.maxY) +
                         "); give coordinates in the DEM's CRS, inside its extent."};
        }
        if (!valid(i))
            return Error{seed + " is on a nodata cell of " + dem_ + "; move it onto valid ground."};
        cells.push_back(std::uint32_t(i));
    }
    for (std::size_t k = 0; k < seeds.lines.size(); ++k) {
        const auto& line = seeds.lines[k];
        std::size_t before = cells.size();
        auto add = [&](const Vec2& p) {
            const std::ptrdiff_t i = cellOf(dem, p);
            if (valid(i))
                cells.push_back(std::uint32_t(i));
        };
        if (line.size() == 1)
            add(line[0]);
        for (std::size_t s = 0; s + 1 < line.size(); ++s) {
            // Samples every quarter cell: every cell the segment crosses by more than a corner is hit.
            const Vec2 a = line[s], b = line[s + 1];
            const double len = std::hypot(b.x - a.x, b.y - a.y);
            const int steps = std::max(1, int(std::ceil(len / (0.25 * dem.cellSize))));
            if (steps > 50'000'000)
                return Error{"Seed line " + std::to_string(k + 1) + " is implausibly long (" + fmt(len, 0) +
                             " m); check its CRS."};
            for (int t = 0; t <= steps; ++t)
                add(a + (b - a) * (double(t) / steps));
        }
        if (cells.size() == before)
            return Error{"Seed line " + std::to_string(k + 1) + " (starting at " +
                         where(line.empty() ? Vec2{} : line.front()) + ") does not cross any valid cell of " +
                         dem_ + "; check that it is in the DEM's CRS and inside its extent."};
    }
    for (std::size_t k = 0; k < seeds.areas.size(); ++k) {
        std::size_t before = cells.size();
        forEachCellInPolygon(dem, seeds.areas[k], [&](std::size_t i) {
            if (!std::isnan(dem.data[i]))
                cells.push_back(std::uint32_t(i));
        });
        if (cells.size() == before)
            return Error{"Seed area " + std::to_string(k + 1) + " covers no valid cell centre of " + dem_ +
                         "; check that it is in the DEM's CRS and inside its extent."};
    }
    if (seeds.edge) {
        const auto edge = detail::edgeCells(dem, false);
        cells.insert(cells.end(), edge.begin(), edge.end());
    }
    std::sort(cells.begin(), cells.end());
    cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
    return cells;
}

namespace {

void addGeometry(const OGRGeometry* g, FloodSeeds& out, std::size_t& skipped) {
    if (!g)
        return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        const auto* p = g->toPoint();
        out.points.push_back({p->getX(), p->getY()});
        break;
    }
    case wkbLineString: {
        const auto* l = g->toLineString();
        std::vector<Vec2> line;
        for (int i = 0; i < l->getNumPoints(); ++i)
            line.push_back({l->getX(i), l->getY(i)});
        if (!line.empty())
            out.lines.push_back(std::move(line));
        break;
    }
    case wkbPolygon: {
        const auto* poly = g->toPolygon();
        Polygon p;
        auto ring = [](const OGRLinearRing* r) {
            Ring out;
            for (int i = 0; r && i < r->getNumPoints(); ++i)
                out.push_back({r->getX(i), r->getY(i)});
            if (out.size() > 1 && out.front() == out.back())
                out.pop_back();
            return out;
        };
        p.outer = ring(poly->getExteriorRing());
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            p.holes.push_back(ring(poly->getInteriorRing(i)));
        if (p.outer.size() >= 3)
            out.areas.push_back(std::move(p));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g->toGeometryCollection())
            addGeometry(part, out, skipped);
        break;
    default:
        ++skipped;
    }
}

} // namespace

Result<FloodSeeds> readSeedFile(const std::string& path, const Crs& demCrs) {
    io::initGdal();
    io::GdalErrorScope errors;
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const bool csv = lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0;
    const char* csvOptions[] = {"X_POSSIBLE_NAMES=x,easting,east,lon,long,longitude",
                                "Y_POSSIBLE_NAMES=y,northing,north,lat,latitude", "KEEP_GEOM_COLUMNS=NO",
                                "AUTODETECT_TYPE=YES", nullptr};
    GDALDataset* raw = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                            nullptr, csv ? csvOptions : nullptr, nullptr));
    io::detail::DatasetPtr ds(raw);
    if (!ds)
        return Error{"Cannot read the seed file '" + path + "': " +
                     (errors.lastError().empty() ? "not a vector file GDAL can read" : errors.lastError()) +
                     ". Give points or lines as GeoJSON, GeoPackage, Shapefile or CSV (x,y columns)."};
    FloodSeeds seeds;
    std::size_t skipped = 0;
    for (OGRLayer* layer : ds->GetLayers()) {
        FloodSeeds layerSeeds;
        layer->ResetReading();
        for (auto& feature : *layer)
            addGeometry(feature->GetGeometryRef(), layerSeeds, skipped);
        const OGRSpatialReference* srs = layer->GetSpatialRef();
        if (srs && !demCrs.isEmpty()) {
            auto transform = io::CrsTransform::create(Crs{io::detail::wktOf(srs)}, demCrs);
            if (!transform)
                return Error{"Cannot reproject the seed file '" + path +
                             "' into the DEM's CRS: " + transform.error()};
            auto move = [&](Vec2& p) {
                if (!transform->transform(p))
                    return false;
                return true;
            };
            bool ok = true;
            for (Vec2& p : layerSeeds.points)
                ok = ok && move(p);
            for (auto& l : layerSeeds.lines)
                for (Vec2& p : l)
                    ok = ok && move(p);
            for (auto& a : layerSeeds.areas) {
                for (Vec2& p : a.outer)
                    ok = ok && move(p);
                for (auto& h : a.holes)
                    for (Vec2& p : h)
                        ok = ok && move(p);
            }
            if (!ok)
                return Error{"Cannot reproject the seed file '" + path +
                             "' into the DEM's CRS: some coordinates are outside the CRS's area."};
        }
        seeds.points.insert(seeds.points.end(), layerSeeds.points.begin(), layerSeeds.points.end());
        seeds.lines.insert(seeds.lines.end(), layerSeeds.lines.begin(), layerSeeds.lines.end());
        seeds.areas.insert(seeds.areas.end(), layerSeeds.areas.begin(), layerSeeds.areas.end());
    }
    if (seeds.isEmpty())
        return Error{
            "The seed file '" + path + "' holds no points, lines or polygons" +
            (skipped ? " (" + std::to_string(skipped) + " geometries of other types skipped)" : "") +
            (csv ? "; a CSV needs x,y (or easting,northing / lon,lat) columns or a WKT column" : "") + "."};
    return seeds;
}

// ---- Internals -------------------------------------------------------------------------------------------

namespace detail {

Frame::Frame(int w, int h) : width(w), height(h), stride(w + 2) {
    const std::ptrdiff_t s = stride;
    offsets = {-s, 1, s, -1, -s + 1, s + 1, s - 1, -s - 1};
}

std::vector<float> framed(const Frame& frame, const std::vector<float>& values) {
    std::vector<float> out(frame.size(), std::numeric_limits<float>::quiet_NaN());
    for (int row = 0; row < frame.height; ++row)
        std::copy_n(values.begin() + std::ptrdiff_t(row) * frame.width, frame.width,
                    out.begin() + std::ptrdiff_t(row + 1) * frame.stride + 1);
    return out;
}

std::vector<std::uint32_t> edgeCells(const RasterF& dem, bool holesDrain) {
    const int w = dem.width, h = dem.height;
    auto nodata = [&](int c, int r) { return std::isnan(dem.data[std::size_t(r) * w + c]); };
    // Outside nodata: a flood over nodata cells from the grid border (8-connected, so a diagonal gap in a
    // clipped coastline still counts as outside).
    std::vector<std::uint8_t> outside(dem.data.size(), 0);
    std::vector<std::uint32_t> stack;
    auto visit = [&](int c, int r) {
        const std::size_t i = std::size_t(r) * w + c;
        if (!outside[i] && nodata(c, r)) {
            outside[i] = 1;
            stack.push_back(std::uint32_t(i));
        }
    };
    if (!holesDrain) {
        for (int c = 0; c < w; ++c) {
            visit(c, 0);
            visit(c, h - 1);
        }
        for (int r = 0; r < h; ++r) {
            visit(0, r);
            visit(w - 1, r);
        }
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            const int c = int(i % w), r = int(i / w);
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc)
                    if ((dr || dc) && c + dc >= 0 && c + dc < w && r + dr >= 0 && r + dr < h)
                        visit(c + dc, r + dr);
        }
    } else {
        for (std::size_t i = 0; i < outside.size(); ++i)
            outside[i] = std::isnan(dem.data[i]) ? 1 : 0;
    }
    // Mark valid cells on the border and around outside nodata (one pass over the nodata cells, not a
    // neighbourhood test of every cell).
    std::vector<std::uint8_t> isEdge(dem.data.size(), 0);
    for (int c = 0; c < w; ++c)
        isEdge[c] = isEdge[std::size_t(h - 1) * w + c] = 1;
    for (int r = 0; r < h; ++r)
        isEdge[std::size_t(r) * w] = isEdge[std::size_t(r) * w + w - 1] = 1;
    for (std::size_t i = 0; i < outside.size(); ++i) {
        if (!outside[i])
            continue;
        const int c = int(i % w), r = int(i / w);
        for (int dr = -1; dr <= 1; ++dr)
            for (int dc = -1; dc <= 1; ++dc)
                if (c + dc >= 0 && c + dc < w && r + dr >= 0 && r + dr < h)
                    isEdge[std::size_t(r + dr) * w + c + dc] = 1;
    }
    std::vector<std::uint32_t> edge;
    for (std::size_t i = 0; i < isEdge.size(); ++i)
        if (isEdge[i] && !std::isnan(dem.data[i]))
            edge.push_back(std::uint32_t(i));
    return edge;
}

} // namespace detail

} // namespace gis::analysis::flood
