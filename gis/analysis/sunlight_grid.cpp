#include "gis/analysis/sunlight_grid.h"

#include "gis/io/import_dataset.h"

#include <cmath>
#include <filesystem>
#include <limits>

namespace gis::analysis {

Result<PlanGrid> gridReceivers(const std::vector<Polygon>& aoi, const GridOptions& o) {
    if (!(o.spacing > 0) || !std::isfinite(o.spacing))
        return Error{"the grid spacing must be a positive number of metres"};
    if (!std::isfinite(o.height) || !std::isfinite(o.groundZ))
        return Error{"the grid height and ground elevation must be finite numbers"};
    Extent e;
    for (const Polygon& p : aoi)
        e.include(p.extent());
    if (aoi.empty() || e.isEmpty())
        return Error{"the area of interest holds no polygon"};
    const double s = o.spacing;
    const double x0 = std::floor(e.minX / s) * s, y1 = std::ceil(e.maxY / s) * s;
    const double cols = std::ceil((e.maxX - x0) / s), rows = std::ceil((y1 - e.minY) / s);
    if (cols * rows > double(o.maxPoints) * 4 || cols > 1e7 || rows > 1e7)
        return Error{"the grid of " + std::to_string(s) + " m over the area of interest (" +
                     std::to_string(e.width()) + " x " + std::to_string(e.height()) +
                     " m) is too large; use a larger spacing"};
    PlanGrid g;
    g.frame.width = std::max(1, int(cols));
    g.frame.height = std::max(1, int(rows));
    g.frame.originX = x0;
    g.frame.originY = y1;
    g.frame.cellSize = s;
    for (int r = 0; r < g.frame.height; ++r)
        for (int c = 0; c < g.frame.width; ++c) {
            const Vec2 centre = g.frame.cellCenter(c, r);
            bool in = false;
            for (const Polygon& p : aoi)
                if (p.extent().contains(centre.x, centre.y) && contains(p, centre)) {
                    in = true;
                    break;
                }
            if (!in)
                continue;
            if (g.receivers.size() >= o.maxPoints)
                return Error{"the grid holds more than " + std::to_string(o.maxPoints) +
                             " points; use a larger spacing"};
            SunlightReceiver rc;
            rc.id = "c" + std::to_string(c) + "-r" + std::to_string(r);
            double ground = o.groundZ;
            if (o.terrain)
                if (auto z = o.terrain->sample(centre.x, centre.y))
                    ground = *z + kTerrainClearance;
            rc.position = {centre.x, centre.y, ground + o.height};
            g.receivers.push_back(std::move(rc));
            g.cells.push_back({c, r});
        }
    if (g.receivers.empty())
        return Error{"no grid point of " + std::to_string(s) +
                     " m spacing falls inside the area of interest; use a smaller spacing"};
    return g;
}

RasterF gridHoursRaster(const PlanGrid& grid, std::span<const ReceiverSunlight> results) {
    RasterF r(grid.frame.width, grid.frame.height, grid.frame.originX, grid.frame.originY,
              grid.frame.cellSize, std::numeric_limits<float>::quiet_NaN());
    r.noData = std::numeric_limits<float>::quiet_NaN();
    for (std::size_t i = 0; i < grid.cells.size() && i < results.size(); ++i)
        if (!results[i].inside)
            r.at(grid.cells[i].first, grid.cells[i].second) = float(results[i].countedSeconds / 3600.0);
    return r;
}

Result<std::vector<Polygon>> readAoiPolygons(const std::string& path, const Crs& target) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Error{"the area of interest file '" + path + "' does not exist"};
    Project project;
    project.crs = target;
    io::ImportOptions options;
    options.assumeCrs = target.definition;
    NullProgress progress;
    auto imported = io::importDataset(path, project, options, progress);
    if (!imported)
        return Error{"the area of interest '" + path + "': " + imported.error() +
                     (path.ends_with(".geojson") || path.ends_with(".json")
                          ? " (a GeoJSON file without a \"crs\" member is read as WGS 84 longitude/latitude)"
                          : "")};
    std::vector<Polygon> out;
    for (const auto& layer : imported->layers) {
        if (const auto* b = std::get_if<BuildingLayerData>(&layer.data))
            for (const auto& x : b->buildings)
                out.push_back(x.footprint);
        else if (const auto* z = std::get_if<ZoneLayerData>(&layer.data))
            for (const auto& x : z->zones)
                out.push_back(x.area);
    }
    if (out.empty())
        return Error{"the area of interest '" + path + "' holds no polygon"};
    return out;
}

} // namespace gis::analysis
