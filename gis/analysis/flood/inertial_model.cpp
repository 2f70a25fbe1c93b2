// Set-up, time loop, boundaries, inflows, gauges and the water balance of the local-inertial model; the two
// hot passes of each step live in inertial_kernel.cpp.
#include "gis/analysis/flood/inertial_model.h"

#include "gis/analysis/flood/inertial_kernel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

namespace gis::analysis::flood {

using namespace detail;

namespace {

// One cell on a grid edge with a boundary condition.
struct BoundaryCell {
    int cell = 0;                        // index into h/z
    int inner = -1;                      // the next cell inwards (for the free-outflow slope), -1 if a wall
    float* face[2] = {nullptr, nullptr}; // the face in the two q buffers
    const float* factor = nullptr;       // the cell's outflow scale factor of the last step
    float sign = 1;                      // +1 when a positive face flux enters the domain
    int spec = 0;                        // index into InertialInput::boundaries
};

class Model {
public:
    Model(const InertialInput& in, Progress& progress) : in(in), progress(progress) {}
    Result<InertialResult> run();

private:
    void setUp();
    void computeRanges();
    void updateWetRanges();
    void setBoundaryFaces(double tMid, double dt, int cur);
    void bookBoundaryFaces(double dt, int nxt);
    double boundaryGhostDepth(double t) const;
    std::string diagnose(const char* what, int qBuffer = -1) const;
    void record(double t);
    RasterF raster(const std::vector<float>& values, bool nanOnWalls) const;

    const InertialInput& in;
    Progress& progress;
    int W = 0, H = 0;
    double dx = 0, cellArea = 0;
    std::vector<float> z, h, hNext, gn2, qx[2], qy[2];
    std::vector<float> factorWest, factorEast, factorNorth, factorSouth;
    std::vector<std::uint8_t> wall;
    std::vector<float> maxDepth, maxSpeed, maxHazard, arrival, duration;
    std::vector<int> wetLo, wetHi, lo, hi;
    bool fullRange = false;
    std::vector<BoundaryCell> bcells;
    std::vector<float> edgeMinZ; // per boundary spec: lowest ground along its cells
    std::vector<std::vector<int>> inflowCells;
    InertialResult res;
    std::vector<int> gaugeCell;
    double t = 0, dtLast = 0;
    long long step = 0;
    double statsDtAccum = 0;
};

RasterF Model::raster(const std::vector<float>& values, bool nanOnWalls) const {
    RasterF r(W, H, in.dem.originX, in.dem.originY, dx);
    r.data = values;
    if (nanOnWalls)
        for (std::size_t i = 0; i < r.data.size(); ++i)
            if (wall[i])
                r.data[i] = std::numeric_limits<float>::quiet_NaN();
    return r;
}

void Model::setUp() {
    W = in.dem.width;
    H = in.dem.height;
    dx = in.dem.cellSize;
    cellArea = dx * dx;
    const std::size_t n = std::size_t(W) * H;
    z.resize(n);
    wall.resize(n);
    h.assign(n, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        wall[i] = isWall(in, i);
        z[i] = wall[i] ? kWallZ : in.dem.data[i];
        if (!wall[i] && !in.initialDepth.isEmpty() && std::isfinite(in.initialDepth.data[i]))
            h[i] = in.initialDepth.data[i];
        res.wallCells += wall[i];
    }
    if (!in.manningRaster.isEmpty()) {
        gn2.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double nn = std::isnan(in.manningRaster.data[i]) ? in.manning : in.manningRaster.data[i];
            gn2[i] = float(kGravity * nn * nn);
        }
    }
    hNext = h;
    for (int b = 0; b < 2; ++b) {
        qx[b].assign(std::size_t(W + 1) * H, 0.0f);
        qy[b].assign(std::size_t(H + 1) * W, 0.0f);
    }
    factorWest.assign(H, 1.0f);
    factorEast.assign(H, 1.0f);
    factorNorth.assign(W, 1.0f);
    factorSouth.assign(W, 1.0f);
    maxDepth = h;
    maxSpeed.assign(n, 0.0f);
    maxHazard.assign(n, 0.0f);
    duration.assign(n, 0.0f);
    arrival.assign(n, std::numeric_limits<float>::infinity());
    for (std::size_t i = 0; i < n; ++i)
        if (h[i] > in.depthThreshold)
            arrival[i] = 0;

