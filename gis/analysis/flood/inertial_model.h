#pragma once
// Tier 2 of the flood analysis: a dynamic 2D local-inertial shallow-water model (the LISFLOOD-FP "ACC"
// scheme of Bates, Horritt & Fewtrell 2010, J. Hydrol. 387:33–45, with the θ-weighted momentum of de Almeida
// et al. 2012, WRR 48 W05528) on a regular DEM grid.
//
// Per face between cells i and j (x or y direction), with η = z + h and h_flow = max(η_i, η_j) − max(z_i,
// z_j):
//     q⁺ = [θ q + ½(1 − θ)(q₋ + q₊) − g Δt h_flow (η_j − η_i)/Δx] / [1 + g Δt n² |q| / h_flow^{7/3}]
// (q₋, q₊: the neighbouring faces in the same direction; no flow where h_flow ≤ 1 mm), then per cell
//     h⁺ = h + Δt/Δx · Σ(q_in − q_out) + (rain − losses)·Δt + inflows·Δt/Δx².
// Δt = α Δx / √(g h_max) (α ≤ 0.7 recommended, > 1 refused), also cut to land on output times and capped at
// maxTimeStepS while the domain is dry or shallow.
//
// KNOWN LIMIT: the inertial form drops the convective acceleration, so it is wrong for supercritical flow
// (Froude > 1: steep streets, spillways) and for dam breaks and hydraulic jumps; use a full shallow-water
// (Godunov) model there. It is sound for the gradually varied flows of fluvial, coastal and pluvial flooding
// on floodplains (Néelz & Pender 2013; Neal et al. 2012).
//
// Conventions: h, z in metres; qx > 0 flows east, qy > 0 flows south (row + 1), both in m²/s (per unit
// width). NaN (nodata) DEM cells and cells marked in `blocked` (buildings burned in) are walls: no flow
// through them and no rain on them (the rain falling on a blocked cell is not booked; roofs are assumed
// drained). Grid edges are closed walls unless given a boundary. The grid must be in metres (the caller
// refuses geographic CRSs).
//
// Losses (infiltration) and the drainage allowance (EA: 12 mm/h in urban areas) are sink rates applied to the
// water present in each wet cell every step after the rain is added, so rain below the combined rate never
// ponds and ponded water keeps draining at that rate until gone; both are booked as losses.
//
// Hazard rating (Defra/EA FD2320/FD2321): HR = d (v + 0.5) + DF with the debris factor DF = 0 for d ≤ 0.25 m
// and 0.5 above (the "pasture/arable" value; urban studies may use 1.0 above 0.75 m — not done here).
//
// Use (the GUI and urbis-cli flood simulate do the same):
//     InertialInput in; in.dem = dem; in.manning = 0.035; in.rain = TimeSeries::constant(30);
//     in.durationS = 3600; in.outputEveryS = 300; in.blocked = buildingMask;   // optional
//     Result<InertialResult> r = runInertialModel(in, progress);               // cancellable
#include "gis/analysis/flood/hydrograph.h"
#include "gis/model/geometry.h"
#include "gis/model/raster.h"
#include "gis/progress.h"
#include "gis/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gis::analysis::flood {

enum class Edge { West, East, North, South };
const char* edgeName(Edge e);

// A water-level hydrograph or a free outflow on (part of) one grid edge.
struct EdgeBoundary {
    Edge edge = Edge::West;
    enum class Kind { Level, Free } kind = Kind::Free;
    TimeSeries level;     // Kind::Level: water surface elevation (m) outside the edge
    double freeSlope = 0; // Kind::Free: > 0 normal-depth slope; 0 = the local water-surface slope towards the
                          // edge (zero-gradient: no outflow from a level pool)
    double rangeMin = -1e300, rangeMax = 1e300; // part of the edge (y for west/east, x for north/south)
};

// A point (one vertex) or line (two or more) inflow in CRS coordinates; a line's flow is shared equally
// between the cells its rasterised path crosses.
struct Inflow {
    std::string name;
    std::vector<Vec2> vertices;
    TimeSeries flow; // m³/s (must not be negative)
};

struct Gauge {
    std::string name;
    double x = 0, y = 0;
};

// Where a run stands, for progress displays (onStatus): about every half second and at output times.
struct RunStatus {
    double simTimeS = 0, durationS = 0;
    double elapsedS = 0;   // wall time so far
    double remainingS = 0; // estimated wall time left (estimateRemainingSeconds)
    long long steps = 0;
    double timeStepS = 0;
};

