#pragma once
// Tier 1 flood: pluvial screening on a DEM (docs: shared/design/FLOOD.md).
//
// - fillDepressions(): Priority-Flood (Barnes, Lehman & Mulla 2014, the "improved" variant: cells that drain
//   into the current spill level go through a plain FIFO instead of the heap), giving the filled DEM and the
//   depth in sinks (filled - DEM).
// - flowDirections() / flowAccumulation(): D8 (ESRI codes) on the filled surface, with flats and filled sinks
//   drained along the Priority-Flood's own paths towards the outlet, so every cell reaches the DEM edge.
// - pondRain(): X mm of rain times per-cell runoff coefficients fills depressions in order of their spill
//   levels (fill-spill-merge, after Barnes, Callaghan & Wickert 2020; see depression_fill.cpp for what is
//   simplified) and gives static ponding depths.
//
// Outlets: water leaves the DEM at its edge (grid border and cells next to nodata connected to the border,
// see flood_grid.h); with holesDrain, nodata holes inside the DEM are outlets too (e.g. masked water
// bodies); without, they are walls.
#include "gis/analysis/flood/flood_grid.h"
#include "gis/model/raster.h"
#include "gis/progress.h"
#include "gis/result.h"

#include <cstddef>
#include <cstdint>

namespace gis::analysis::flood {

struct FillOptions {
    Connectivity connectivity = Connectivity::Eight;
    bool holesDrain = false;
};

struct FillResult {
    RasterF filled;            // the DEM with every depression filled to its spill level (NaN nodata)
    RasterF depth;             // filled - DEM: depth in sinks, 0 elsewhere (NaN nodata)
    std::size_t sinkCells = 0; // cells with depth > 0
    double sinkAreaM2 = 0;
    double sinkVolumeM3 = 0;
    double maxDepth = 0;
};

Result<FillResult> fillDepressions(const RasterF& dem, const FillOptions& options, Progress& progress);

// D8 flow direction codes (ESRI / ArcGIS Flow Direction): 1 E, 2 SE, 4 S, 8 SW, 16 W, 32 NW, 64 N, 128 NE;
// kOutlet where water leaves the DEM; kNoFlow on nodata.
constexpr std::uint8_t kOutlet = 0;
constexpr std::uint8_t kNoFlow = 255;

// Steepest descent on the filled DEM (drop / distance, diagonals sqrt 2 away); cells with no lower neighbour
// (flats, filled sinks) follow the Priority-Flood path they were reached by, towards the outlet. Cycle-free
// by construction: each step lowers (filled height, Priority-Flood visiting order) lexicographically.
Result<Raster<std::uint8_t>> flowDirections(const RasterF& dem, const FillOptions& options,
                                            Progress& progress);

// The cell a D8 code points to (row-major index), or -1 for outlets, nodata and steps off the grid.
std::ptrdiff_t downstreamCell(const Raster<std::uint8_t>& directions, std::size_t index);

// Upstream cells draining through each cell, the cell included (or the sum of `weights` over them, e.g.
// runoff depth x cell area); NaN on nodata. Fails on a cycle in `directions`.
Result<RasterF> flowAccumulation(const Raster<std::uint8_t>& directions, const RasterF* weights,
                                 Progress& progress);

struct PondingOptions {
    double rainMm = 50;                         // uniform rain depth over the DEM
    const RasterF* runoffCoefficient = nullptr; // per cell on the DEM's grid (landCoverProperty()); or:
    double uniformRunoff = 1.0;                 // used where runoffCoefficient is null or NaN
    bool holesDrain = false;
};

struct PondingResult {
    RasterF depth;                   // static ponding depth, 0 dry (NaN nodata)
    double rainVolumeM3 = 0;         // rain over the valid cells
    double runoffVolumeM3 = 0;       // rain x runoff coefficient: what can pond
    double pondedVolumeM3 = 0;       // what stays in depressions
    double drainedVolumeM3 = 0;      // what leaves the DEM at an outlet (runoff - ponded)
    std::size_t depressions = 0;     // leaf depressions (one per local minimum or flat pit)
    std::size_t fullDepressions = 0; // leaf depressions filled to their spill level
    std::size_t wetCells = 0;
    double wetAreaM2 = 0;
    double maxDepth = 0;
};

// Static ponding from a uniform rain depth with runoff coefficients (8-connectivity, as D8). Runoff that
// reaches a depression stays there until the depression is full to its spill level; the excess spills into
// the neighbouring depression across the spill point (merging with it once both are full) or off the DEM.
Result<PondingResult> pondRain(const RasterF& dem, const PondingOptions& options, Progress& progress);

} // namespace gis::analysis::flood