    // Columns ever wet per row (a growing union: faces outside it are zero in both buffers).
    wetLo.assign(H, W);
    wetHi.assign(H, -1);
    lo.assign(H, 0);
    hi.assign(H, -1);
    auto markWet = [&](int c, int r) {
        wetLo[r] = std::min(wetLo[r], c);
        wetHi[r] = std::max(wetHi[r], c);
    };
    for (int r = 0; r < H; ++r)
        for (int c = 0; c < W; ++c)
            if (h[std::size_t(r) * W + c] > 0)
                markWet(c, r);

    // Boundary cells, and their rows/columns in the computed ranges from the start.
    edgeMinZ.assign(in.boundaries.size(), std::numeric_limits<float>::infinity());
    for (std::size_t s = 0; s < in.boundaries.size(); ++s) {
        const EdgeBoundary& b = in.boundaries[s];
        const bool vertical = b.edge == Edge::West || b.edge == Edge::East;
        const int count = vertical ? H : W;
        for (int k = 0; k < count; ++k) {
            const int c = b.edge == Edge::West ? 0 : b.edge == Edge::East ? W - 1 : k;
            const int r = b.edge == Edge::North ? 0 : b.edge == Edge::South ? H - 1 : k;
            const Vec2 centre = in.dem.cellCenter(c, r);
            const double along = vertical ? centre.y : centre.x;
            const int cell = r * W + c;
            if (wall[cell] || along < b.rangeMin || along > b.rangeMax)
                continue;
            BoundaryCell bc;
            bc.cell = cell;
            bc.spec = int(s);
            int innerCell = -1;
            for (int buf = 0; buf < 2; ++buf) {
                switch (b.edge) {
                case Edge::West:
                    bc.face[buf] = &qx[buf][std::size_t(r) * (W + 1)];
                    break;
                case Edge::East:
                    bc.face[buf] = &qx[buf][std::size_t(r) * (W + 1) + W];
                    break;
                case Edge::North:
                    bc.face[buf] = &qy[buf][c];
                    break;
                case Edge::South:
                    bc.face[buf] = &qy[buf][std::size_t(H) * W + c];
                    break;
                }
            }
            switch (b.edge) {
            case Edge::West:
                innerCell = cell + 1, bc.sign = 1, bc.factor = &factorWest[r];
                break;
            case Edge::East:
                innerCell = cell - 1, bc.sign = -1, bc.factor = &factorEast[r];
                break;
            case Edge::North:
                innerCell = cell + W, bc.sign = 1, bc.factor = &factorNorth[c];
                break;
            case Edge::South:
                innerCell = cell - W, bc.sign = -1, bc.factor = &factorSouth[c];
                break;
            }
            bc.inner = wall[innerCell] ? -1 : innerCell;
            bcells.push_back(bc);
            edgeMinZ[s] = std::min(edgeMinZ[s], z[cell]);
            // Water enters through level boundaries only: their cells are computed from the start. A free
            // edge cell joins the computed range when water reaches it (its outflow needs depth).
            if (b.kind == EdgeBoundary::Kind::Level)
                markWet(c, r);
        }
    }
    for (const Inflow& f : in.inflows) {
        std::vector<int> cells;
        for (auto [c, r] : rasteriseLine(in.dem, f.vertices))
            if (!wall[std::size_t(r) * W + c]) {
                cells.push_back(r * W + c);
                markWet(c, r);
            }
        inflowCells.push_back(std::move(cells));
    }
    for (const Gauge& g : in.gauges) {
        int c = 0, r = 0;
        cellAt(in.dem, g.x, g.y, c, r);
        gaugeCell.push_back(r * W + c);
        GaugeSeries s;
        s.name = g.name;
        s.x = g.x;
        s.y = g.y;
        s.col = c;
        s.row = r;
        s.ground = z[r * W + c];
        s.peakLevel = s.ground + h[r * W + c];
        s.peakDepth = h[r * W + c];
        res.gauges.push_back(std::move(s));
    }
}

// Computed columns of row r: the wet columns of rows r−1..r+1 widened by one (water moves at most one cell
// per step at α ≤ 1).
void Model::computeRanges() {
    if (fullRange) {
        std::fill(lo.begin(), lo.end(), 0);
        std::fill(hi.begin(), hi.end(), W - 1);
        return;
    }
    for (int r = 0; r < H; ++r) {
        int l = W, u = -1;
        for (int rr = std::max(0, r - 1); rr <= std::min(H - 1, r + 1); ++rr) {
            l = std::min(l, wetLo[rr]);
            u = std::max(u, wetHi[rr]);
        }
        lo[r] = l > u ? W : std::max(0, l - 1);
        hi[r] = l > u ? -1 : std::min(W - 1, u + 1);
    }
}

void Model::updateWetRanges() {
    if (fullRange)
        return;
    for (int r = 0; r < H; ++r) {
        if (lo[r] > hi[r])
            continue;
        const float* row = &h[std::size_t(r) * W];
        const int wl = wetLo[r], wh = wetHi[r];
        if (wl > wh) {
            for (int c = lo[r]; c <= hi[r]; ++c)
                if (row[c] > 0) {
                    wetLo[r] = std::min(wetLo[r], c);
                    wetHi[r] = std::max(wetHi[r], c);
                }
            continue;
        }
        for (int c = lo[r]; c < wl; ++c)
            if (row[c] > 0) {
                wetLo[r] = c;
                break;
            }
        for (int c = hi[r]; c > wh; --c)
            if (row[c] > 0) {
                wetHi[r] = c;
                break;
            }
    }
}

double Model::boundaryGhostDepth(double time) const {
    double d = 0;
    for (std::size_t s = 0; s < in.boundaries.size(); ++s)
        if (in.boundaries[s].kind == EdgeBoundary::Kind::Level && std::isfinite(edgeMinZ[s]))
            d = std::max(d, in.boundaries[s].level.value(time) - double(edgeMinZ[s]));
    return d;
}

// Boundary faces (serial: O(perimeter)). cur = the buffer holding the old fluxes.
void Model::setBoundaryFaces(double tMid, double dt, int cur) {
    const int nxt = 1 - cur;
    std::vector<double> levels(in.boundaries.size());
    for (std::size_t s = 0; s < in.boundaries.size(); ++s)
        if (in.boundaries[s].kind == EdgeBoundary::Kind::Level)
            levels[s] = in.boundaries[s].level.value(tMid);
    const double g = kGravity;
    for (const BoundaryCell& bc : bcells) {
        const EdgeBoundary& b = in.boundaries[bc.spec];
        const double ze = z[bc.cell], he = h[bc.cell], etaE = ze + he;
        const double qOld = *bc.face[cur];
        const double gn2c = gn2.empty() ? kGravity * in.manning * in.manning : gn2[bc.cell];
        double qIn = 0; // positive into the domain
        if (b.kind == EdgeBoundary::Kind::Level) {
            // A ghost cell outside with the boundary level over the same ground as the edge cell.
            const double etaG = std::max(levels[bc.spec], ze);
            const double hf = std::max(etaG, etaE) - ze;
            if (hf > kDryDepth) {
                const double qi = bc.sign * qOld;
                qIn = (qi - g * dt * hf * (etaE - etaG) / dx) /
                      (1 + dt * gn2c * std::abs(qOld) / std::pow(hf, 7.0 / 3.0));
            }
        } else if (he > kDryDepth) {
            double slope = b.freeSlope;
            if (slope <= 0 && bc.inner >= 0)
                slope = std::max(0.0, (double(z[bc.inner]) + h[bc.inner] - etaE) / dx);
            const double qo = -bc.sign * qOld;
            const double qOut =
                (qo + g * dt * he * slope) / (1 + dt * gn2c * std::abs(qOld) / std::pow(he, 7.0 / 3.0));
            qIn = -std::max(0.0, qOut); // a free edge only lets water out
        }
        *bc.face[nxt] = float(bc.sign * qIn);
    }
}

// What the continuity pass moved through the boundary faces: inflows as stored, outflows scaled by the edge
// cell's positivity factor (the same float products the kernel used).
void Model::bookBoundaryFaces(double dt, int nxt) {
    double volIn = 0, volOut = 0;
    for (const BoundaryCell& bc : bcells) {
        const float q = *bc.face[nxt];
        const float qIn = bc.sign > 0 ? q : -q;
        if (qIn > 0)
            volIn += double(qIn) * dx * dt;
        else
            volOut -= double(qIn * *bc.factor) * dx * dt;
    }
    res.mass.boundaryInVolume += volIn;
    res.mass.boundaryOutVolume += volOut;
}

// What went wrong, where and what to do. qBuffer >= 0: a speed limit was hit, locate the fastest face in it.
std::string Model::diagnose(const char* what, int qBuffer) const {
    std::size_t worst = 0;
    double worstValue = 0;
    bool found = false;
    for (std::size_t i = 0; i < h.size(); ++i) {
        const float v = h[i];
        if ((!std::isfinite(v) || v < -0.1f || v >= 1e4f) && !found) {
            worst = i;
            worstValue = v;
            found = true;
        }
    }
    if (qBuffer >= 0 && !found) {
        // The fastest face: |q| / h_flow with the depths at the start of the step (now in hNext).
        double fastest = -1;
        auto face = [&](std::size_t a, std::size_t b, float q) {
            const double hf = std::max(z[a] + hNext[a], z[b] + hNext[b]) - std::max(z[a], z[b]);
            const double v = std::abs(q) / std::max(hf, double(kDryDepth));
            if (hf >= kSpeedCheckDepth && v > fastest)
                fastest = v, worst = a, worstValue = v;
        };
        for (int r = 0; r < H; ++r)
            for (int c = 1; c < W; ++c)
                face(std::size_t(r) * W + c - 1, std::size_t(r) * W + c,
                     qx[qBuffer][std::size_t(r) * (W + 1) + c]);
        for (int r = 1; r < H; ++r)
            for (int c = 0; c < W; ++c)
                face(std::size_t(r - 1) * W + c, std::size_t(r) * W + c, qy[qBuffer][std::size_t(r) * W + c]);
        found = fastest >= 0;
    }
    const int c = int(worst % W), r = int(worst / W);
    const Vec2 p = in.dem.cellCenter(c, r);
    std::string where = found ? fmt(" (%g at cell column %.0f, row %.0f", worstValue, c, r) +
                                    fmt("; x %.1f, y %.1f)", p.x, p.y)
                              : "";
    return fmt("The flood model went unstable at t = %.1f s (step %.0f, time step %.3g s): ", t, double(step),
               dtLast) +
           what + where +
           fmt(". No results were written. Lower alpha (now %.2f, try 0.5), raise theta towards 1, check the "
               "inflows and boundary levels, or smooth spikes in the DEM.",
               in.alpha);
}

void Model::record(double time) {
    for (std::size_t k = 0; k < res.gauges.size(); ++k) {
        GaugeSeries& s = res.gauges[k];
        const double d = h[gaugeCell[k]];
        s.times.push_back(time);
        s.depths.push_back(d);
        s.levels.push_back(s.ground + d);
    }
    if (in.keepSnapshots || in.onOutput) {
        RasterF depth = raster(h, true);
        if (in.onOutput)
            in.onOutput(time, depth);
        if (in.keepSnapshots)
            res.snapshots.push_back({time, std::move(depth)});
    }
}

Result<InertialResult> Model::run() {
    if (Status s = validateInertialInput(in); !s)
        return Error{s.error()};
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    progress.setMessage("Flood model (2D local-inertial)");
    progress.setFraction(0);
    setUp();

    auto storage = [&] {
        double v = 0;
        for (float d : h)
            v += d;
        return v * cellArea;
    };
    res.mass.initialVolume = storage();
    const std::size_t openCells = h.size() - std::size_t(res.wallCells);
    const double sinkRate = (in.lossesMmPerH + in.drainageMmPerH) / 1000.0 / 3600.0;

    KernelGrid g;
    g.width = W;
    g.height = H;
    g.z = z.data();
    g.gn2 = gn2.empty() ? nullptr : gn2.data();
    g.gn2Const = float(kGravity * in.manning * in.manning);
    g.wall = wall.data();
    g.lo = lo.data();
    g.hi = hi.data();
    g.maxDepth = maxDepth.data();
    g.maxSpeed = maxSpeed.data();
    g.maxHazard = maxHazard.data();
    g.arrival = arrival.data();
    g.duration = duration.data();
    g.factorWest = factorWest.data();
    g.factorEast = factorEast.data();
    g.factorNorth = factorNorth.data();
    g.factorSouth = factorSouth.data();

    double hmax = 0;
    for (float d : h)
        hmax = std::max(hmax, double(d));
    record(0);
    double nextOutput = std::min(in.outputEveryS, in.durationS);
    double lastStatus = -1, lastFraction = -1;
    int cur = 0;
    res.minTimeStepS = std::numeric_limits<double>::infinity();
    const double eps = 1e-9 * std::max(1.0, in.durationS);
    while (t < in.durationS - eps) {
        if (progress.isCanceled())
            return Error{fmt("The flood run was cancelled at t = %.0f s of %.0f s.", t, in.durationS)};
        // Adaptive step: Courant-type limit on the deepest water (boundary ghosts included), capped, and cut
        // to land on the next output time.
        const double hForDt = std::max(hmax, boundaryGhostDepth(t));
        double dt = hForDt > kDryDepth ? in.alpha * dx / std::sqrt(kGravity * hForDt) : in.maxTimeStepS;
        dt = std::min({dt, in.maxTimeStepS, nextOutput - t});
        if (nextOutput - t - dt < 1e-6 * dt) // avoid a sliver step before the output time
            dt = nextOutput - t;
        if (!(dt > 1e-6))
            return Error{diagnose("the time step collapsed")};
        dtLast = dt;
        const double t1 = t + dt;

        const double rainRate = in.rain.isEmpty() ? 0.0 : in.rain.mean(t, t1) / 1000.0 / 3600.0; // m/s
        if (rainRate > 0 && !fullRange) {
            fullRange = true;
            std::fill(wetLo.begin(), wetLo.end(), 0);
            std::fill(wetHi.begin(), wetHi.end(), W - 1);
        }
        computeRanges();

        StepConstants k;
        k.dt = float(dt);
        k.dtOverDx = float(dt / dx);
        k.gDtOverDx = float(kGravity * dt / dx);
        k.theta = float(in.theta);
        k.rainDt = float(rainRate * dt);
        k.sinkDt = float(sinkRate * dt);
        k.threshold = float(in.depthThreshold);
        k.timeAfter = float(t1);
        g.qxOld = qx[cur].data();
        g.qxNew = qx[1 - cur].data();
        g.qyOld = qy[cur].data();
        g.qyNew = qy[1 - cur].data();
        g.hOld = h.data();
        g.hNew = hNext.data();

        const double fastestFace = fluxPass(g, k);
        setBoundaryFaces(t + 0.5 * dt, dt, cur);
        const bool output = t1 >= nextOutput - eps;
        const bool stats = output || (step + 1) % in.statsEverySteps == 0;
        statsDtAccum += dt;
        k.statsDt = float(statsDtAccum);
        const StepSums sums = continuityPass(g, k, k.rainDt > 0, k.sinkDt > 0, stats);
        h.swap(hNext);
        bookBoundaryFaces(dt, 1 - cur);
        if (stats)
            statsDtAccum = 0;
        t = t1;
        ++step;
        if (sums.bad)
            return Error{diagnose("a depth became NaN, negative beyond -0.1 m or above 10 km")};
        if (fastestFace > in.maxVelocity)
            return Error{diagnose(fmt("a face velocity exceeded %g m/s", in.maxVelocity).c_str(), 1 - cur)};
        hmax = sums.hmax;
        res.mass.lossVolume += sums.loss * cellArea;
        res.mass.clippedVolume += sums.clipped * cellArea;
        res.mass.rainVolume += double(k.rainDt) * openCells * cellArea;

        // Inflows: their hydrograph's mean over the step, shared between their cells.
        for (std::size_t f = 0; f < in.inflows.size(); ++f) {
            const auto& cells = inflowCells[f];
            const double q = in.inflows[f].flow.mean(t - dt, t);
            if (q <= 0 || cells.empty())
                continue;
            const float dh = float(q * dt / cells.size() / cellArea);
            for (int c : cells) {
                h[c] += dh;
                hmax = std::max(hmax, double(h[c]));
            }
            res.mass.inflowVolume += double(dh) * cells.size() * cellArea;
        }
        updateWetRanges();
        for (std::size_t k2 = 0; k2 < res.gauges.size(); ++k2) {
            GaugeSeries& s = res.gauges[k2];
            const double d = h[gaugeCell[k2]];
            if (d > s.peakDepth) {
                s.peakDepth = d;
                s.peakLevel = s.ground + d;
                s.peakTimeS = t;
            }
        }
        res.minTimeStepS = std::min(res.minTimeStepS, dt);
        res.maxTimeStepS = std::max(res.maxTimeStepS, dt);
        double active = 0;
        for (int r = 0; r < H; ++r)
            active += std::max(0, hi[r] - lo[r] + 1);
        res.cellSteps += active;
        cur = 1 - cur;

        if (output) {
            record(t);
            nextOutput = std::min(nextOutput + in.outputEveryS, in.durationS);
        }
        const double fraction = t / in.durationS;
        const double wall = elapsed();
        if (fraction - lastFraction >= 0.002 || output) {
            progress.setFraction(fraction);
            lastFraction = fraction;
        }
        if (in.onStatus && (wall - lastStatus >= 0.5 || output)) {
            lastStatus = wall;
            in.onStatus({t, in.durationS, wall, estimateRemainingSeconds(wall, fraction), step, dt});
        }
    }

    MassBalance& m = res.mass;
    m.finalVolume = storage();
    m.errorVolume = (m.finalVolume - m.initialVolume) -
                    (m.inflowVolume + m.rainVolume - m.lossVolume + m.boundaryInVolume - m.boundaryOutVolume);
    const double scale =
        std::max({m.initialVolume + m.inflowVolume + m.rainVolume + m.boundaryInVolume, m.finalVolume, 1e-9});
    m.errorFraction = m.errorVolume / scale;

    for (float& a : arrival)
        if (std::isinf(a))
            a = std::numeric_limits<float>::quiet_NaN();
    res.maxDepth = raster(maxDepth, true);
    res.maxVelocity = raster(maxSpeed, true);
    res.maxHazard = raster(maxHazard, true);
    res.arrivalTime = raster(arrival, true);
    res.floodDuration = raster(duration, true);
    res.finalDepth = raster(h, true);
    res.waterSurface = raster(maxDepth, true);
    for (std::size_t i = 0; i < h.size(); ++i) {
        float& ws = res.waterSurface.data[i];
        ws = !wall[i] && maxDepth[i] > kDryDepth ? in.dem.data[i] + maxDepth[i]
                                                 : std::numeric_limits<float>::quiet_NaN();
        if (!wall[i]) {
            res.maxDepthOverall = std::max(res.maxDepthOverall, double(maxDepth[i]));
            if (maxDepth[i] > in.depthThreshold)
                res.floodedAreaM2 += cellArea;
        }
    }
    for (std::size_t k2 = 0; k2 < res.gauges.size(); ++k2) {
        GaugeSeries& s = res.gauges[k2];
        s.finalDepth = h[gaugeCell[k2]];
        s.finalLevel = s.ground + s.finalDepth;
    }
    res.steps = step;
    if (!std::isfinite(res.minTimeStepS))
        res.minTimeStepS = 0;
    res.wallSeconds = elapsed();
    progress.setFraction(1);
    return std::move(res);
}

} // namespace

Result<InertialResult> runInertialModel(const InertialInput& input, Progress& progress) {
    Model model(input, progress);
    return model.run();
}

} // namespace gis::analysis::flood
