// The import dialog's preview on a large file: previewImport (layers, fields, guesses, CRS, height counts;
// attributes only) and a recount with another mapping, beside the floor GDAL itself sets for reading the
// same attributes (`ogrinfo -al -q -geom=NO`, run by the caller in the same session). Prints medians.
//   build/bin/bench_import_preview FILE [runs]
#include "gis/io/import_preview.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [runs]\n", argv[0]);
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::vector<double> first, recount;
    gis::io::PreviewCounts counts;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        auto preview = gis::io::previewImport(argv[1], {});
        auto t1 = std::chrono::steady_clock::now();
        if (!preview) {
            std::fprintf(stderr, "%s\n", preview.error().c_str());
            return 1;
        }
        // The user picks the storey field as the height: every feature is read again.
        gis::io::ImportOptions options;
        options.heightField =
            preview->guessed.levels.empty() ? preview->guessed.height : preview->guessed.levels;
        auto again = gis::io::previewImport(argv[1], options);
        auto t2 = std::chrono::steady_clock::now();
        first.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        recount.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        counts = preview->counts;
    }
    std::printf("buildings %lld: %lld with height, %lld from storeys, %lld default\n",
                static_cast<long long>(counts.buildings), static_cast<long long>(counts.withHeight),
                static_cast<long long>(counts.withLevels), static_cast<long long>(counts.defaulted));
    std::printf("previewImport median %.1f ms, recount with another mapping median %.1f ms (%d runs)\n",
                median(first), median(recount), runs);
    return 0;
}
