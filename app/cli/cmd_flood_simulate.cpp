// urbis-cli flood simulate RUN.json --out DIR [--json] [--quiet]
// The dynamic 2D flood model (gis::analysis::flood::runInertialModel, the same call the GUI makes) on a run
// described by RUN.json (keys in gis/analysis/flood/flood_run.h). Writes max-depth, max-velocity, hazard,
// arrival-time, final-depth and max-level GeoTIFFs, gauges.csv and run_record.json into DIR; prints a summary
// (JSON with --json). Progress with an ETA goes to stderr.
#include "app/cli/cli_common.h"
#include "app/cli/cmd_flood.h"
#include "gis/analysis/flood/flood_run.h"

#include <QCommandLineParser>

#include <cmath>
#include <cstdio>

namespace app::cli {

namespace {
using namespace gis::analysis::flood;
const char* kSub = "flood simulate";
const char* kUsageLine = "Usage: urbis-cli flood simulate RUN.json --out DIR [--json] [--quiet]";

QString duration(double s) {
    if (s < 90)
        return QString("%1 s").arg(std::lround(s));
    if (s < 5400)
        return QString("%1 min").arg(s / 60, 0, 'f', 1);
    return QString("%1 h").arg(s / 3600, 0, 'f', 1);
}
} // namespace

int runFloodSimulate(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "2D dynamic flood model: the local-inertial shallow-water scheme (Bates et al. 2010 with de Almeida "
        "et al. 2012 theta weighting, as LISFLOOD-FP's ACC solver) on the DEM grid, with rain hyetographs "
        "(table, constant or Chicago design storm), losses and drainage, point/line inflow hydrographs "
        "(m3/s), "
        "water-level or free-outflow boundaries on the grid edges, and gauges. RUN.json keys: dem, manning "
        "(number, raster, or {\"classes\": raster, \"table\": {...}}), duration_s, output_every_s, rain, "
        "losses_mm_per_h, drainage_mm_per_h, inflows, boundaries, gauges, theta, alpha, blocked, "
        "initial_depth, depth_threshold, write_depth_snapshots (see gis/analysis/flood/flood_run.h); paths "
        "are "
        "relative to the RUN.json's folder. Known limit: the inertial form is wrong for supercritical flow "
        "and dam breaks.");
    parser.addHelpOption();
    parser.addOption({"out", "Output folder (created when missing). Required.", "DIR"});
    parser.addOption({"json", "Print the summary as JSON on stdout."});
    parser.addOption({"quiet", "No progress on stderr."});
    if (auto code = parseArguments(parser, kSub, args, kUsageLine, 1, "RUN.json"))
        return *code;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(kSub, QString("RUN.json is required\n") + kUsageLine, kUsage);
    if (!parser.isSet("out"))
        return fail(kSub, QString("--out DIR is required\n") + kUsageLine, kUsage);
    const std::string outDir = parser.value("out").toStdString();
    const bool quiet = parser.isSet("quiet");

    auto loaded = loadFloodRun(positional.front().toStdString());
    if (!loaded)
        return fail(kSub, QString::fromStdString(loaded.error()));
    FloodRun run = std::move(loaded).value();
    for (const auto& w : run.warnings)
        printErr("warning: " + QString::fromStdString(w));

    std::vector<std::string> snapshots;
    std::string snapshotError;
    if (run.writeDepthSnapshots)
        run.input.onOutput = [&](double t, const gis::RasterF& depth) {
            auto path = writeDepthSnapshot(run, outDir, t, depth);
            if (path)
                snapshots.push_back(path.value());
            else if (snapshotError.empty())
                snapshotError = path.error();
        };
    double lastPrinted = -1e9;
    if (!quiet)
        run.input.onStatus = [&lastPrinted](const RunStatus& s) {
            // Every 10 s of wall time (the model reports every half second and at output times).
            if (s.elapsedS - lastPrinted < 10 && s.simTimeS < s.durationS)
                return;
            lastPrinted = s.elapsedS;
            std::fprintf(stderr,
                         "flood model: %s of %s simulated (%.0f %%), step %lld, dt %.2f s, %s elapsed, about "
                         "%s left\n",
                         duration(s.simTimeS).toUtf8().constData(),
                         duration(s.durationS).toUtf8().constData(), 100 * s.simTimeS / s.durationS, s.steps,
                         s.timeStepS, duration(s.elapsedS).toUtf8().constData(),
                         duration(s.remainingS).toUtf8().constData());
        };
    // The status lines carry the ETA; the plain percentage lines would only repeat them.
    TerminalProgress progress(true);
    auto result = runInertialModel(run.input, progress);
    if (!result)
        return fail(kSub, QString::fromStdString(result.error()));
    if (!snapshotError.empty())
        return fail(kSub, QString::fromStdString(snapshotError));
    auto outputs = writeFloodOutputs(run, result.value(), outDir, snapshots);
    if (!outputs)
        return fail(kSub, QString::fromStdString(outputs.error()));

    const InertialResult& r = result.value();
    if (parser.isSet("json")) {
        printOut(QString::fromStdString(floodSummaryJson(run, r, outputs.value())));
        return kOk;
    }
    printOut(QString("Simulated %1 in %2 (%3 steps, time step %4–%5 s).")
                 .arg(duration(run.input.durationS), duration(r.wallSeconds))
                 .arg(r.steps)
                 .arg(r.minTimeStepS, 0, 'f', 2)
                 .arg(r.maxTimeStepS, 0, 'f', 2));
    printOut(QString("Max depth %1 m; flooded area (> %2 m) %3 m²; mass error %4 %.")
                 .arg(r.maxDepthOverall, 0, 'f', 3)
                 .arg(run.input.depthThreshold)
                 .arg(r.floodedAreaM2, 0, 'f', 0)
                 .arg(100 * r.mass.errorFraction, 0, 'g', 3));
    for (const auto& g : r.gauges)
        printOut(QString("  gauge %1: peak level %2 m (depth %3 m at %4), final level %5 m (depth %6 m)")
                     .arg(QString::fromStdString(g.name))
                     .arg(g.peakLevel, 0, 'f', 3)
                     .arg(g.peakDepth, 0, 'f', 3)
                     .arg(duration(g.peakTimeS))
                     .arg(g.finalLevel, 0, 'f', 3)
                     .arg(g.finalDepth, 0, 'f', 3));
    printOut(QString("Wrote %1, %2 and %3.")
                 .arg(QString::fromStdString(outputs->maxDepth), QString::fromStdString(outputs->gaugesCsv),
                      QString::fromStdString(outputs->runRecord)));
    return kOk;
}

} // namespace app::cli
