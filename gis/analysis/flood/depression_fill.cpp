#include "gis/analysis/flood/depression_fill.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>
#include <utility>

namespace gis::analysis::flood {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr std::size_t kCheckEvery = std::size_t(1) << 18;
// ESRI D8 codes by neighbour slot (N, E, S, W, NE, SE, SW, NW: detail::Frame's order).
constexpr std::uint8_t kCodeOfSlot[8] = {64, 1, 4, 16, 128, 2, 8, 32};
constexpr int kNoParent = 8;

int oppositeSlot(int k) {
    return k < 4 ? (k + 2) % 4 : 4 + (k - 4 + 2) % 4;
}

Error canceled() {
    return Error{"Depression filling cancelled."};
}

// Priority-Flood, "improved" variant (Barnes, Lehman & Mulla 2014, Algorithm 3): seeds are the outlets; `z`
// (framed, NaN = frame or nodata) is raised in place to the filled surface. A neighbour no higher than the
// cell reaching it is in a depression (or on a flat) draining through that cell: it is raised to the cell's
// level and goes into the FIFO `pit`, drained before the heap, so most cells of filled sinks never touch the
// heap. With parents, records for every cell the slot of the neighbour it was reached from.
template <bool kParents>
Status priorityFlood(const detail::Frame& frame, std::vector<float>& z,
                     const std::vector<std::uint32_t>& outlets, int nn, std::vector<std::uint8_t>* parents,
                     Progress& progress) {
    std::vector<std::uint8_t> closed(z.size());
    std::size_t valid = 0;
    for (std::size_t p = 0; p < z.size(); ++p) {
        closed[p] = std::isnan(z[p]) ? 1 : 0;
        valid += !closed[p];
    }
    if constexpr (kParents)
        parents->assign(z.size(), kNoParent);
    detail::RadixHeap open;
    std::vector<std::uint32_t> pit;
    std::size_t pitHead = 0;
    for (std::uint32_t o : outlets) {
        const std::size_t p = frame.padded(o);
        if (!closed[p]) {
            closed[p] = 1;
            open.push(detail::orderedBits(z[p]), std::uint32_t(p));
        }
    }
    const auto& off = frame.offsets;
    std::size_t processed = 0;
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
        const float level = z[c];
        for (int k = 0; k < nn; ++k) {
            const std::size_t n = c + off[k];
            if (closed[n])
                continue;
            closed[n] = 1;
            if constexpr (kParents)
                (*parents)[n] = std::uint8_t(oppositeSlot(k));
            if (z[n] <= level) {
                z[n] = level;
                pit.push_back(std::uint32_t(n));
            } else {
                open.push(detail::orderedBits(z[n]), std::uint32_t(n));
            }
        }
    }
    return Status::ok();
}

RasterF sameGrid(const RasterF& dem) {
    RasterF r(dem.width, dem.height, dem.originX, dem.originY, dem.cellSize);
    r.noData = kNaN;
    return r;
}

} // namespace

Result<FillResult> fillDepressions(const RasterF& dem, const FillOptions& options, Progress& progress) {
    const detail::Frame frame(dem.width, dem.height);
    std::vector<float> z = detail::framed(frame, dem.data);
    progress.setMessage("Filling depressions (Priority-Flood)");
    if (Status s = priorityFlood<false>(frame, z, detail::edgeCells(dem, options.holesDrain),
                                        int(options.connectivity), nullptr, progress);
        !s)
        return Error{s.error()};
    FillResult r;
    r.filled = sameGrid(dem);
    r.depth = sameGrid(dem);
    double volume = 0;
    float maxDepth = 0;
    for (int row = 0; row < dem.height; ++row) {
        const float* src = z.data() + std::size_t(row + 1) * frame.stride + 1;
        for (int col = 0; col < dem.width; ++col) {
            const std::size_t i = std::size_t(row) * dem.width + col;
            const float f = src[col];
            r.filled.data[i] = f;
            const float d = f - dem.data[i]; // NaN on nodata
            r.depth.data[i] = d;
            if (d > 0) {
                ++r.sinkCells;
                volume += d;
                maxDepth = std::max(maxDepth, d);
            }
        }
    }
    const double cellArea = dem.cellSize * dem.cellSize;
    r.sinkAreaM2 = double(r.sinkCells) * cellArea;
    r.sinkVolumeM3 = volume * cellArea;
    r.maxDepth = maxDepth;
    progress.setFraction(1);
    return r;
}

