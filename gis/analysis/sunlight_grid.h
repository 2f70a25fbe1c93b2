#pragma once
// Plan-grid receivers for sunlight analysis (hour maps of open space: BRE BR 209 amenity areas, Japan's
// 日影規制 shadow-hour maps) and the grid's hour raster.
//
// The grid is aligned to multiples of the spacing in the CRS (so runs over different AOIs line up); a cell is
// a receiver when its centre lies inside one of the AOI polygons (holes excluded). Receivers are horizontal
// free points (no normal: the "sun behind the facade" rule is off) at `height` above the ground: the ground
// is `groundZ`, or a DEM when one is given. BRE BR 209 assesses amenity areas at ground level, hence height 0
// by default; Japan's 日影規制 uses 1.5 m or 4 m. Receivers inside a building footprint are flagged `inside`
// by computeSunlight and get nodata in the raster.
#include "gis/analysis/sunlight.h"
#include "gis/model/raster.h"

#include <string>
#include <vector>

namespace gis::analysis {

inline constexpr double kTerrainClearance = 0.05; // metres

struct GridOptions {
    double spacing = 1.0; // metres, > 0
    double height = 0.0;  // receiver height above the ground, metres
    double groundZ = 0.0; // ground elevation, metres, where there is no terrain
    // Terrain (a DEM in the same CRS): where it has a value the ground is the DEM (bilinear) and the receiver
    // is lifted a further kTerrainClearance, clear of the DEM's triangulation; elsewhere groundZ.
    const RasterF* terrain = nullptr;
    std::size_t maxPoints = 20'000'000; // refuse larger grids (a clear message, not an exhausted machine)
};

struct PlanGrid {
    RasterF frame; // georeferencing of the grid (width, height, origin, cell size); data empty
    std::vector<SunlightReceiver> receivers; // ids "c<col>-r<row>" (row 0 north)
    std::vector<std::pair<int, int>> cells;  // (col, row) of each receiver
};

// Receivers at the centres of the grid cells inside the AOI. Errors: spacing not > 0, no AOI polygon, too
// many points. An AOI that holds no cell centre gives an error naming the spacing.
Result<PlanGrid> gridReceivers(const std::vector<Polygon>& aoi, const GridOptions& options);

// Float32 raster of counted sunlit hours (under the counting rule) per cell; NaN (nodata) outside the AOI and
// for receivers inside buildings. `results` in the order of grid.receivers.
RasterF gridHoursRaster(const PlanGrid& grid, std::span<const ReceiverSunlight> results);

// The polygons of a GDAL-readable vector file (every polygon layer, zones or buildings alike), reprojected to
// `target` (a file without a CRS is taken to be in `target`).
Result<std::vector<Polygon>> readAoiPolygons(const std::string& path, const Crs& target);

} // namespace gis::analysis
