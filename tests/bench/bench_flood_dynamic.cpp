// Benchmark of the dynamic flood model's kernel: cell-steps per second on an N × N grid that is wet
// everywhere (every cell computed every step), next to this machine's memory bandwidth measured in the same
// run with a streaming copy, which bounds the kernel. Timings are reported, not asserted.
//
//   build/bin/bench_flood_dynamic [--size 1000] [--steps 200] [--repeats 5] [--stats-every 1] [--threads N]
//
// Output: one line per repeat and a median summary (also as JSON with --json).
#include "gis/analysis/flood/inertial_model.h"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace gis;
using namespace gis::analysis::flood;

namespace {

// CPU seconds used by this process (all threads): on a shared machine the wall-clock rate is the CPU rate
// times the share of the cores the process got, so both are reported.
double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// STREAM-style copy b = a over 2 × 512 MiB, rows in parallel like the kernel: bytes read + written per
// second.
double copyBandwidth(int repeats) {
    const std::size_t n = std::size_t(128) << 20; // floats: 512 MiB per array
    std::unique_ptr<float[]> a(new float[n]), b(new float[n]);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1 << 20), [&](const auto& r) {
        for (std::size_t i = r.begin(); i < r.end(); ++i)
            a[i] = float(i & 1023), b[i] = 0;
    });
    std::vector<double> rates;
    for (int k = 0; k < repeats; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1 << 20), [&](const auto& r) {
            std::memcpy(b.get() + r.begin(), a.get() + r.begin(), (r.end() - r.begin()) * sizeof(float));
        });
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        rates.push_back(2.0 * n * sizeof(float) / s);
    }
    volatile float sink = b[n / 2];
    (void)sink;
    return median(rates);
}

InertialInput wetGrid(int size, int steps, int statsEvery) {
    // 5 m cells, a gentle slope with ripples under 0.5 m of water plus light rain: every cell is wet and
    // flowing, so every cell is computed every step (no dry-area skipping helps the figure).
    InertialInput in;
    in.dem = RasterF(size, size, 0, size * 5.0, 5.0);
    in.initialDepth = RasterF(size, size, 0, size * 5.0, 5.0);
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            in.dem.at(c, r) = float(10 - 0.001 * 5 * c + 0.05 * std::sin(0.07 * r) * std::cos(0.05 * c));
            in.initialDepth.at(c, r) = 0.5f;
        }
    in.manning = 0.035;
    in.rain = TimeSeries::constant(20);
    in.boundaries.push_back({Edge::East, EdgeBoundary::Kind::Free, {}, 0.001});
    // Δt = 0.7 × 5 / √(9.81 × ~0.5) ≈ 1.58 s; run for `steps` of that.
    in.durationS = steps * 0.7 * 5 / std::sqrt(9.81 * 0.52);
    in.outputEveryS = in.durationS;
    in.keepSnapshots = false;
    in.statsEverySteps = statsEvery;
    return in;
}

} // namespace

int main(int argc, char** argv) {
    int size = 1000, steps = 200, repeats = 5, statsEvery = 1, threads = 0;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
        if (a == "--size")
            size = next();
        else if (a == "--steps")
            steps = next();
        else if (a == "--repeats")
            repeats = next();
        else if (a == "--stats-every")
            statsEvery = next();
        else if (a == "--threads")
            threads = next();
        else if (a == "--json")
            json = true;
        else {
            std::fprintf(stderr,
                         "usage: bench_flood_dynamic [--size N] [--steps N] [--repeats N] [--stats-every N] "
                         "[--threads N] [--json]\n");
            return 2;
        }
    }
    std::unique_ptr<tbb::global_control> limit;
    if (threads > 0)
        limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
    const int workers = int(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));

    const double bandwidth = copyBandwidth(repeats);
    std::vector<double> rates, walls, cpuRates, shares;
    double massError = 0;
    long long stepsDone = 0;
    for (int k = 0; k < repeats; ++k) {
        const InertialInput in = wetGrid(size, steps, statsEvery);
        Progress progress;
        const double cpu0 = cpuSeconds();
        auto r = runInertialModel(in, progress);
        const double cpu = cpuSeconds() - cpu0;
        if (!r) {
            std::fprintf(stderr, "run failed: %s\n", r.error().c_str());
            return 1;
        }
        rates.push_back(r->cellSteps / r->wallSeconds);
        walls.push_back(r->wallSeconds);
        cpuRates.push_back(r->cellSteps / cpu * workers); // per `workers` fully busy cores
        shares.push_back(cpu / r->wallSeconds / workers);
        massError = r->mass.errorFraction;
        stepsDone = r->steps;
        if (!json)
            std::printf(
                "run %d: %lld steps of %d x %d in %.3f s = %.1f M cell-steps/s (CPU share %.0f %% of %d "
                "cores; %.1f M at full use)\n",
                k + 1, r->steps, size, size, r->wallSeconds, r->cellSteps / r->wallSeconds / 1e6,
                100 * shares.back(), workers, cpuRates.back() / 1e6);
    }
    // Bytes each cell-step moves at the least (float arrays): flux pass reads z, h, qx, qy (16) and writes
    // qx, qy (8, + 8 write-allocate); continuity reads h, qx, qy, the wall mask (13) and writes h (4 + 4);
    // stats steps read and write five maxima arrays (40).
    const double bytesPlain = 16 + 16 + 13 + 8, bytesStats = bytesPlain + 40;
    const double bytes = statsEvery == 1 ? bytesStats : bytesPlain + 40.0 / statsEvery;
    const double rate = median(rates);
    if (json) {
        std::printf("{\"size\": %d, \"steps\": %lld, \"threads\": %d, \"stats_every\": %d, \"repeats\": %d, "
                    "\"median_cell_steps_per_s\": %.0f, \"median_cpu_share\": %.3f, "
                    "\"median_cell_steps_per_s_at_full_cpu\": %.0f, \"median_wall_s\": %.4f, "
                    "\"copy_bandwidth_bytes_per_s\": %.0f, \"bytes_per_cell_step\": %.1f, "
                    "\"bandwidth_bound_cell_steps_per_s\": %.0f, \"mass_error_fraction\": %.3g}\n",
                    size, stepsDone, workers, statsEvery, repeats, rate, median(shares), median(cpuRates),
                    median(walls), bandwidth, bytes, bandwidth / bytes, massError);
    } else {
        std::printf(
            "median: %.1f M cell-steps/s (%d threads, stats every %d step(s), CPU share %.0f %%; %.1f M at "
            "full use); copy bandwidth %.1f GB/s; ~%.0f bytes per cell-step -> bandwidth bound %.0f M "
            "cell-steps/s; mass error %.2e\n",
            rate / 1e6, workers, statsEvery, 100 * median(shares), median(cpuRates) / 1e6, bandwidth / 1e9,
            bytes, bandwidth / bytes / 1e6, massError);
    }
    return 0;
}
