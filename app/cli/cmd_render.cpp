// urbis-cli render (PROJECT | --demo | --input FILE...) --out FILE.png [--width W --height H]
//                  [--view EAST,NORTH,HEIGHT,HEADING,PITCH] [--json]
#include "app/cli/cli_common.h"
#include "gis/demo/demo_city.h"
#include "gis/io/import_dataset.h"
#include "gis/io/postgis.h"
#include "gis/io/project_file.h"
#include "viewer/qt/offscreen_renderer.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <optional>

namespace app::cli {

namespace {

const char* kRenderUsage = "Usage: urbis-cli render (PROJECT | --demo | --input FILE...) --out FILE.png "
                           "[--width W --height H] [--view EAST,NORTH,HEIGHT,HEADING,PITCH] [--json]";

int usage(const QString& message) {
    return fail("render", message + "\n" + kRenderUsage, kUsage);
}

std::optional<gis::CameraView> parseView(const QString& text) {
    const QStringList parts = text.split(',');
    if (parts.size() != 5)
        return std::nullopt;
    double v[5];
    for (int i = 0; i < 5; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v[i]))
            return std::nullopt;
    }
    if (v[4] < -90 || v[4] > 90)
        return std::nullopt;
    return gis::CameraView{v[0], v[1], v[2], v[3], v[4]};
}

bool parseSize(const QString& text, int& out) {
    bool ok = false;
    out = text.toInt(&ok);
    return ok && out >= 16 && out <= 16384;
}

} // namespace

int runRender(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Render a project, datasets or the demo city offscreen to a PNG image "
                                     "(needs an X server: run under xvfb-run without a display).");
    parser.addHelpOption();
    parser.addPositionalArgument("PROJECT", "Urbis project file (.gpkg) to render.", "[PROJECT]");
    parser.addOption({"demo", "Render the built-in demo city."});
    parser.addOption({"input", "Import a dataset (vector or DEM) and render it; repeatable.", "FILE"});
    parser.addOption({"assume-crs", "CRS of --input files that declare none (e.g. EPSG:7415).", "CRS"});
    parser.addOption({"out", "PNG file to write.", "FILE.png"});
    parser.addOption({"width", "Image width in pixels (default 1280).", "W", "1280"});
    parser.addOption({"height", "Image height in pixels (default 800).", "H", "800"});
    parser.addOption({"view",
                      "Camera in the project CRS: east,north,height (m), heading (deg clockwise from north), "
                      "pitch (deg, negative looks down). Default: the project's view or a framing view.",
                      "E,N,H,HEADING,PITCH"});
    parser.addOption({"json", "Print a JSON summary on stdout."});
    if (auto exit = parseArguments(parser, "render", args, kRenderUsage, -1))
        return *exit;

    const QStringList positional = parser.positionalArguments();
    const QStringList inputs = parser.values("input");
    const int sources =
        (positional.isEmpty() ? 0 : 1) + (parser.isSet("demo") ? 1 : 0) + (inputs.isEmpty() ? 0 : 1);
    if (positional.size() > 1)
        return usage("only one PROJECT can be rendered (use --input FILE for datasets)");
    if (sources == 0)
        return usage("nothing to render: give a PROJECT, --demo or --input FILE");
    if (sources > 1)
        return usage("give only one of PROJECT, --demo and --input FILE");
    if (!parser.isSet("out") || parser.value("out").isEmpty())
        return usage("--out FILE.png is required");
    int width = 0, height = 0;
    if (!parseSize(parser.value("width"), width) || !parseSize(parser.value("height"), height))
        return usage("--width and --height must be integers between 16 and 16384");
    std::optional<gis::CameraView> view;
    if (parser.isSet("view")) {
        view = parseView(parser.value("view"));
        if (!view)
            return usage(QString("--view must be five numbers EAST,NORTH,HEIGHT,HEADING,PITCH with pitch in "
                                 "[-90, 90], got '%1'")
                             .arg(parser.value("view")));
    }
    const QString out = parser.value("out");
    const bool json = parser.isSet("json");

    // Check the display before loading anything large.
    if (const QString reason = viewer::OffscreenRenderer::unavailableReason(); !reason.isEmpty())
        return fail("render", reason);

    TerminalProgress progress(json);
    gis::Project project;
    if (parser.isSet("demo")) {
        progress.setMessage("Generating the demo city");
        project = gis::demo::makeDemoCity();
    } else if (!positional.isEmpty()) {
        const QString path = positional.front();
        if (!QFileInfo::exists(path))
            return fail("render", QString("project file '%1' does not exist").arg(path));
        progress.setMessage("Reading " + path.toStdString());
        auto result = gis::io::readProject(path.toStdString(), progress);
        if (!result)
            return fail(
                "render",
                QString("cannot read project '%1': %2").arg(path, QString::fromStdString(result.error())));
        project = std::move(result).value();
    } else {
        for (const QString& input : inputs) {
            if (!gis::io::isPostgisConnection(input.toStdString()) && !QFileInfo::exists(input))
                return fail("render", QString("input file '%1' does not exist").arg(input));
            progress.setMessage("Importing " + input.toStdString());
            gis::io::ImportOptions options;
            options.assumeCrs = parser.value("assume-crs").toStdString();
            auto report = gis::io::importDataset(input.toStdString(), project, options, progress);
            if (!report)
                return fail(
                    "render",
                    QString("cannot import '%1': %2").arg(input, QString::fromStdString(report.error())));
            if (project.crs.isEmpty())
                project.crs = report->datasetCrs;
            for (const auto& warning : report->warnings)
                printErr(QString("urbis-cli render: warning: %1").arg(QString::fromStdString(warning)));
            for (gis::Layer layer : report->layers) {
                layer.id = project.uniqueLayerId(layer.id.empty() ? "layer" : layer.id);
                project.layers.push_back(std::move(layer));
            }
        }
        if (project.layers.empty())
            return fail("render", "the inputs hold no layer that can be rendered");
    }

    QElapsedTimer timer;
    timer.start();
    viewer::OffscreenRenderer renderer(QSize(width, height));
    if (!renderer.isValid())
        return fail("render", renderer.error());
    renderer.setProject(project);
    renderer.setCameraView(view);
    const QImage image = renderer.render();
    if (image.isNull())
        return fail("render", "rendering produced no image");
    if (!image.save(out, "PNG"))
        return fail("render",
                    QString("cannot write '%1' (check the folder exists and is writable)").arg(out));
    const gis::CameraView used = renderer.cameraView();
    if (json) {
        nlohmann::json j;
        j["out"] = out.toStdString();
        j["width"] = width;
        j["height"] = height;
        j["draw_calls"] = renderer.drawCalls();
        j["view"] = {{"east", used.east},
                     {"north", used.north},
                     {"height", used.height},
                     {"heading", used.heading},
                     {"pitch", used.pitch}};
        printOut(QString::fromStdString(j.dump(2)));
    }
    printErr(QString("Wrote %1 (%2x%3, %4 draw calls) in %5 s; view %6,%7,%8,%9,%10")
                 .arg(out)
                 .arg(width)
                 .arg(height)
                 .arg(renderer.drawCalls())
                 .arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                 .arg(used.east, 0, 'f', 1)
                 .arg(used.north, 0, 'f', 1)
                 .arg(used.height, 0, 'f', 1)
                 .arg(used.heading, 0, 'f', 1)
                 .arg(used.pitch, 0, 'f', 1));
    return kOk;
}

} // namespace app::cli