Result<Raster<std::uint8_t>> flowDirections(const RasterF& dem, const FillOptions& options,
                                            Progress& progress) {
    const detail::Frame frame(dem.width, dem.height);
    std::vector<float> z = detail::framed(frame, dem.data);
    std::vector<std::uint8_t> parents;
    progress.setMessage("Flow directions (Priority-Flood + D8)");
    if (Status s = priorityFlood<true>(frame, z, detail::edgeCells(dem, options.holesDrain),
                                       int(options.connectivity), &parents, progress);
        !s)
        return Error{s.error()};
    Raster<std::uint8_t> dirs(dem.width, dem.height, dem.originX, dem.originY, dem.cellSize, kNoFlow);
    dirs.noData = kNoFlow;
    const auto& off = frame.offsets;
    const float kDiagonal = 1.0f / std::sqrt(2.0f);
    for (int row = 0; row < dem.height; ++row)
        for (int col = 0; col < dem.width; ++col) {
            const std::size_t p = std::size_t(row + 1) * frame.stride + col + 1;
            const float zc = z[p];
            if (std::isnan(zc))
                continue;
            int best = -1;
            float bestSlope = 0;
            for (int k = 0; k < 8; ++k) {
                const float drop = zc - z[p + off[k]]; // NaN (frame, nodata) compares false
                if (drop > 0) {
                    const float slope = k < 4 ? drop : drop * kDiagonal;
                    if (slope > bestSlope) {
                        bestSlope = slope;
                        best = k;
                    }
                }
            }
            if (best < 0 && parents[p] != kNoParent)
                best = parents[p];
            dirs.data[std::size_t(row) * dem.width + col] = best < 0 ? kOutlet : kCodeOfSlot[best];
        }
    progress.setFraction(1);
    return dirs;
}

std::ptrdiff_t downstreamCell(const Raster<std::uint8_t>& directions, std::size_t index) {
    const std::uint8_t code = directions.data[index];
    int dc = 0, dr = 0;
    switch (code) {
    case 1:
        dc = 1;
        break;
    case 2:
        dc = 1;
        dr = 1;
        break;
    case 4:
        dr = 1;
        break;
    case 8:
        dc = -1;
        dr = 1;
        break;
    case 16:
        dc = -1;
        break;
    case 32:
        dc = -1;
        dr = -1;
        break;
    case 64:
        dr = -1;
        break;
    case 128:
        dc = 1;
        dr = -1;
        break;
    default:
        return -1;
    }
    const int col = int(index % directions.width) + dc, row = int(index / directions.width) + dr;
    if (col < 0 || row < 0 || col >= directions.width || row >= directions.height)
        return -1;
    const std::size_t n = std::size_t(row) * directions.width + col;
    return directions.data[n] == kNoFlow ? -1 : std::ptrdiff_t(n);
}

