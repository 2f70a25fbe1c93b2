// The outputs of a RUN.json flood run: GeoTIFFs, the gauge CSV, the run record and the summary. The SHA-256
// used for the DEM checksum in the run record is the FIPS 180-4 algorithm, written out here to keep gis free
// of a crypto dependency.
#include "gis/analysis/flood/flood_run.h"

#include "gis/io/raster_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#ifndef URBIS_VERSION
#define URBIS_VERSION "0.1.0"
#endif

namespace gis::analysis::flood {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// ---- SHA-256 (FIPS 180-4) ----
struct Sha256 {
    std::array<std::uint32_t, 8> h{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<unsigned char, 64> block{};
    std::size_t used = 0;
    std::uint64_t bits = 0;

    static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
    void compress() {
        static const std::uint32_t k[64] = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = std::uint32_t(block[4 * i]) << 24 | std::uint32_t(block[4 * i + 1]) << 16 |
                   std::uint32_t(block[4 * i + 2]) << 8 | block[4 * i + 3];
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t t1 =
                hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
        }
        h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
    }
    void update(const unsigned char* p, std::size_t n) {
        bits += std::uint64_t(n) * 8;
        while (n > 0) {
            const std::size_t take = std::min(n, 64 - used);
            std::copy(p, p + take, block.begin() + used);
            used += take, p += take, n -= take;
            if (used == 64)
                compress(), used = 0;
        }
    }
    std::string hex() {
        const std::uint64_t total = bits;
        const unsigned char pad = 0x80;
        update(&pad, 1);
        const unsigned char zero = 0;
        while (used != 56)
            update(&zero, 1);
        for (int i = 7; i >= 0; --i) {
            const unsigned char byte = static_cast<unsigned char>(total >> (8 * i));
            update(&byte, 1);
        }
        char out[65];
        for (int i = 0; i < 8; ++i)
            std::snprintf(out + 8 * i, 9, "%08x", h[i]);
        return out;
    }
};

} // namespace

std::string fileSha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    Sha256 sha;
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), std::streamsize(buf.size()));
        sha.update(reinterpret_cast<const unsigned char*>(buf.data()), std::size_t(in.gcount()));
    }
    return sha.hex();
}

namespace {

std::string utcNow() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

json massJson(const MassBalance& m) {
    return {{"initial_volume_m3", m.initialVolume},
            {"final_volume_m3", m.finalVolume},
            {"inflow_volume_m3", m.inflowVolume},
            {"rain_volume_m3", m.rainVolume},
            {"loss_volume_m3", m.lossVolume},
            {"boundary_in_volume_m3", m.boundaryInVolume},
            {"boundary_out_volume_m3", m.boundaryOutVolume},
            {"clipped_volume_m3", m.clippedVolume},
            {"error_volume_m3", m.errorVolume},
            {"error_fraction", m.errorFraction}};
}

json gaugesJson(const InertialResult& r) {
    json out = json::array();
    for (const GaugeSeries& g : r.gauges)
        out.push_back({{"name", g.name},
                       {"x", g.x},
                       {"y", g.y},
                       {"ground", g.ground},
                       {"final_level", g.finalLevel},
                       {"peak_level", g.peakLevel},
                       {"final_depth", g.finalDepth},
                       {"peak_depth", g.peakDepth},
                       {"peak_time_s", g.peakTimeS}});
    return out;
}

json outputsJson(const FloodOutputs& o) {
    json j = {
        {"max_depth", o.maxDepth},       {"max_velocity", o.maxVelocity},     {"max_hazard", o.maxHazard},
        {"arrival_time", o.arrivalTime}, {"flood_duration", o.floodDuration}, {"final_depth", o.finalDepth},
        {"max_level", o.maxLevel},       {"gauges_csv", o.gaugesCsv},         {"run_record", o.runRecord}};
    if (!o.snapshots.empty())
        j["depth_snapshots"] = o.snapshots;
    return j;
}

json modelJson(const FloodRun& run) {
    const InertialInput& in = run.input;
    return {{"scheme", "local-inertial (Bates et al. 2010, de Almeida et al. 2012 theta weighting)"},
            {"theta", in.theta},
            {"alpha", in.alpha},
            {"max_time_step_s", in.maxTimeStepS},
            {"depth_threshold_m", in.depthThreshold},
            {"stats_every_steps", in.statsEverySteps},
            {"duration_s", in.durationS},
            {"output_every_s", in.outputEveryS},
            {"manning", in.manningRaster.isEmpty() ? json(in.manning) : json("raster")},
            {"losses_mm_per_h", in.lossesMmPerH},
            {"drainage_mm_per_h", in.drainageMmPerH},
            {"inflows", in.inflows.size()},
            {"boundaries", in.boundaries.size()},
            {"blocked_cells", std::count(in.blocked.begin(), in.blocked.end(), 1)},
            {"hazard_rating", "HR = d (v + 0.5) + DF, DF = 0 for d <= 0.25 m else 0.5"}};
}

} // namespace

