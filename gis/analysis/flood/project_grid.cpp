#include "gis/analysis/flood/project_grid.h"

#include <cmath>
#include <limits>

namespace gis::analysis::flood {

namespace {
constexpr double kMaxCells = 25e6; // ~100 MB per float raster; the dynamic tier keeps about ten of them
}

Result<ProjectGrid> projectHydrologyGrid(const Project& project, double cellSize,
                                         const BuildingBurnOptions& burn) {
    const TerrainLayerData* terrain = project.terrain();
    if (!terrain || !terrain->dem || terrain->dem->isEmpty())
        return Error{"The project has no terrain: flood analysis needs a DEM. Import a DEM GeoTIFF (File > "
                     "Import…) first."};
    if (!(cellSize > 0.1 && cellSize <= 1000))
        return Error{"Cell size " + std::to_string(cellSize) + " m is out of range (0.1–1000 m)."};
    const RasterF& source = *terrain->dem;
    const Extent e = source.extent();
    const int width = std::max(1, int(std::floor(e.width() / cellSize)));
    const int height = std::max(1, int(std::floor(e.height() / cellSize)));
    if (double(width) * height > kMaxCells) {
        const double fits = std::ceil(std::sqrt(e.width() * e.height() / kMaxCells));
        return Error{"A " + std::to_string(cellSize) + " m grid over the terrain would have " +
                     std::to_string(std::llround(double(width) * height / 1e6)) +
                     " M cells; use a cell size of at least " + std::to_string(int(fits)) + " m."};
    }
    if (Status s = checkHydrologyDem(source, project.crs, terrain->source); !s)
        return Error{s.error()};

    ProjectGrid grid;
    grid.crs = project.crs;
    grid.ground = RasterF(width, height, e.minX, e.maxY, cellSize, std::numeric_limits<float>::quiet_NaN());
    for (int row = 0; row < height; ++row)
        for (int col = 0; col < width; ++col) {
            const Vec2 c = grid.ground.cellCenter(col, row);
            if (auto z = source.sample(c.x, c.y))
                grid.ground.at(col, row) = float(*z);
        }
    for (const Layer& layer : project.layers) {
        if (!layer.visible)
            continue;
        if (const auto* b = std::get_if<BuildingLayerData>(&layer.data)) {
            // Bridges span the water: burned in they would dam the river, and they are not flooded
            // property.
            for (const Building& building : b->buildings)
                if (building.use != "bridge")
                    grid.buildings.push_back(building);
        } else if (const auto* z = std::get_if<ZoneLayerData>(&layer.data))
            grid.zones.insert(grid.zones.end(), z->zones.begin(), z->zones.end());
    }
    grid.dem = grid.ground;
    if (burn.mode != BuildingMode::None)
        burnBuildings(grid.dem, grid.buildings, burn);
    if (burn.mode == BuildingMode::Blocked)
        grid.blocked = buildingMask(grid.ground, grid.buildings);
    return grid;
}

FloodSeeds waterBodySeeds(const std::vector<Zone>& zones) {
    FloodSeeds seeds;
    for (const Zone& z : zones)
        if (z.landClass == "E" || z.landClass == "E1")
            seeds.areas.push_back(z.area);
    return seeds;
}

RasterF landCoverFromZones(const ProjectGrid& grid, const LandCoverTable& table, int unzonedCode) {
    RasterF codes = grid.ground;
    for (float& v : codes.data)
        if (!std::isnan(v))
            v = float(unzonedCode);
    auto codeOf = [](const std::string& cls) {
        if (cls.empty())
            return 50;
        if (cls == "E2")
            return 40; // farmland
        switch (cls[0]) {
        case 'G':
            return 3; // green space and squares
        case 'E':
            return 6; // water (E1, or the major class)
        case 'S':
            return 2; // roads and transport: paved
        default:
            return 50; // built plots: ESA WorldCover "built-up"
        }
    };
    for (const Zone& z : grid.zones) {
        const float code = float(codeOf(z.landClass));
        forEachCellInPolygon(codes, z.area, [&](std::size_t i) {
            if (!std::isnan(codes.data[i]))
                codes.data[i] = code;
        });
    }
    burnBuildingClass(codes, grid.buildings, table);
    return codes;
}

} // namespace gis::analysis::flood