Result<RasterF> flowAccumulation(const Raster<std::uint8_t>& directions, const RasterF* weights,
                                 Progress& progress) {
    const std::size_t n = directions.data.size();
    if (weights && weights->data.size() != n)
        return Error{"Flow accumulation: the weight raster is not on the flow-direction grid."};
    // Kahn's topological order: a cell is final once every cell draining into it is.
    std::vector<std::int32_t> down(n);
    std::vector<std::uint8_t> inflows(n, 0);
    std::size_t valid = 0;
    for (std::size_t i = 0; i < n; ++i) {
        down[i] = std::int32_t(downstreamCell(directions, i));
        if (down[i] >= 0)
            ++inflows[std::size_t(down[i])];
        valid += directions.data[i] != kNoFlow;
    }
    std::vector<double> acc(n, 0.0);
    std::vector<std::uint32_t> ready;
    ready.reserve(n / 4 + 16);
    for (std::size_t i = 0; i < n; ++i) {
        if (directions.data[i] == kNoFlow)
            continue;
        const float w = weights ? weights->data[i] : 1.0f;
        acc[i] = std::isnan(w) ? 0.0 : w;
        if (inflows[i] == 0)
            ready.push_back(std::uint32_t(i));
    }
    std::size_t done = 0;
    while (!ready.empty()) {
        const std::size_t i = ready.back();
        ready.pop_back();
        if ((++done & (kCheckEvery - 1)) == 0 && progress.isCanceled())
            return Error{"Flow accumulation cancelled."};
        const std::int32_t d = down[i];
        if (d >= 0) {
            acc[std::size_t(d)] += acc[i];
            if (--inflows[std::size_t(d)] == 0)
                ready.push_back(std::uint32_t(d));
        }
    }
    if (done != valid)
        return Error{"Flow accumulation: the flow directions contain a cycle (" +
                     std::to_string(valid - done) +
                     " cells never drain); compute them with flowDirections()."};
    RasterF out(directions.width, directions.height, directions.originX, directions.originY,
                directions.cellSize);
    out.noData = kNaN;
    for (std::size_t i = 0; i < n; ++i)
        out.data[i] = directions.data[i] == kNoFlow ? kNaN : float(acc[i]);
    progress.setFraction(1);
    return out;
}

// ---- Rain ponding: fill-spill-merge ----------------------------------------------------------------------
//
// After Barnes, Callaghan & Wickert (2020, "Computing water flow through complex landscapes", parts 2 and 3):
// 1. Depression hierarchy. One Priority-Flood, ordered by each cell's own elevation, seeded at the outlets
//    (the "ocean") and at every pit (a cell with no lower neighbour), labels each cell with the pit or outlet
//    whose flood reaches it first: its catchment, as every cell has a non-ascending path to it. When the
//    flood meets an already-visited cell of another depression, the two spill into each other at the higher
//    of the two cells; since cells leave the queue in elevation order, these meetings come in nondecreasing
//    spill order, so the merge tree is built on line (Kruskal with a union-find). The volume a depression
//    holds below its spill level (cells x level - sum of their elevations, over the cells visited so far)
//    comes from the same sweep.
// 2. Water. Each leaf gets the runoff of its catchment. Top-down over the tree: a depression holding more
//    than its volume spills the excess into its sibling, landing in the leaf across the spill point; two full
//    siblings pond together in their parent above the spill level; a root that spills off the DEM loses its
//    excess.
// Simplified against the paper (same equilibrium, not the same code): water moves in one top-down pass over
// the tree using subtree totals (a Fenwick tree over the leaves) rather than the paper's recursive
// OverflowInto walk, which is valid because whether a depression spills depends only on the total water that
// reaches it; the runoff coefficient is applied to the rain up front (no infiltration or evaporation while
// water moves); no flow paths over the final lakes are returned; and a lake's final level is solved by
// sorting its cells rather than from stored volume functions.

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct Depression {
    std::uint32_t parent = kNone;
    std::uint32_t child[2] = {kNone, kNone};
    std::uint32_t landLeaf = kNone; // the leaf across the spill point, where this node's overflow lands
    double spill = std::numeric_limits<double>::infinity();    // level at which it overflows
    double capacity = std::numeric_limits<double>::infinity(); // volume (m x cells) below `spill`
    bool toOcean = false;
    bool isLeaf() const { return child[0] == kNone; }
};

struct Fenwick {
    std::vector<double> t;
    explicit Fenwick(std::size_t n) : t(n + 1, 0.0) {}
    void add(std::size_t i, double v) {
        for (++i; i < t.size(); i += i & (~i + 1))
            t[i] += v;
    }
    double prefix(std::size_t i) const { // sum of [0, i)
        double s = 0;
        for (; i > 0; i -= i & (~i + 1))
            s += t[i];
        return s;
    }
};

} // namespace

