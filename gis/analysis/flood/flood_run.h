#pragma once
// A dynamic flood run described by a RUN.json file (urbis-cli flood simulate RUN.json --out DIR): read it
// into an InertialInput, run it, and write the outputs (GeoTIFFs, gauge CSV, run record) and a JSON summary.
//
// RUN.json keys (paths relative to the RUN.json's folder; times in s, coordinates in the DEM's CRS):
//   dem                 raster path (required; projected CRS in metres; border nodata = walls;
//                       interior nodata holes are refused unless "nodata_holes": "walls")
//   manning             number | raster path | {"classes": raster, "table": {"1": 0.03, ...}, "default": n}
//   duration_s          number (required)
//   output_every_s      number (default: min(600, duration_s)): gauge samples, snapshots, progress
//   rain                [[t, mm/h], ...] | number (constant mm/h) |
//                       {"chicago": {"a", "b", "c", "r", "duration_s", "step_s"}}
//                       (IDF i = a / (d + b)^c, i in mm/h, d in minutes)
//   losses_mm_per_h, drainage_mm_per_h   sink rates (default 0)
//   inflows             [{"name"?, "point": [x, y] | "line": [[x, y], ...],
//                         "series": [[t, m³/s], ...] | {"lisflood_bdy": path, "name": "upstream1"},
//                         "scale"?: factor applied to the series (e.g. a width for flow per unit width)}]
//   boundaries          [{"edge": "west"|"east"|"north"|"south", "level": [[t, m], ...] | "free": true,
//                         "slope"?: normal-depth slope for free edges, "range"?: [min, max] along the edge}]
//   gauges              [{"name", "x", "y"}]
//   optional            theta, alpha, max_time_step_s, depth_threshold (m), blocked (raster: nonzero = wall),
//                       initial_depth (raster), write_depth_snapshots (bool), stats_every_steps,
//                       nodata_holes, max_velocity (m/s, the instability limit; default 150)
#include "gis/analysis/flood/inertial_model.h"
#include "gis/model/crs.h"
#include "gis/result.h"

#include <string>
#include <vector>

namespace gis::analysis::flood {

struct FloodRun {
    InertialInput input;
    Crs crs;
    std::string runFile;   // absolute path of the RUN.json
    std::string demPath;   // as resolved
    std::string demSha256; // of the DEM file's bytes
    std::string runJson;   // the RUN.json as read (kept in the run record)
    bool writeDepthSnapshots = false;
    int nodataCells = 0;
    std::vector<std::string> warnings;
};

// Reads and checks RUN.json and every file it names. Errors name the file, the key and what to do.
Result<FloodRun> loadFloodRun(const std::string& runJsonPath);

struct FloodOutputs {
    std::string maxDepth, maxVelocity, maxHazard, arrivalTime, floodDuration, finalDepth, maxLevel, gaugesCsv,
        runRecord;
    std::vector<std::string> snapshots;
};

// Writes max_depth.tif, max_velocity.tif, max_hazard.tif, arrival_time.tif, flood_duration.tif,
// final_depth.tif, max_level.tif, gauges.csv and run_record.json into `outDir` (created when missing).
// `snapshots` lists depth files already written during the run (writeDepthSnapshot), for the record.
Result<FloodOutputs> writeFloodOutputs(const FloodRun& run, const InertialResult& result,
                                       const std::string& outDir,
                                       const std::vector<std::string>& snapshots = {});

// Writes one depth raster at an output time as DIR/depth_tNNNNNNNNs.tif (for InertialInput::onOutput, so a
// long run never holds every snapshot in memory). Returns the path.
Result<std::string> writeDepthSnapshot(const FloodRun& run, const std::string& outDir, double timeS,
                                       const RasterF& depth);

// The summary urbis-cli prints (JSON text): mass_error_fraction, max_depth, flooded_area_m2, per-gauge final
// and peak levels and depths, steps, run time, outputs, warnings.
std::string floodSummaryJson(const FloodRun& run, const InertialResult& result, const FloodOutputs& outputs);

// Hex SHA-256 of a file's bytes (empty when it cannot be read).
std::string fileSha256(const std::string& path);

} // namespace gis::analysis::flood