Result<FloodOutputs> writeFloodOutputs(const FloodRun& run, const InertialResult& r,
                                       const std::string& outDir, const std::vector<std::string>& snapshots) {
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec || !fs::is_directory(outDir))
        return Error{"Cannot create the output folder '" + outDir + "': " + ec.message()};
    FloodOutputs o;
    o.snapshots = snapshots;
    const fs::path dir(outDir);
    struct Out {
        const RasterF* raster;
        std::string* path;
        const char* name;
    };
    for (const Out& x : {Out{&r.maxDepth, &o.maxDepth, "max_depth.tif"},
                         Out{&r.maxVelocity, &o.maxVelocity, "max_velocity.tif"},
                         Out{&r.maxHazard, &o.maxHazard, "max_hazard.tif"},
                         Out{&r.arrivalTime, &o.arrivalTime, "arrival_time.tif"},
                         Out{&r.floodDuration, &o.floodDuration, "flood_duration.tif"},
                         Out{&r.finalDepth, &o.finalDepth, "final_depth.tif"},
                         Out{&r.waterSurface, &o.maxLevel, "max_level.tif"}}) {
        *x.path = (dir / x.name).string();
        if (Status s = io::writeGeoTiff(*x.raster, run.crs, *x.path); !s)
            return Error{s.error()};
    }
    o.gaugesCsv = (dir / "gauges.csv").string();
    {
        std::ofstream csv(o.gaugesCsv);
        if (!csv)
            return Error{"Cannot write '" + o.gaugesCsv + "'."};
        csv << "gauge,x,y,ground_m,time_s,depth_m,level_m\n";
        char line[256];
        for (const GaugeSeries& g : r.gauges)
            for (std::size_t i = 0; i < g.times.size(); ++i) {
                std::snprintf(line, sizeof line, ",%.3f,%.3f,%.4f,%.1f,%.4f,%.4f\n", g.x, g.y, g.ground,
                              g.times[i], g.depths[i], g.levels[i]);
                csv << '"' << g.name << '"' << line;
            }
        if (!csv)
            return Error{"Cannot write '" + o.gaugesCsv + "' (disk full?)."};
    }
    o.runRecord = (dir / "run_record.json").string();
    json runJson = json::parse(run.runJson, nullptr, false);
    json record = {{"software", "Urbis"},
                   {"version", URBIS_VERSION},
                   {"created_utc", utcNow()},
                   {"run_file", run.runFile},
                   {"run", runJson},
                   {"dem",
                    {{"path", run.demPath},
                     {"sha256", run.demSha256},
                     {"width", run.input.dem.width},
                     {"height", run.input.dem.height},
                     {"cell_size_m", run.input.dem.cellSize},
                     {"origin", {run.input.dem.originX, run.input.dem.originY}},
                     {"crs", run.crs.definition},
                     {"nodata_cells", run.nodataCells}}},
                   {"model", modelJson(run)},
                   {"mass_balance", massJson(r.mass)},
                   {"time_steps", {{"steps", r.steps}, {"min_s", r.minTimeStepS}, {"max_s", r.maxTimeStepS}}},
                   {"wall_seconds", r.wallSeconds},
                   {"cell_steps", r.cellSteps},
                   {"results", {{"max_depth_m", r.maxDepthOverall}, {"flooded_area_m2", r.floodedAreaM2}}},
                   {"gauges", gaugesJson(r)},
                   {"outputs", outputsJson(o)},
                   {"warnings", run.warnings}};
    std::ofstream rec(o.runRecord);
    rec << record.dump(2) << "\n";
    if (!rec)
        return Error{"Cannot write '" + o.runRecord + "'."};
    return o;
}

Result<std::string> writeDepthSnapshot(const FloodRun& run, const std::string& outDir, double timeS,
                                       const RasterF& depth) {
    std::error_code ec;
    fs::create_directories(outDir, ec);
    char name[64];
    std::snprintf(name, sizeof name, "depth_t%08.0fs.tif", timeS);
    const std::string path = (fs::path(outDir) / name).string();
    if (Status s = io::writeGeoTiff(depth, run.crs, path); !s)
        return Error{s.error()};
    return path;
}

std::string floodSummaryJson(const FloodRun& run, const InertialResult& r, const FloodOutputs& o) {
    json j = {{"mass_error_fraction", r.mass.errorFraction},
              {"max_depth", r.maxDepthOverall},
              {"flooded_area_m2", r.floodedAreaM2},
              {"depth_threshold", run.input.depthThreshold},
              {"gauges", gaugesJson(r)},
              {"duration_s", run.input.durationS},
              {"steps", r.steps},
              {"min_time_step_s", r.minTimeStepS},
              {"max_time_step_s", r.maxTimeStepS},
              {"wall_seconds", r.wallSeconds},
              {"cell_steps_per_second", r.wallSeconds > 0 ? r.cellSteps / r.wallSeconds : 0.0},
              {"mass_balance", massJson(r.mass)},
              {"dem_sha256", run.demSha256},
              {"outputs", outputsJson(o)},
              {"warnings", run.warnings}};
    return j.dump(2);
}

} // namespace gis::analysis::flood
