// The two passes of a local-inertial step. What makes them fast (FLOOD.md: a naive kernel reaches ~40–60 M
// cell-steps/s, memory bandwidth bounds us near 0.4–0.7 G on two cores):
//  - one pass computes both x and y face fluxes of a row, the other updates depths, books losses, clips,
//    reduces h_max and (on stats steps) the maxima over time, so each array is streamed once per pass;
//  - no pow()/cbrtf(): h_flow^(-7/3) is y⁷ with y = h_flow^(-1/3) from a bit-level guess and two Newton
//  steps;
//  - branch-free loops (walls sit at z = 1e6 so their faces get h_flow = 0, selects instead of ifs) with
//  OpenMP
//    SIMD reductions (-fopenmp-simd on this file) so GCC vectorises them; on x86-64 each row function is
//    compiled twice (AVX2+FMA and baseline SSE2) and picked at load time (target_clones);
//  - rows in parallel with TBB, and only the columns of each row that are or were next to water.
#include "gis/analysis/flood/inertial_kernel.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define URBIS_KERNEL_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define URBIS_KERNEL_CLONES
#endif
#if defined(__GNUC__)
#define URBIS_INLINE [[gnu::always_inline]] inline
#else
#define URBIS_INLINE inline
#endif

namespace gis::analysis::flood::detail {

namespace {

// By value: std::max/std::min take references, and inside `omp simd` a reference to a temporary becomes a
// per-lane array in memory, which stops GCC vectorising the loop.
URBIS_INLINE float vmax(float a, float b) {
    return a > b ? a : b;
}
URBIS_INLINE float vmin(float a, float b) {
    return a < b ? a : b;
}

URBIS_INLINE float invCbrt(float x) {
    // Magic constant from Moroz et al. (2021) for 1/cbrt; the guess is within 3.5 %, each Newton step squares
    // the error: 1.1e-5 after two (checked over 1e-4..1e4 in the tests).
    std::int32_t i = std::bit_cast<std::int32_t>(x);
    i = std::int32_t(0x54a21d2a) - std::int32_t(float(i) * (1.0f / 3.0f));
    float y = std::bit_cast<float>(i);
    y = y * ((4.0f / 3.0f) - (1.0f / 3.0f) * x * (y * y * y));
    y = y * ((4.0f / 3.0f) - (1.0f / 3.0f) * x * (y * y * y));
    return y;
}

struct FaceResult {
    float flux;  // q⁺
    float speed; // |q⁺| / h_flow, the face velocity (0 where h_flow < kSpeedCheckDepth)
};

// q⁺ on one face between cells a (west/north) and b (east/south).
URBIS_INLINE FaceResult faceFlux(float za, float ha, float zb, float hb, float q, float qm, float qp,
                                 float gn2, const StepConstants& k) {
    const float etaA = za + ha, etaB = zb + hb;
    const float hf = vmax(etaA, etaB) - vmax(za, zb);
    const float drive = k.gDtOverDx * hf * (etaB - etaA);
    const float qs = k.theta * q + 0.5f * (1.0f - k.theta) * (qm + qp);
    const float y = invCbrt(vmax(hf, kDryDepth));
    const float y2 = y * y;
    // One division per face (the slowest instruction here); computed on every lane, then selected, which
    // keeps the loop branch-free.
    const float rden = 1.0f / (1.0f + k.dt * gn2 * std::abs(q) * (y2 * y2 * y2 * y));
    const float centred = (qs - drive) * rden;
    // Where the θ-smoothed flux would flow against the water-surface slope (a wet/dry edge next to a faster
    // neighbour), it would create mass errors and negative depths: fall back to θ = 1 (Bates 2010), as
    // LISFLOOD-FP does.
    const float plain = (q - drive) * rden;
    const float flux = hf > kDryDepth ? (centred * (etaA - etaB) < 0.0f ? plain : centred) : 0.0f;
    // The instability check looks at faces at least 10 cm deep: on thinner ones the raw flux (momentum that
    // the positivity limiter will scale down) divided by a film of millimetres is no velocity at all.
    return {flux, hf >= kSpeedCheckDepth ? std::abs(flux) * (y2 * y) : 0.0f}; // y³ = 1 / h_flow
}

// Returns the fastest face velocity of the row (the instability check). The face speeds go through `speeds`
// (W + 1 floats) and are reduced in a plain loop afterwards: with `reduction(max)` on the x-face loop GCC 12
// produced wrong fluxes (the Hunter and EA 1 tests caught it).
template <bool kRaster>
URBIS_INLINE float fluxRow(const KernelGrid& g, const StepConstants& kRef, int r, float* __restrict speeds) {
    const StepConstants k = kRef; // a local copy: stores to float arrays cannot alias it, so no reloads
    const int W = g.width;
    const int lo = g.lo[r], hi = g.hi[r];
    float fastest = 0;
    if (lo > hi)
        return fastest;
    const float* z = g.z + std::size_t(r) * W;
    const float* h = g.hOld + std::size_t(r) * W;
    const float* n2 = kRaster ? g.gn2 + std::size_t(r) * W : nullptr;
    const float gc = g.gn2Const;
    {
        // x faces c = west side of cell c, between c−1 and c; interior faces 1..W−1.
        const float* __restrict qo = g.qxOld + std::size_t(r) * (W + 1);
        float* __restrict qn = g.qxNew + std::size_t(r) * (W + 1);
        const int c0 = std::max(lo, 1), c1 = std::min(hi + 1, W - 1);
#pragma omp simd
        for (int c = c0; c <= c1; ++c) {
            const float gn2 = kRaster ? 0.5f * (n2[c - 1] + n2[c]) : gc;
            const FaceResult f =
                faceFlux(z[c - 1], h[c - 1], z[c], h[c], qo[c], qo[c - 1], qo[c + 1], gn2, k);
            qn[c] = f.flux;
            speeds[c] = f.speed;
        }
        for (int c = c0; c <= c1; ++c)
            fastest = vmax(fastest, speeds[c]);
    }
    if (r >= 1) {
        // y faces on the north side of row r, between rows r−1 and r.
        const float* zu = z - W;
        const float* hu = h - W;
        const float* n2u = kRaster ? n2 - W : nullptr;
        const float* __restrict qo = g.qyOld + std::size_t(r) * W;
        const float* __restrict qoN = qo - W;
        const float* __restrict qoS = qo + W;
        float* __restrict qn = g.qyNew + std::size_t(r) * W;
#pragma omp simd
        for (int c = lo; c <= hi; ++c) {
            const float gn2 = kRaster ? 0.5f * (n2u[c] + n2[c]) : gc;
            const FaceResult f = faceFlux(zu[c], hu[c], z[c], h[c], qo[c], qoN[c], qoS[c], gn2, k);
            qn[c] = f.flux;
            speeds[c] = f.speed;
        }
        for (int c = lo; c <= hi; ++c)
            fastest = vmax(fastest, speeds[c]);
    }
    return fastest;
}

URBIS_KERNEL_CLONES float fluxRowsConst(const KernelGrid& g, const StepConstants& k, int r0, int r1) {
    std::vector<float> speeds(std::size_t(g.width) + 1);
    float fastest = 0;
    for (int r = r0; r < r1; ++r)
        fastest = std::max(fastest, fluxRow<false>(g, k, r, speeds.data()));
    return fastest;
}
URBIS_KERNEL_CLONES float fluxRowsRaster(const KernelGrid& g, const StepConstants& k, int r0, int r1) {
    std::vector<float> speeds(std::size_t(g.width) + 1);
    float fastest = 0;
    for (int r = r0; r < r1; ++r)
        fastest = std::max(fastest, fluxRow<true>(g, k, r, speeds.data()));
    return fastest;
}

// Outflow scale factors of row s over columns [a, b] (1 outside the grid): the share of its outflows a cell
// can afford from its water plus this step's rain.
template <bool kRain>
URBIS_INLINE void factorRow(const KernelGrid& g, const StepConstants& k, int s, int a, int b,
                            float* __restrict f) {
    if (s < 0 || s >= g.height) {
        for (int c = a; c <= b; ++c)
            f[c] = 1.0f;
        return;
    }
    const int W = g.width;
    const std::size_t base = std::size_t(s) * W;
    const float* __restrict h = g.hOld + base;
    const std::uint8_t* __restrict wall = g.wall + base;
    const float* __restrict qx = g.qxNew + std::size_t(s) * (W + 1);
    const float* __restrict qn = g.qyNew + base;
    const float* __restrict qs = qn + W;
    const float dtOverDx = k.dtOverDx, rainDt = k.rainDt;
#pragma omp simd
    for (int c = a; c <= b; ++c) {
        const float out = vmax(qx[c + 1], 0.0f) - vmin(qx[c], 0.0f) + vmax(qs[c], 0.0f) - vmin(qn[c], 0.0f);
        const float outDepth = out * dtOverDx;
        float avail = h[c];
        if constexpr (kRain)
            avail += wall[c] ? 0.0f : rainDt;
        const float ratio = avail / vmax(outDepth, 1e-30f);
        f[c] = outDepth > avail ? ratio : 1.0f;
    }
}

// One row's depth update. fu, fm, fd: outflow factors of rows r−1, r, r+1 (index −1 and W hold 1).
template <bool kRain, bool kSink, bool kStats>
URBIS_INLINE void continuityRow(const KernelGrid& g, const StepConstants& kRef, int r,
                                const float* __restrict fu, const float* __restrict fm,
                                const float* __restrict fd, StepSums& sums) {
    const StepConstants k = kRef; // see fluxRow
    const int W = g.width;
    const int lo = g.lo[r], hi = g.hi[r];
    const std::size_t base = std::size_t(r) * W;
    const float* __restrict h = g.hOld + base;
    float* __restrict hOut = g.hNew + base;
    const std::uint8_t* __restrict wall = g.wall + base;
    const float* __restrict qx = g.qxNew + std::size_t(r) * (W + 1);
    const float* __restrict qn = g.qyNew + base;
    const float* __restrict qs = qn + W;
    float* __restrict md = kStats ? g.maxDepth + base : nullptr;
    float* __restrict ms = kStats ? g.maxSpeed + base : nullptr;
    float* __restrict mh = kStats ? g.maxHazard + base : nullptr;
    float* __restrict ar = kStats ? g.arrival + base : nullptr;
    float* __restrict du = kStats ? g.duration + base : nullptr;
    const float threshold = k.threshold, timeAfter = k.timeAfter, statsDt = k.statsDt;
    float hmax = 0, loss = 0, clipped = 0;
    int bad = 0;
#pragma omp simd reduction(max : hmax) reduction(+ : loss, clipped) reduction(| : bad)
    for (int c = lo; c <= hi; ++c) {
        // Each face scaled by its upwind cell's factor (positivity, see the header).
        const float qw = qx[c], qe = qx[c + 1], qnn = qn[c], qss = qs[c], fc = fm[c];
        const float sw = qw * (qw > 0.0f ? fm[c - 1] : fc);
        const float se = qe * (qe > 0.0f ? fc : fm[c + 1]);
        const float sn = qnn * (qnn > 0.0f ? fu[c] : fc);
        const float ss = qss * (qss > 0.0f ? fc : fd[c]);
        float hn = h[c] + k.dtOverDx * (sw - se + sn - ss);
        if constexpr (kRain)
            hn += wall[c] ? 0.0f : k.rainDt;
        if constexpr (kSink) {
            const float s = vmin(vmax(hn, 0.0f), k.sinkDt);
            hn -= s;
            loss += s;
        }
        // Round-off below zero is clipped and booked. Far below zero (or NaN) is an instability: left as is
        // for the caller's diagnosis.
        const bool sane = (hn >= k.negativeLimit) & (hn < 1e4f);
        bad |= !sane;
        const float neg = sane ? vmin(hn, 0.0f) : 0.0f;
        clipped -= neg;
        hn -= neg;
        hOut[c] = hn;
        hmax = vmax(hmax, hn);
        if constexpr (kStats) {
            // Plain selects (no short-circuit, no std::max on references) keep the loop vectorisable.
            // Cell speed from the mean face fluxes over the larger of the depths before and after the step:
            // a cell that passes on each step what it received (a source cell, a thin chute) carried that
            // flow at its depth before the update, not at the near-empty depth after it.
            const float ux = 0.5f * (sw + se), uy = 0.5f * (sn + ss);
            const float carrying = vmax(hn, h[c]);
            const float rawSpeed = std::sqrt(ux * ux + uy * uy) / vmax(carrying, kSpeedMinDepth);
            const bool deep = carrying >= kSpeedMinDepth;
            const float speed = deep ? rawSpeed : 0.0f;
            const float oldDepth = md[c], oldSpeed = ms[c], oldHazard = mh[c], oldArrival = ar[c];
            md[c] = hn > oldDepth ? hn : oldDepth;
            ms[c] = speed > oldSpeed ? speed : oldSpeed;
            const float hr = deep ? hn * (speed + 0.5f) + (hn > 0.25f ? 0.5f : 0.0f) : 0.0f;
            mh[c] = hr > oldHazard ? hr : oldHazard;
            const bool over = hn > threshold;
            ar[c] = (over & (timeAfter < oldArrival)) ? timeAfter : oldArrival;
            du[c] += over ? statsDt : 0.0f;
        }
    }
    if (lo == 0)
        g.factorWest[r] = fm[0];
    if (hi == W - 1)
        g.factorEast[r] = fm[W - 1];
    if (r == 0)
        std::copy(fm + lo, fm + hi + 1, g.factorNorth + lo);
    if (r == g.height - 1)
        std::copy(fm + lo, fm + hi + 1, g.factorSouth + lo);
    sums.hmax = std::max(sums.hmax, double(hmax));
    sums.loss += loss;
    sums.clipped += clipped;
    sums.bad = sums.bad || bad;
}

// Columns of row s whose factors rows s−1..s+1 need: their computed ranges widened by one.
inline void factorColumns(const KernelGrid& g, int s, int& a, int& b) {
    a = g.width;
    b = -1;
    for (int t = std::max(0, s - 1); t <= std::min(g.height - 1, s + 1); ++t)
        if (g.lo[t] <= g.hi[t]) {
            a = std::min(a, g.lo[t]);
            b = std::max(b, g.hi[t]);
        }
    a = std::max(0, a - 1);
    b = std::min(g.width - 1, b + 1);
}

template <bool kRain, bool kSink, bool kStats>
URBIS_KERNEL_CLONES StepSums continuityRows(const KernelGrid& g, const StepConstants& k, int r0, int r1) {
    StepSums s;
    // Three rolling factor rows with a one-cell margin of ones at both ends.
    const int W = g.width;
    std::vector<float> buffers(3 * std::size_t(W + 2), 1.0f);
    float* f[3] = {buffers.data() + 1, buffers.data() + 1 + (W + 2), buffers.data() + 1 + 2 * (W + 2)};
    auto compute = [&](int row, float* out) {
        int a, b;
        if (row < 0 || row >= g.height) {
            std::fill(out, out + W, 1.0f);
            return;
        }
        factorColumns(g, row, a, b);
        if (a <= b)
            factorRow<kRain>(g, k, row, a, b, out);
    };
    compute(r0 - 1, f[0]);
    compute(r0, f[1]);
    for (int r = r0; r < r1; ++r) {
        compute(r + 1, f[2]);
        if (g.lo[r] <= g.hi[r])
            continuityRow<kRain, kSink, kStats>(g, k, r, f[0], f[1], f[2], s);
        std::rotate(f, f + 1, f + 3);
    }
    return s;
}

using RowsFn = StepSums (*)(const KernelGrid&, const StepConstants&, int, int);

RowsFn pickContinuity(bool rain, bool sink, bool stats) {
    static const RowsFn table[8] = {continuityRows<false, false, false>, continuityRows<false, false, true>,
                                    continuityRows<false, true, false>,  continuityRows<false, true, true>,
                                    continuityRows<true, false, false>,  continuityRows<true, false, true>,
                                    continuityRows<true, true, false>,   continuityRows<true, true, true>};
    return table[(rain ? 4 : 0) + (sink ? 2 : 0) + (stats ? 1 : 0)];
}

// Rows per task: big enough to amortise TBB's scheduling, small enough to balance two to many cores.
int grainRows(int height) {
    return std::max(4, height / 64);
}

} // namespace

float inverseCubeRoot(float x) {
    return invCbrt(x);
}

double fluxPass(const KernelGrid& g, const StepConstants& k) {
    const bool raster = g.gn2 != nullptr;
    return tbb::parallel_reduce(
        tbb::blocked_range<int>(0, g.height, grainRows(g.height)), 0.0,
        [&](const tbb::blocked_range<int>& range, double fastest) {
            const float f = raster ? fluxRowsRaster(g, k, range.begin(), range.end())
                                   : fluxRowsConst(g, k, range.begin(), range.end());
            return std::max(fastest, double(f));
        },
        [](double a, double b) { return std::max(a, b); });
}

StepSums continuityPass(const KernelGrid& g, const StepConstants& k, bool rain, bool sink, bool stats) {
    const RowsFn rows = pickContinuity(rain, sink, stats);
    return tbb::parallel_reduce(
        tbb::blocked_range<int>(0, g.height, grainRows(g.height)), StepSums{},
        [&](const tbb::blocked_range<int>& range, StepSums acc) {
            const StepSums s = rows(g, k, range.begin(), range.end());
            acc.hmax = std::max(acc.hmax, s.hmax);
            acc.loss += s.loss;
            acc.clipped += s.clipped;
            acc.bad = acc.bad || s.bad;
            return acc;
        },
        [](StepSums a, const StepSums& b) {
            a.hmax = std::max(a.hmax, b.hmax);
            a.loss += b.loss;
            a.clipped += b.clipped;
            a.bad = a.bad || b.bad;
            return a;
        });
}

} // namespace gis::analysis::flood::detail
