#include "gis/analysis/flood/static_flood.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <sstream>

namespace gis::analysis::flood {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
// Progress and cancel checks every this many cells (a few ms of work).
constexpr std::size_t kCheckEvery = std::size_t(1) << 18;

std::string fmt(double v) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(2);
    s << v;
    return s.str();
}

Error canceled() {
    return Error{"Flood analysis cancelled."};
}

// ground - shape per cell (row-major); NaN where the cell cannot flood.
std::vector<float> relativeGround(const RasterF& dem, const WaterSurface& surface) {
    if (surface.kind == WaterSurface::Kind::Flat)
        return dem.data;
    std::vector<float> rel(dem.data.size());
    for (int row = 0; row < dem.height; ++row)
        for (int col = 0; col < dem.width; ++col) {
            const std::size_t i = std::size_t(row) * dem.width + col;
            rel[i] = float(double(dem.data[i]) - surface.shapeAt(dem.cellCenter(col, row)));
        }
    return rel;
}

// Depth, classes and stats given which cells are flooded: flooded(i, p) with i the row-major index and p the
// framed one. One pass, row by row (no divisions).
template <class Flooded>
FloodResult makeResult(const RasterF& dem, const float* rel, float level, Flooded&& flooded, bool rasters) {
    FloodResult r;
    if (rasters) {
        r.depth = RasterF(dem.width, dem.height, dem.originX, dem.originY, dem.cellSize, 0.0f);
        r.depth.noData = kNaN;
        r.classes = Raster<std::uint8_t>(dem.width, dem.height, dem.originX, dem.originY, dem.cellSize,
                                         std::uint8_t(FloodClass::Dry));
        r.classes.noData = std::uint8_t(FloodClass::NoData);
    }
    FloodStats& s = r.stats;
    double volume = 0, unconnectedVolume = 0;
    float maxDepth = 0;
    const std::size_t stride = std::size_t(dem.width) + 2;
    for (int row = 0; row < dem.height; ++row) {
        const std::size_t i0 = std::size_t(row) * dem.width, p0 = (std::size_t(row) + 1) * stride + 1;
        double rowVolume = 0, rowUnconnected = 0;
        for (int col = 0; col < dem.width; ++col) {
            const std::size_t i = i0 + col;
            if (!(rel[i] < level)) {
                if (rasters && std::isnan(dem.data[i])) {
                    r.depth.data[i] = kNaN;
                    r.classes.data[i] = std::uint8_t(FloodClass::NoData);
                }
                continue;
            }
            const float depth = level - rel[i];
            if (flooded(i, p0 + col)) {
                ++s.floodedCells;
                rowVolume += depth;
                maxDepth = std::max(maxDepth, depth);
                if (rasters) {
                    r.depth.data[i] = depth;
                    r.classes.data[i] = std::uint8_t(FloodClass::Flooded);
                }
            } else {
                ++s.unconnectedCells;
                rowUnconnected += depth;
                if (rasters)
                    r.classes.data[i] = std::uint8_t(FloodClass::LowLyingUnconnected);
            }
        }
        volume += rowVolume;
        unconnectedVolume += rowUnconnected;
    }
    const double cellArea = dem.cellSize * dem.cellSize;
    s.areaM2 = double(s.floodedCells) * cellArea;
    s.volumeM3 = volume * cellArea;
    s.maxDepth = maxDepth;
    s.unconnectedAreaM2 = double(s.unconnectedCells) * cellArea;
    s.unconnectedVolumeM3 = unconnectedVolume * cellArea;
    return r;
}

} // namespace

double WaterSurface::shapeAt(const Vec2& p) const {
    switch (kind) {
    case Kind::Flat:
        return 0;
    case Kind::Sloped:
        return gradientX * (p.x - anchor.x) + gradientY * (p.y - anchor.y);
    case Kind::Raster:
        if (auto v = surface.sample(p.x, p.y))
            return *v;
        return std::numeric_limits<double>::quiet_NaN();
    }
    return 0;
}

Status checkLevel(const RasterF& dem, double level, const std::string& demName) {
    if (!std::isfinite(level))
        return Error{"The water level is not a number."};
    const auto range = dem.valueRange();
    if (!range)
        return Error{"DEM '" + demName + "' holds only nodata cells."};
    if (level > 9000)
        return Error{"The water level " + fmt(level) +
                     " m is above 9000 m, higher than any ground on Earth; "
                     "levels are absolute elevations in the DEM's vertical datum (DEM '" +
                     demName + "': " + fmt(range->first) + " to " + fmt(range->second) + " m)."};
    if (level < range->first - 1000)
        return Error{"The water level " + fmt(level) +
                     " m is more than 1000 m below the lowest ground of DEM '" + demName + "' (" +
                     fmt(range->first) +
                     " m); levels are absolute elevations in the DEM's "
                     "vertical datum, not depths."};
    return Status::ok();
}

