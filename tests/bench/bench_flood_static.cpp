// Flood tiers 0 and 1 on a synthetic DEM (issue 5, "Speed"): one static level (breadth-first fill), the
// all-levels Priority-Flood pass, a level from the all-levels model (the slider), depression filling (cells/s
// on one core), D8 directions and rain ponding. Prints medians; asserts nothing.
// scripts/bench_flood_static.sh runs it with GRASS r.lake on the same DEM and seed.
//
//   bench_flood_static [--size 4000] [--runs 5] [--write-dem FILE.tif] [--json]
//
// The DEM: 2 m cells in UTM 50N, value noise in six octaves (wavelengths 2 km to 10 m, ~0-100 m of relief,
// rounded to 1 cm as LiDAR DEMs are), so it has valleys, ridges, closed depressions and flats. Seed: the
// lowest cell. Level: the DEM's median elevation.
#include "gis/analysis/flood/depression_fill.h"
#include "gis/analysis/flood/static_flood.h"
#include "gis/io/raster_io.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace gis;
using namespace gis::analysis::flood;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// Median wall-clock and CPU seconds of `runs` calls. Every kernel here is single-threaded, so CPU time is
// the figure to trust on a shared machine (wall time includes waiting for a core).
struct Timing {
    double wall = 0, cpu = 0;
};
Timing timeIt(int runs, const std::function<void()>& f) {
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        const std::clock_t c0 = std::clock();
        f();
        cpu.push_back(double(std::clock() - c0) / CLOCKS_PER_SEC);
        wall.push_back(since(t0));
    }
    return {median(wall), median(cpu)};
}

RasterF syntheticDem(int n) {
    RasterF r(n, n, 500000, 4400000 + 2.0 * n, 2.0, 0.0f);
    std::mt19937 rng(2026);
    std::uniform_real_distribution<float> u(0, 1);
    const double wavelengths[] = {1000, 400, 150, 50, 15, 5}; // cells
    const double amplitudes[] = {40, 18, 7, 2.5, 0.8, 0.25};  // metres
    for (int o = 0; o < 6; ++o) {
        const double wl = wavelengths[o];
        const int g = int(std::ceil(n / wl)) + 2;
        std::vector<float> lattice(std::size_t(g) * g);
        for (float& v : lattice)
            v = u(rng);
        for (int y = 0; y < n; ++y) {
            const double fy = y / wl;
            const int y0 = int(fy);
            double ty = fy - y0;
            ty = ty * ty * (3 - 2 * ty);
            for (int x = 0; x < n; ++x) {
                const double fx = x / wl;
                const int x0 = int(fx);
                double tx = fx - x0;
                tx = tx * tx * (3 - 2 * tx);
                const float* a = &lattice[std::size_t(y0) * g + x0];
                const float* b = a + g;
                const double v =
                    (1 - ty) * ((1 - tx) * a[0] + tx * a[1]) + ty * ((1 - tx) * b[0] + tx * b[1]);
                r.at(x, y) += float(amplitudes[o] * v);
            }
        }
    }
    for (float& v : r.data)
        v = std::round(v * 100) / 100;
    return r;
}

} // namespace