struct InertialInput {
    RasterF dem;                       // metres; NaN/nodata = wall
    double manning = 0.03;             // used when manningRaster is empty
    RasterF manningRaster;             // optional, same grid as dem
    std::vector<std::uint8_t> blocked; // optional, same size as dem.data; nonzero = wall (buildings)
    RasterF initialDepth;              // optional, same grid; NaN = 0
    TimeSeries rain;                   // mm/h; empty = no rain
    double lossesMmPerH = 0;
    double drainageMmPerH = 0;
    std::vector<Inflow> inflows;
    std::vector<EdgeBoundary> boundaries;
    std::vector<Gauge> gauges;
    double durationS = 3600;
    double outputEveryS = 600;    // snapshot, gauge and progress times (and the end)
    double theta = 0.7;           // de Almeida θ in [0.5, 1]; 1 = Bates 2010 without smoothing
    double alpha = 0.7;           // Courant-type coefficient in (0, 1]
    double maxTimeStepS = 10;     // cap while the domain is dry or shallow
    double depthThreshold = 0.05; // arrival time and flooded area: depth above this (m)
    // m/s; a face velocity |q| / h_flow above this (faces ≥ 10 cm deep) stops the run. Not 50: where water
    // pours over a wall or a bridge deck of a surface model the inertial form (no convective term) lets
    // stable flows reach ~50 m/s (Carlisle 2005 did at 34 h); runaway instabilities pass 150 quickly and also
    // end in NaN depths, which are caught too.
    double maxVelocity = 150;
    int statsEverySteps = 1;   // update max depth/velocity/hazard/arrival every N steps (≥ 1)
    bool keepSnapshots = true; // depth rasters at output times in the result
    // Called at every output time with the current depth (m, NaN on walls); optional.
    std::function<void(double timeS, const RasterF& depth)> onOutput;
    std::function<void(const RunStatus&)> onStatus; // optional
};

struct GaugeSeries {
    std::string name;
    double x = 0, y = 0, ground = 0;
    int col = 0, row = 0;
    std::vector<double> times, depths, levels;          // at the output times (level = ground + depth)
    double peakDepth = 0, peakLevel = 0, peakTimeS = 0; // over every step
    double finalDepth = 0, finalLevel = 0;
};

struct MassBalance {
    double initialVolume = 0, finalVolume = 0; // m³ of water on the grid
    double inflowVolume = 0;                   // point/line inflows
    double rainVolume = 0;
    double lossVolume = 0; // losses + drainage
    double boundaryInVolume = 0, boundaryOutVolume = 0;
    double clippedVolume = 0; // water created by clipping small negative depths to 0 (counts as error)
    // (final − initial) − (inflow + rain − losses + boundary in − boundary out), in m³ and as a fraction of
    // the larger of the total water that entered and the initial volume.
    double errorVolume = 0;
    double errorFraction = 0;
};

struct Snapshot {
    double timeS = 0;
    RasterF depth;
};

struct InertialResult {
    RasterF maxDepth;      // m (NaN on walls)
    RasterF maxVelocity;   // m/s, cell-centred speed where depth ≥ 1 cm
    RasterF maxHazard;     // HR = d (v + 0.5) + DF, maximum over time
    RasterF arrivalTime;   // s, first time depth > depthThreshold (NaN: never)
    RasterF floodDuration; // s spent deeper than depthThreshold
    RasterF finalDepth;    // m at the end
    RasterF waterSurface;  // m, maximum water-surface elevation (ground + max depth) where ever wet, NaN dry
    std::vector<Snapshot> snapshots;
    std::vector<GaugeSeries> gauges;
    MassBalance mass;
    long long steps = 0;
    double minTimeStepS = 0, maxTimeStepS = 0;
    double wallSeconds = 0;
    double cellSteps = 0; // active cells × steps actually computed
    double maxDepthOverall = 0;
    double floodedAreaM2 = 0; // cells with max depth > depthThreshold
    int wallCells = 0;        // nodata + blocked
};

// Runs the model. Errors (bad input, instability, cancellation) come back as messages; a run that goes
// unstable (NaN, depth below −0.1 m or above 10 km, face velocity above maxVelocity) stops and
// says where and when.
Result<InertialResult> runInertialModel(const InertialInput& input, Progress& progress);

// Checks the input without running (grid sizes, θ, α, inflow and gauge positions); the same checks
// runInertialModel does first.
Status validateInertialInput(const InertialInput& input);

// Cells covered by a line or point in CRS coordinates (column, row), in order, without repeats; empty when
// every vertex lies outside the grid.
std::vector<std::pair<int, int>> rasteriseLine(const RasterF& grid, const std::vector<Vec2>& vertices);

// Remaining wall time estimated from the elapsed time and the simulated fraction (0 when unknown).
double estimateRemainingSeconds(double elapsedS, double fraction);

} // namespace gis::analysis::flood
