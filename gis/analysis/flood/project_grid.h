#pragma once
// A project's hydrology grid for the flood tiers: its terrain resampled to a chosen cell size, the buildings
// of every building layer burned in (blocked or raised, flood_grid.h), the zones kept for roads and water
// bodies. The GUI builds one per run; urbis-cli works from files instead (flood_run.h).
#include "gis/analysis/flood/flood_grid.h"
#include "gis/model/project.h"
#include "gis/result.h"

#include <cstdint>
#include <vector>

namespace gis::analysis::flood {

struct ProjectGrid {
    RasterF ground;                    // the terrain at the grid's cell size (NaN nodata), buildings absent
    RasterF dem;                       // ground with the buildings burned in (what the tiers run on)
    std::vector<std::uint8_t> blocked; // 1 on building cells (Blocked mode; empty otherwise)
    std::vector<Building> buildings;   // every building of the visible building layers except bridges
    std::vector<Zone> zones;           // every zone of the visible zone layers
    Crs crs;
};

// Resamples the project's terrain (bilinear between DEM cell centres) to `cellSize` metres over the terrain
// extent and burns in the buildings. Fails when the project has no terrain, the CRS is not projected in
// metres, or the grid would exceed ~25 M cells (the message says which cell size fits).
Result<ProjectGrid> projectHydrologyGrid(const Project& project, double cellSize,
                                         const BuildingBurnOptions& buildings);

// Water bodies as static-flood seeds: zones of GB 50137 class E1 (水域, water), or plain "E" (the major
// class, used when the subclass is not recorded); E2 farmland and E9 other non-construction land are not
// water. In the demo city: the river.
FloodSeeds waterBodySeeds(const std::vector<Zone>& zones);

// Land-cover class codes (resources/flood/landcover.json) on the grid, from the zoning: GB 50137 G green
// space -> green, E1/E water -> water, E2 farmland -> cropland, S roads and transport -> paved, every other
// class (R, A, B, M, W, U: built plots) -> built-up; cells outside any zone -> `unzonedCode` (streets in a
// city: paved); building footprints -> the table's roof class. NaN where the grid is nodata.
RasterF landCoverFromZones(const ProjectGrid& grid, const LandCoverTable& table, int unzonedCode = 2);

} // namespace gis::analysis::flood
