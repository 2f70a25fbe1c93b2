#pragma once
// Internal to the flood model (inertial_*.cpp): the two fused, row-parallel passes of one local-inertial time
// step. Kept in their own file so the hot loops stay small enough to read and to check for vectorisation
// (-fopt-info-vec). Not part of the public API.
#include "gis/model/raster.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gis::analysis::flood {
struct InertialInput;
}

namespace gis::analysis::flood::detail {

// Shared by the model's files (inertial_input.cpp): the cell holding (x, y), false outside the grid; a wall
// test (nodata or blocked); printf-style formatting of up to four numbers.
bool cellAt(const RasterF& g, double x, double y, int& col, int& row);
bool isWall(const InertialInput& in, std::size_t i);
std::string fmt(const char* format, double a, double b = 0, double c = 0, double d = 0);

constexpr float kGravity = 9.81f;
constexpr float kWallZ = 1.0e6f;         // walls sit far above any water: h_flow = 0 on their faces
constexpr float kDryDepth = 1e-3f;       // no flow through a face whose flow depth is at most 1 mm
constexpr float kSpeedMinDepth = 0.01f;  // speeds (and hazard) only where the depth is at least 1 cm
constexpr float kSpeedCheckDepth = 0.1f; // the instability speed check: faces at least 10 cm deep

// Arrays are row-major: cells W×H, x faces H×(W+1) (face c is the west side of cell c), y faces (H+1)×W
// (face row r is the north side of cell row r).
struct KernelGrid {
    int width = 0, height = 0;
    const float* z = nullptr;
    const float* hOld = nullptr; // depths at the start of the step (read by both passes)
    float* hNew = nullptr;       // depths after the step (continuity writes the computed columns)
    const float* gn2 = nullptr;  // g n² per cell, or null for the constant gn2Const
    float gn2Const = 0;
    const std::uint8_t* wall = nullptr;
    const float* qxOld = nullptr;
    float* qxNew = nullptr;
    const float* qyOld = nullptr;
    float* qyNew = nullptr;
    const int* lo = nullptr; // computational column range per row (inclusive; lo > hi: skip the row)
    const int* hi = nullptr;
    // Maxima over time (updated on stats steps)
    float* maxDepth = nullptr;
    float* maxSpeed = nullptr;
    float* maxHazard = nullptr;
    float* arrival = nullptr;  // +inf until the depth first exceeds the threshold
    float* duration = nullptr; // seconds above the threshold
    // Outflow scale factors of the edge cells (see continuityPass), for booking boundary outflows.
    float* factorWest = nullptr;  // H values, column 0
    float* factorEast = nullptr;  // H values, column W−1
    float* factorNorth = nullptr; // W values, row 0
    float* factorSouth = nullptr; // W values, row H−1
};

struct StepConstants {
    float dt = 0;
    float dtOverDx = 0;
    float gDtOverDx = 0;
    float theta = 1;
    float rainDt = 0; // metres added to every non-wall cell this step
    float sinkDt = 0; // metres removed at most from each wet cell this step (losses + drainage)
    float threshold = 0.05f;
    float timeAfter = 0;         // simulated time at the end of the step (arrival times)
    float statsDt = 0;           // time since the last stats step (durations)
    float negativeLimit = -0.1f; // depths below this mean the run went unstable
};

struct StepSums {
    double hmax = 0;
    double loss = 0;    // depth units summed over cells (× Δx² for m³)
    double clipped = 0; // same
    bool bad = false;   // NaN/inf or depth below negativeLimit somewhere
};

// Face fluxes of every row (interior faces only; the caller sets the boundary faces). Returns the fastest
// face velocity |q| / h_flow over faces at least 10 cm deep: the instability check. (Neither cell speeds,
// |mean face flux| / cell depth, nor speeds on thinner faces will do: in stable runs they reach 50-150 m/s
// where a film of a few mm passes on water arriving over a face metres deep - a channel overtopping its bank,
// a weir, the cells of a point inflow.)
double fluxPass(const KernelGrid& g, const StepConstants& k);
// Depth update, losses, clipping, the maximum depth for the next Δt and (stats) the maxima over time.
// Positivity: a cell whose face fluxes would take out more water than it holds (plus this step's rain) has
// all its outflows scaled down to exactly what it holds; each face is scaled by the factor of its upwind
// cell, the same on both sides, so mass is conserved and depths never go negative (beyond round-off). This
// matters for thin sheets and single wet cells next to dry ground, where the explicit scheme at the Courant
// limit would otherwise drain up to ~2× the content of a cell in one step. The raw fluxes stay the momentum
// state.
StepSums continuityPass(const KernelGrid& g, const StepConstants& k, bool rain, bool sink, bool stats);

// h^(-1/3) to ~1e-5 (bit-level guess and two Newton steps; vectorises, unlike cbrtf).
float inverseCubeRoot(float x);

} // namespace gis::analysis::flood::detail