int main(int argc, char** argv) {
    int size = 4000, runs = 5;
    std::string demOut;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--size") && i + 1 < argc)
            size = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--write-dem") && i + 1 < argc)
            demOut = argv[++i];
        else if (!std::strcmp(argv[i], "--json"))
            json = true;
        else {
            std::fprintf(stderr, "usage: %s [--size N] [--runs R] [--write-dem FILE.tif] [--json]\n",
                         argv[0]);
            return 2;
        }
    }
    auto t0 = Clock::now();
    const RasterF dem = syntheticDem(size);
    const double genSeconds = since(t0);
    if (!demOut.empty()) {
        if (Status s = io::writeGeoTiff(dem, Crs{"EPSG:32650"}, demOut); !s) {
            std::fprintf(stderr, "%s\n", s.error().c_str());
            return 1;
        }
    }
    const std::size_t cells = dem.data.size();
    const std::size_t lowest =
        std::size_t(std::min_element(dem.data.begin(), dem.data.end()) - dem.data.begin());
    std::vector<float> sorted = dem.data;
    std::nth_element(sorted.begin(), sorted.begin() + cells / 2, sorted.end());
    const double level = sorted[cells / 2];
    const Vec2 seedXY = dem.cellCenter(int(lowest % size), int(lowest / size));
    const std::vector<std::uint32_t> seeds{std::uint32_t(lowest)};
    NullProgress p;

    // Tier 0.
    FloodStats one;
    const Timing oneLevel = timeIt(runs, [&] {
        auto r = floodAtLevel(dem, seeds, {}, level, Connectivity::Eight, p);
        one = r->stats;
    });
    std::optional<StaticFloodModel> model;
    const Timing allLevels = timeIt(runs, [&] {
        model.reset();
        auto m = buildStaticFlood(dem, seeds, {}, Connectivity::Eight, p);
        model = std::move(m).value();
    });
    FloodStats fromModel;
    const Timing slider = timeIt(runs, [&] { fromModel = depthAt(*model, level).stats; });
    const Timing sliderStats = timeIt(runs, [&] { fromModel = statsAt(*model, level); });

    // Tier 1 (all single-threaded).
    FillResult filled;
    const Timing fill = timeIt(runs, [&] { filled = fillDepressions(dem, {}, p).value(); });
    const Timing dirs = timeIt(std::max(1, runs / 2), [&] { (void)flowDirections(dem, {}, p); });
    PondingResult ponding;
    const Timing pond = timeIt(std::max(1, runs / 2), [&] {
        ponding = pondRain(dem, {50, nullptr, 0.8, false}, p).value();
    });

    const double mcells = double(cells) / 1e6;
    auto row = [&](const char* name, const Timing& t, const std::string& note) {
        std::printf("  %-28s %8.3f s wall %8.3f s CPU  %s\n", name, t.wall, t.cpu, note.c_str());
    };
    auto rate = [&](const Timing& t) {
        char b[64];
        std::snprintf(b, sizeof b, "%.1f M cells/s (CPU)", mcells / t.cpu);
        return std::string(b);
    };
    if (json) {
        std::printf("{\n  \"size\": %d, \"cells\": %zu, \"runs\": %d, \"generate_s\": %.3f,\n", size, cells,
                    runs, genSeconds);
        std::printf("  \"seed_x\": %.3f, \"seed_y\": %.3f, \"level\": %.2f,\n", seedXY.x, seedXY.y, level);
        for (auto [name, t] : {std::pair{"one_level", oneLevel}, std::pair{"all_levels", allLevels},
                               std::pair{"model_depth_at", slider}, std::pair{"model_stats_at", sliderStats},
                               std::pair{"fill", fill}, std::pair{"d8", dirs}, std::pair{"ponding", pond}})
            std::printf("  \"%s_wall_s\": %.4f, \"%s_cpu_s\": %.4f,\n", name, t.wall, name, t.cpu);
        std::printf("  \"flooded_cells\": %zu, \"model_flooded_cells\": %zu, \"unconnected_cells\": %zu,\n",
                    one.floodedCells, fromModel.floodedCells, one.unconnectedCells);
        std::printf("  \"fill_mcells_per_cpu_s\": %.2f, \"sink_cells\": %zu, \"depressions\": %zu\n}\n",
                    mcells / fill.cpu, filled.sinkCells, ponding.depressions);
    } else {
        std::printf("DEM %d x %d (%.1f M cells, 2 m), generated in %.2f s\n", size, size, mcells, genSeconds);
        std::printf("seed (lowest cell) %.3f,%.3f  level (median) %.2f m\n", seedXY.x, seedXY.y, level);
        std::printf("tier 0, medians of %d runs:\n", runs);
        row("one level (BFS)", oneLevel,
            std::to_string(one.floodedCells) + " flooded, " + std::to_string(one.unconnectedCells) +
                " low-lying unconnected");
        row("all-levels pass", allLevels, rate(allLevels));
        row("a level from the model", slider,
            "depth+classes+stats, " + std::to_string(fromModel.floodedCells) + " flooded (" +
                (fromModel.floodedCells == one.floodedCells ? "same as BFS" : "DIFFERS FROM BFS") + ")");
        row("stats only from the model", sliderStats, "");
        std::printf("tier 1 (one core):\n");
        row("depression filling", fill, rate(fill) + ", " + std::to_string(filled.sinkCells) + " sink cells");
        row("D8 directions (fill + D8)", dirs, rate(dirs));
        row("rain ponding (50 mm)", pond,
            rate(pond) + ", " + std::to_string(ponding.depressions) + " depressions");
    }
    return 0;
}
