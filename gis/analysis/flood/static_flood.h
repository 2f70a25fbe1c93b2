#pragma once
// Tier 0 flood: a static water level connected to seeds (docs: shared/design/FLOOD.md).
//
// A cell floods at water level L when its ground is below L (strictly, as GRASS r.lake) and it is connected
// to a seed through cells that are all below L (4- or 8-connectivity; nodata cells never flood and never
// conduct). L is compared at the DEM's float precision, as r.lake does: a level of 45.19 does not flood a
// cell stored as 45.19. Cells below L that are not connected are "low-lying, unconnected" (NOAA's
// sea-level-rise viewer shows them as a separate class).
//
// Two ways to get a flood:
// - floodAtLevel(): one level, one breadth-first fill (O(cells), the fastest for a single answer).
// - buildStaticFlood() once, then depthAt() / statsAt() for any level: one Priority-Flood pass from the seeds
//   gives each cell its connection level, the lowest level at which it joins a seed (the minimax path
//   height), so a cell is flooded at L exactly when connectionLevel < L. A level slider or a rising-water
//   animation is then a threshold per cell, with no new search.
//
// Sloped and raster water surfaces: the water level of cell c is L + shape(c), with shape = 0 (flat), a plane
// through the anchor point (sloped river surface: L is the level at the anchor), or a raster surface (tide
// + surge: L is an offset added to it, 0 = the surface itself). The model floods on ground(c) - shape(c) <
// L, which is the same test, so everything above holds for them.
//
// Typical GUI use:
//     auto cells = seedCells(dem, seeds, path);                  // errors name the seed
//     auto model = buildStaticFlood(dem, *cells, surface, Connectivity::Eight, progress);
//     FloodResult r = depthAt(model.value(), level);                  // per slider move
#include "gis/analysis/flood/flood_grid.h"
#include "gis/model/raster.h"
#include "gis/progress.h"
#include "gis/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gis::analysis::flood {

struct WaterSurface {
    enum class Kind { Flat, Sloped, Raster };
    Kind kind = Kind::Flat;
    // Sloped: the plane through `anchor` rising gradientX metres per metre eastwards and gradientY per metre
    // northwards (a river falling 0.2 m/km towards the east: gradientX = -0.0002).
    Vec2 anchor;
    double gradientX = 0, gradientY = 0;
    // Raster: water surface elevation on any north-up grid in the DEM's CRS, sampled bilinearly at cell
    // centres; DEM cells where it has no value (outside, nodata) cannot flood.
    RasterF surface;

    // shape(c) at a point; NaN where a raster surface has no value.
    double shapeAt(const Vec2& p) const;
};

// Checks a level before a run: finite, not below the lowest ground minus 1000 m, not above 9000 m (levels
// are absolute elevations in the DEM's vertical datum, not depths). The message names `demName`.
Status checkLevel(const RasterF& dem, double level, const std::string& demName);

enum class FloodClass : std::uint8_t { Dry = 0, Flooded = 1, LowLyingUnconnected = 2, NoData = 255 };

struct FloodStats {
    std::size_t floodedCells = 0;
    double areaM2 = 0;
    double volumeM3 = 0;
    double maxDepth = 0;
    std::size_t unconnectedCells = 0; // below the level but not connected to a seed
    double unconnectedAreaM2 = 0;
    double unconnectedVolumeM3 = 0; // what they would hold if they were connected
};

struct FloodResult {
    RasterF depth;                // > 0 flooded; 0 dry or unconnected; NaN nodata (the DEM's grid)
    Raster<std::uint8_t> classes; // FloodClass values
    FloodStats stats;
};

// The all-levels model.
struct StaticFloodModel {
    RasterF ground;                // the DEM (NaN = nodata)
    std::vector<float> relative;   // ground - shape per cell; NaN where the cell can never flood
    std::vector<float> connection; // per cell: lowest L at which it joins a seed; +inf never
    std::vector<std::uint32_t> seeds;
    Connectivity connectivity = Connectivity::Eight;
    WaterSurface surface; // the raster is dropped after building (not needed any more)

    // The highest finite connection level (every connectable cell is flooded above it), NaN when no cell
    // can connect.
    float highestConnection = 0;
};

// One Priority-Flood pass from the seed cells (row-major indices, e.g. from seedCells()). O(n log n);
// cancellable (returns an error saying so).
Result<StaticFloodModel> buildStaticFlood(const RasterF& dem, const std::vector<std::uint32_t>& seeds,
                                          const WaterSurface& surface, Connectivity connectivity,
                                          Progress& progress);

// Depth, classes and stats at level L: a threshold per cell, O(cells).
FloodResult depthAt(const StaticFloodModel& model, double level);
// The stats alone (no rasters), O(cells).
FloodStats statsAt(const StaticFloodModel& model, double level);

// One level by a breadth-first flood fill from the seeds (the reference the all-levels model is tested
// against, and the fast path for a single level).
Result<FloodResult> floodAtLevel(const RasterF& dem, const std::vector<std::uint32_t>& seeds,
                                 const WaterSurface& surface, double level, Connectivity connectivity,
                                 Progress& progress);

} // namespace gis::analysis::flood