Result<PondingResult> pondRain(const RasterF& dem, const PondingOptions& options, Progress& progress) {
    if (!(options.rainMm >= 0 && options.rainMm < 10000))
        return Error{"Rain ponding: the rain depth must be between 0 and 10000 mm."};
    if (!(options.uniformRunoff >= 0 && options.uniformRunoff <= 1))
        return Error{"Rain ponding: the runoff coefficient must be between 0 and 1."};
    if (options.runoffCoefficient && options.runoffCoefficient->data.size() != dem.data.size())
        return Error{"Rain ponding: the runoff-coefficient raster is not on the DEM's grid."};
    const detail::Frame frame(dem.width, dem.height);
    const std::vector<float> z = detail::framed(frame, dem.data);
    const auto& off = frame.offsets;
    std::vector<std::uint32_t> label(z.size(), kNone); // 0 = ocean, k >= 1 = leaf depression k
    std::vector<std::uint8_t> popped(z.size(), 0);
    detail::RadixHeap open;
    for (std::uint32_t o : detail::edgeCells(dem, options.holesDrain)) {
        const std::size_t p = frame.padded(o);
        label[p] = 0;
        open.push(detail::orderedBits(z[p]), std::uint32_t(p));
    }
    std::size_t valid = 0;
    for (std::size_t p = 0; p < z.size(); ++p) {
        if (std::isnan(z[p]))
            continue;
        ++valid;
        if (label[p] != kNone)
            continue;
        bool pit = true;
        for (int k = 0; k < 8 && pit; ++k)
            pit = !(z[p + off[k]] < z[p]);
        if (pit)
            open.push(detail::orderedBits(z[p]), std::uint32_t(p));
    }

    // Union-find over labels; the root holds the component's visited cells and its current tree node.
    std::vector<Depression> deps;
    std::vector<std::uint32_t> uf{0}, top{kNone}, leafOf{kNone};
    std::vector<std::uint64_t> count{0};
    std::vector<double> sumZ{0};
    auto find = [&](std::uint32_t a) {
        while (uf[a] != a)
            a = uf[a] = uf[uf[a]];
        return a;
    };
    auto merge = [&](std::uint32_t la, std::uint32_t lb, double s) {
        std::uint32_t ra = find(la), rb = find(lb);
        if (ra == rb)
            return;
        auto capacity = [&](std::uint32_t r) { return std::max(0.0, double(count[r]) * s - sumZ[r]); };
        if (ra == 0 || rb == 0) { // spills off the DEM
            const std::uint32_t x = ra == 0 ? rb : ra;
            Depression& d = deps[top[x]];
            d.spill = s;
            d.capacity = capacity(x);
            d.toOcean = true;
            uf[x] = 0;
            return;
        }
        const std::uint32_t a = top[ra], b = top[rb], m = std::uint32_t(deps.size());
        deps.emplace_back();
        for (auto [node, root, land] : {std::tuple{a, ra, leafOf[lb]}, std::tuple{b, rb, leafOf[la]}}) {
            deps[node].spill = s;
            deps[node].capacity = capacity(root);
            deps[node].landLeaf = land;
            deps[node].parent = m;
        }
        deps[m].child[0] = a;
        deps[m].child[1] = b;
        uf[rb] = ra;
        count[ra] += count[rb];
        sumZ[ra] += sumZ[rb];
        top[ra] = m;
    };
    progress.setMessage("Depression hierarchy (Priority-Flood)");
    std::size_t processed = 0;
    while (!open.empty()) {
        const std::size_t c = open.pop();
        if (popped[c])
            continue; // a pit reached by a neighbour's flood before its own turn
        if ((++processed & (kCheckEvery - 1)) == 0) {
            if (progress.isCanceled())
                return Error{"Rain ponding cancelled."};
            progress.setFraction(0.8 * double(processed) / double(valid));
        }
        if (label[c] == kNone) { // a pit: part of a flat already reached at this height, else a new leaf
            for (int k = 0; k < 8 && label[c] == kNone; ++k)
                if (z[c + off[k]] == z[c] && label[c + off[k]] != kNone)
                    label[c] = label[c + off[k]];
        }
        if (label[c] == kNone) {
            label[c] = std::uint32_t(uf.size());
            uf.push_back(label[c]);
            top.push_back(std::uint32_t(deps.size()));
            leafOf.push_back(std::uint32_t(deps.size()));
            count.push_back(0);
            sumZ.push_back(0);
            deps.emplace_back();
        }
        const float zc = z[c];
        for (int k = 0; k < 8; ++k) {
            const std::size_t n = c + off[k];
            if (std::isnan(z[n]))
                continue;
            if (label[n] == kNone) {
                label[n] = label[c];
                open.push(detail::orderedBits(z[n]), std::uint32_t(n));
            } else if (popped[n] && label[n] != label[c]) {
                merge(label[c], label[n], zc); // z[n] <= zc: the spill level is zc
            }
        }
        popped[c] = 1;
        const std::uint32_t r = find(label[c]);
        ++count[r];
        sumZ[r] += zc;
    }

    // Runoff (in metres x cells) generated in each leaf's catchment; what falls on outlet catchments drains.
    PondingResult result;
    const double cellArea = dem.cellSize * dem.cellSize, rainM = options.rainMm / 1000.0;
    std::vector<double> gen(deps.size(), 0.0);
    double runoff = 0, drained = 0;
    for (std::size_t i = 0; i < dem.data.size(); ++i) {
        if (std::isnan(dem.data[i]))
            continue;
        result.rainVolumeM3 += rainM * cellArea;
        float coefficient = options.runoffCoefficient ? options.runoffCoefficient->data[i] : kNaN;
        if (std::isnan(coefficient))
            coefficient = float(options.uniformRunoff);
        const double water = rainM * std::clamp(double(coefficient), 0.0, 1.0);
        runoff += water;
        const std::uint32_t l = label[frame.padded(i)];
        if (l == 0)
            drained += water;
        else
            gen[leafOf[l]] += water;
    }
    // Children are created before their parents, so ascending ids is a bottom-up order.
    std::vector<std::uint32_t> leaves(deps.size(), 0), tin(deps.size(), 0);
    for (std::uint32_t d = 0; d < deps.size(); ++d) {
        if (deps[d].isLeaf())
            leaves[d] = 1;
        if (deps[d].parent != kNone) {
            gen[deps[d].parent] += gen[d];
            leaves[deps[d].parent] += leaves[d];
        }
    }
    // Leaves numbered in depth-first order, so that every subtree's leaves (and cells) are contiguous.
    std::uint32_t next = 0;
    for (std::uint32_t d = std::uint32_t(deps.size()); d-- > 0;) {
        if (deps[d].parent == kNone) {
            tin[d] = next;
            next += leaves[d];
        }
        if (!deps[d].isLeaf()) {
            tin[deps[d].child[0]] = tin[d];
            tin[deps[d].child[1]] = tin[d] + leaves[deps[d].child[0]];
        }
    }
    const std::size_t leafCount = next;
    std::vector<std::uint64_t> cellStart(leafCount + 1, 0);
    for (std::size_t i = 0; i < dem.data.size(); ++i)
        if (const std::uint32_t l = label[frame.padded(i)]; l != kNone && l != 0)
            ++cellStart[tin[leafOf[l]] + 1];
    for (std::size_t k = 0; k < leafCount; ++k)
        cellStart[k + 1] += cellStart[k];
    std::vector<std::uint32_t> cells(cellStart[leafCount]);
    {
        std::vector<std::uint64_t> fill(cellStart.begin(), cellStart.end() - 1);
        for (std::size_t i = 0; i < dem.data.size(); ++i)
            if (const std::uint32_t l = label[frame.padded(i)]; l != kNone && l != 0)
                cells[fill[tin[leafOf[l]]]++] = std::uint32_t(i);
    }

    result.depth = sameGrid(dem);
    for (std::size_t i = 0; i < dem.data.size(); ++i)
        result.depth.data[i] = std::isnan(dem.data[i]) ? kNaN : 0.0f;
    auto range = [&](std::uint32_t d) { return std::pair{cellStart[tin[d]], cellStart[tin[d] + leaves[d]]}; };
    auto assignLevel = [&](std::uint32_t d, double h) {
        const auto [b, e] = range(d);
        for (std::uint64_t k = b; k < e; ++k) {
            const std::uint32_t i = cells[k];
            if (dem.data[i] < h)
                result.depth.data[i] = float(h - double(dem.data[i]));
        }
    };
    std::vector<double> zs;
    auto solveLevel = [&](std::uint32_t d, double water) { // water in metres x cells
        const auto [b, e] = range(d);
        zs.clear();
        for (std::uint64_t k = b; k < e; ++k)
            zs.push_back(dem.data[cells[k]]);
        std::sort(zs.begin(), zs.end());
        double sum = 0, h = zs.empty() ? 0 : zs.front();
        for (std::size_t k = 0; k < zs.size(); ++k) {
            sum += zs[k];
            h = (water + sum) / double(k + 1); // level if the k+1 lowest cells hold it all
            if (k + 1 == zs.size() || h <= zs[k + 1])
                break;
        }
        return h;
    };

    // Top-down: T = water that ends in the node's subtree; parents (higher ids) before children.
    Fenwick inflow(leafCount);
    std::vector<double> T(deps.size(), 0.0);
    std::vector<std::uint8_t> full(deps.size(), 0), covered(deps.size(), 0);
    auto arrived = [&](std::uint32_t d) {
        return gen[d] + inflow.prefix(tin[d] + leaves[d]) - inflow.prefix(tin[d]);
    };
    for (std::uint32_t d = std::uint32_t(deps.size()); d-- > 0;) {
        const Depression& dep = deps[d];
        if (dep.parent == kNone) {
            T[d] = gen[d];
            if (T[d] >= dep.capacity) {
                full[d] = 1;
                drained += T[d] - dep.capacity;
                T[d] = dep.capacity;
            }
        }
        const bool leaf = dep.isLeaf();
        if (covered[d]) {
            if (!leaf)
                covered[dep.child[0]] = covered[dep.child[1]] = 1;
            continue;
        }
        if (full[d] || leaf) {
            if (T[d] > 0)
                assignLevel(d, full[d] ? dep.spill : solveLevel(d, T[d]));
            if (full[d])
                result.fullDepressions += leaves[d];
            if (!leaf)
                covered[dep.child[0]] = covered[dep.child[1]] = 1;
            continue;
        }
        const std::uint32_t a = dep.child[0], b = dep.child[1];
        const double wa = arrived(a), wb = arrived(b), ca = deps[a].capacity, cb = deps[b].capacity;
        if (wa + wb >= ca + cb) { // both full: one lake above their spill level
            assignLevel(d, solveLevel(d, T[d]));
            result.fullDepressions += leaves[d];
            covered[a] = covered[b] = 1;
        } else if (wa > ca) { // a spills into b
            inflow.add(tin[deps[a].landLeaf], wa - ca);
            T[a] = ca;
            full[a] = 1;
            T[b] = wb + (wa - ca);
        } else if (wb > cb) {
            inflow.add(tin[deps[b].landLeaf], wb - cb);
            T[b] = cb;
            full[b] = 1;
            T[a] = wa + (wb - cb);
        } else {
            T[a] = wa;
            T[b] = wb;
        }
    }

    double ponded = 0;
    float maxDepth = 0;
    for (float v : result.depth.data)
        if (v > 0) {
            ++result.wetCells;
            ponded += v;
            maxDepth = std::max(maxDepth, v);
        }
    result.runoffVolumeM3 = runoff * cellArea;
    result.pondedVolumeM3 = ponded * cellArea;
    result.drainedVolumeM3 = drained * cellArea;
    result.depressions = leafCount;
    result.wetAreaM2 = double(result.wetCells) * cellArea;
    result.maxDepth = maxDepth;
    progress.setFraction(1);
    return result;
}

} // namespace gis::analysis::flood