Result<StaticFloodModel> buildStaticFlood(const RasterF& dem, const std::vector<std::uint32_t>& seeds,
                                          const WaterSurface& surface, Connectivity connectivity,
                                          Progress& progress) {
    StaticFloodModel m;
    m.ground = dem;
    m.connectivity = connectivity;
    m.seeds = seeds;
    m.surface = surface;
    m.surface.surface = RasterF();
    m.relative = relativeGround(dem, surface);

    const detail::Frame frame(dem.width, dem.height);
    const std::vector<float> rel = detail::framed(frame, m.relative);
    std::vector<float> conn(frame.size(), kInf);
    // closed: frame, nodata and cells already reached.
    std::vector<std::uint8_t> closed(frame.size());
    std::size_t valid = 0;
    for (std::size_t p = 0; p < rel.size(); ++p) {
        closed[p] = std::isnan(rel[p]) ? 1 : 0;
        valid += !closed[p];
    }
    const int nn = int(connectivity);
    const auto& off = frame.offsets;

    // Priority-Flood (Barnes, Lehman & Mulla 2014, "improved" variant): `open` is a min-queue on connection
    // level; a neighbour no higher than the cell that reaches it shares that cell's connection level
    // and goes into the plain FIFO `pit` instead, which is drained first. conn(n) = max(conn(c), rel(n)) is
    // the minimax height of the best path from a seed, since cells leave the queues in nondecreasing order.
    detail::RadixHeap open;
    std::vector<std::uint32_t> pit;
    std::size_t pitHead = 0;
    for (std::uint32_t s : seeds) {
        const std::size_t p = frame.padded(s);
        if (s >= dem.data.size() || closed[p])
            continue;
        closed[p] = 1;
        conn[p] = rel[p];
        open.push(detail::orderedBits(rel[p]), std::uint32_t(p));
    }
    std::size_t processed = 0;
    progress.setMessage("Connection levels (Priority-Flood)");
    while (true) {
        std::size_t c;
        if (pitHead < pit.size()) {
            c = pit[pitHead++];
            if (pitHead == pit.size()) {
                pit.clear();
                pitHead = 0;
            }
        } else if (!open.empty()) {
            c = open.pop();
        } else {
            break;
        }
        if ((++processed & (kCheckEvery - 1)) == 0) {
            if (progress.isCanceled())
                return canceled();
            progress.setFraction(double(processed) / double(valid));
        }
        const float level = conn[c];
        for (int k = 0; k < nn; ++k) {
            const std::size_t n = c + off[k];
            if (closed[n])
                continue;
            closed[n] = 1;
            const float z = rel[n];
            if (z <= level) {
                conn[n] = level;
                pit.push_back(std::uint32_t(n));
            } else {
                conn[n] = z;
                open.push(detail::orderedBits(z), std::uint32_t(n));
            }
        }
    }
    m.connection.resize(dem.data.size());
    float highest = -kInf;
    for (int row = 0; row < dem.height; ++row)
        for (int col = 0; col < dem.width; ++col) {
            const float v = conn[std::size_t(row + 1) * frame.stride + col + 1];
            m.connection[std::size_t(row) * dem.width + col] = v;
            if (v != kInf)
                highest = std::max(highest, v);
        }
    m.highestConnection = highest == -kInf ? kNaN : highest;
    progress.setFraction(1);
    return m;
}

FloodResult depthAt(const StaticFloodModel& model, double levelM) {
    const float level = float(levelM);
    const float* conn = model.connection.data();
    return makeResult(
        model.ground, model.relative.data(), level,
        [&](std::size_t i, std::size_t) { return conn[i] < level; }, true);
}

FloodStats statsAt(const StaticFloodModel& model, double levelM) {
    const float level = float(levelM);
    const float* conn = model.connection.data();
    return makeResult(
               model.ground, model.relative.data(), level,
               [&](std::size_t i, std::size_t) { return conn[i] < level; }, false)
        .stats;
}

Result<FloodResult> floodAtLevel(const RasterF& dem, const std::vector<std::uint32_t>& seeds,
                                 const WaterSurface& surface, double levelM, Connectivity connectivity,
                                 Progress& progress) {
    const float level = float(levelM);
    progress.setMessage("Flood fill at one level");
    std::vector<float> relStorage;
    if (surface.kind != WaterSurface::Kind::Flat)
        relStorage = relativeGround(dem, surface);
    const float* rel = relStorage.empty() ? dem.data.data() : relStorage.data();
    const detail::Frame frame(dem.width, dem.height);
    // state: 0 = below the level, not reached yet; 1 = cannot flood (frame, nodata, at or above the level);
    // 2 = flooded. One byte test per neighbour in the inner loop.
    constexpr std::uint8_t kOpen = 0, kBlocked = 1, kFlooded = 2;
    std::vector<std::uint8_t> state(frame.size(), kBlocked);
    for (int row = 0; row < dem.height; ++row) {
        const float* src = rel + std::size_t(row) * dem.width;
        std::uint8_t* dst = state.data() + std::size_t(row + 1) * frame.stride + 1;
        for (int col = 0; col < dem.width; ++col)
            dst[col] = src[col] < level ? kOpen : kBlocked;
    }
    std::vector<std::uint32_t> queue;
    queue.reserve(1 << 16);
    for (std::uint32_t s : seeds) {
        if (s >= dem.data.size())
            continue;
        const std::size_t p = frame.padded(s);
        if (state[p] == kOpen) {
            state[p] = kFlooded;
            queue.push_back(std::uint32_t(p));
        }
    }
    const int nn = int(connectivity);
    const auto& off = frame.offsets;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        if ((head & (kCheckEvery - 1)) == kCheckEvery - 1 && progress.isCanceled())
            return canceled();
        const std::size_t c = queue[head];
        for (int k = 0; k < nn; ++k) {
            const std::size_t n = c + off[k];
            if (state[n] == kOpen) {
                state[n] = kFlooded;
                queue.push_back(std::uint32_t(n));
            }
        }
    }
    progress.setFraction(1);
    return makeResult(
        dem, rel, level, [&](std::size_t, std::size_t p) { return state[p] == kFlooded; }, true);
}

} // namespace gis::analysis::flood
