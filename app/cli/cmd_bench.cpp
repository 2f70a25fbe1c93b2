// urbis-cli bench [--buildings 1000,10000,100000] [--width W --height H] [--frames N] [--json]
// For each city size: demo city generation, scene build, first frame, frame rate (median of 3 runs), draw
// calls and peak memory; plus "start to first frame" for the natural demo city.
#include "app/cli/cli_common.h"
#include "gis/demo/demo_city.h"
#include "viewer/qt/offscreen_renderer.h"
#include "viewer/qt/viewer_widget.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace app::cli {

namespace {

const char* kBenchUsage = "Usage: urbis-cli bench [--buildings 1000,10000,100000] [--width W --height H] "
                          "[--frames N] [--samples N] [--json]";

// Peak resident set size (VmHWM) of this process in MiB, or -1 when /proc is unavailable.
double peakRssMiB() {
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2)
                return parts[1].toDouble() / 1024.0;
        }
    }
    return -1;
}

struct Run {
    int buildings = 0; // 0: the natural demo city
    int actualBuildings = 0;
    double generateS = 0;
    double buildS = 0;
    double firstFrameS = 0;
    double fps = 0;
    int drawCalls = 0;
    double peakRssMiB = 0;
};

int countBuildings(const gis::Project& project) {
    int n = 0;
    for (const auto& layer : project.layers)
        if (layer.kind() == gis::LayerKind::Buildings)
            n += int(layer.featureCount());
    return n;
}

Run benchOne(int buildings, QSize size, int samples, int frames, bool quiet) {
    Run run;
    run.buildings = buildings;
    QElapsedTimer timer;
    timer.start();
    gis::Project project = gis::demo::makeDemoCity({.seed = 42, .buildingCount = buildings});
    run.generateS = timer.nsecsElapsed() / 1e9;
    run.actualBuildings = countBuildings(project);

    viewer::OffscreenRenderer renderer(size, samples);
    timer.restart();
    renderer.setProject(project);
    run.buildS = timer.nsecsElapsed() / 1e9;
    timer.restart();
    renderer.render();
    run.firstFrameS = timer.nsecsElapsed() / 1e9;

    if (frames > 0) {
        std::vector<double> fps;
        const int perRun = std::max(1, frames / 3);
        for (int i = 0; i < 3; ++i)
            fps.push_back(renderer.measure(perRun).framesPerSecond);
        std::sort(fps.begin(), fps.end());
        run.fps = fps[1];
    }
    run.drawCalls = renderer.drawCalls();
    run.peakRssMiB = peakRssMiB();
    if (!quiet)
        printErr(QString("bench: %1 buildings done").arg(run.actualBuildings));
    return run;
}

nlohmann::json toJson(const Run& r) {
    return {{"buildings", r.actualBuildings},
            {"generate_s", r.generateS},
            {"build_s", r.buildS},
            {"first_frame_s", r.firstFrameS},
            {"fps", r.fps},
            {"draw_calls", r.drawCalls},
            {"peak_rss_mib", r.peakRssMiB}};
}

} // namespace

int runBench(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Rendering and memory benchmark on demo cities of given sizes "
                                     "(needs an X server: run under xvfb-run without a display).");
    parser.addHelpOption();
    parser.addOption({"buildings", "Comma-separated building counts (default 1000,10000,100000).", "N,N,...",
                      "1000,10000,100000"});
    parser.addOption({"width", "Viewport width in pixels (default 1280).", "W", "1280"});
    parser.addOption({"height", "Viewport height in pixels (default 800).", "H", "800"});
    parser.addOption(
        {"frames", "Frames timed per city: 3 runs of N/3, the median is reported (default 60).", "N", "60"});
    parser.addOption(
        {"samples", "Multisample count (default: what the viewport uses on this GL renderer).", "N"});
    parser.addOption({"json", "Print the results as JSON on stdout."});
    if (auto exit = parseArguments(parser, "bench", args, kBenchUsage, 0))
        return *exit;
    std::vector<int> counts;
    for (const QString& part : parser.value("buildings").split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n <= 0 || n > 2000000)
            return fail("bench", "--buildings must be comma-separated integers between 1 and 2000000",
                        kUsage);
        counts.push_back(n);
    }
    bool okW = false, okH = false, okF = false;
    const int width = parser.value("width").toInt(&okW), height = parser.value("height").toInt(&okH);
    const int frames = parser.value("frames").toInt(&okF);
    if (!okW || !okH || width < 16 || height < 16 || width > 16384 || height > 16384)
        return fail("bench", "--width and --height must be integers between 16 and 16384", kUsage);
    if (!okF || frames < 0 || frames > 100000)
        return fail("bench", "--frames must be an integer between 0 and 100000", kUsage);
    if (parser.isSet("samples")) {
        bool okS = false;
        const int s = parser.value("samples").toInt(&okS);
        if (!okS || s < 0 || s > 16)
            return fail("bench", "--samples must be an integer between 0 and 16", kUsage);
    }
    if (const QString reason = viewer::OffscreenRenderer::unavailableReason(); !reason.isEmpty())
        return fail("bench", reason);

    const bool json = parser.isSet("json");
    const QSize size(width, height);
    // Start to first frame: generate + build + first frame of the natural demo city.
    // Time what the interactive viewport does (no multisampling on software rasterisers), unless --samples.
    const int samples =
        parser.isSet("samples") ? parser.value("samples").toInt() : viewer::preferredSampleCount();
    const Run natural = benchOne(0, size, samples, frames, json);
    const double startToFirstFrame = natural.generateS + natural.buildS + natural.firstFrameS;
    std::vector<Run> runs;
    for (int n : counts)
        runs.push_back(benchOne(n, size, samples, frames, json));

    if (json) {
        nlohmann::json j;
        j["width"] = width;
        j["height"] = height;
        j["frames"] = frames;
        j["samples"] = samples;
        j["start_to_first_frame_s"] = startToFirstFrame;
        j["natural"] = toJson(natural);
        j["runs"] = nlohmann::json::array();
        for (const Run& r : runs)
            j["runs"].push_back(toJson(r));
        printOut(QString::fromStdString(j.dump(2)));
        return kOk;
    }
    printOut(QString("Viewport %1x%2, %3x multisampling, %4 frames per city (median of 3 runs)")
                 .arg(width)
                 .arg(height)
                 .arg(samples)
                 .arg(frames));
    printOut(QString("Start to first frame (natural demo city, %1 buildings): %2 s")
                 .arg(natural.actualBuildings)
                 .arg(startToFirstFrame, 0, 'f', 3));
    printOut(QString("%1 %2 %3 %4 %5 %6 %7")
                 .arg("buildings", 10)
                 .arg("generate s", 11)
                 .arg("build s", 9)
                 .arg("1st frame s", 12)
                 .arg("fps", 8)
                 .arg("draw calls", 11)
                 .arg("peak RSS MiB", 13));
    auto row = [](const Run& r) {
        return QString("%1 %2 %3 %4 %5 %6 %7")
            .arg(r.actualBuildings, 10)
            .arg(r.generateS, 11, 'f', 3)
            .arg(r.buildS, 9, 'f', 3)
            .arg(r.firstFrameS, 12, 'f', 3)
            .arg(r.fps, 8, 'f', 1)
            .arg(r.drawCalls, 11)
            .arg(r.peakRssMiB, 13, 'f', 0);
    };
    printOut(row(natural) + "  (natural)");
    for (const Run& r : runs)
        printOut(row(r));
    return kOk;
}

} // namespace app::cli
