// urbis-cli demo --out PROJECT [--buildings N] [--seed S] [--json]
#include "app/cli/cli_common.h"
#include "gis/demo/demo_city.h"
#include "gis/io/project_file.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <nlohmann/json.hpp>

namespace app::cli {

int runDemo(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Write the built-in demo city (generated in code) as a Urbis project.");
    parser.addHelpOption();
    parser.addOption({"out", "Project file to write (.gpkg).", "PROJECT"});
    parser.addOption(
        {"buildings", "Generate exactly N buildings (benchmark city) instead of the natural city.", "N"});
    parser.addOption({"seed", "Random seed (default 42).", "S", "42"});
    parser.addOption({"json", "Print a JSON summary on stdout."});
    if (auto exit = parseArguments(parser, "demo", args, "Usage: urbis-cli demo --out PROJECT", 0))
        return *exit;
    if (!parser.isSet("out"))
        return fail("demo", "--out PROJECT is required\nUsage: urbis-cli demo --out PROJECT", kUsage);
    gis::demo::DemoCityOptions options;
    bool ok = true;
    options.seed = parser.value("seed").toUInt(&ok);
    if (!ok)
        return fail("demo", "--seed must be a non-negative integer", kUsage);
    if (parser.isSet("buildings")) {
        options.buildingCount = parser.value("buildings").toInt(&ok);
        if (!ok || options.buildingCount <= 0 || options.buildingCount > 2000000)
            return fail("demo", "--buildings must be an integer between 1 and 2000000", kUsage);
    }
    const QString out = parser.value("out");
    QElapsedTimer timer;
    timer.start();
    TerminalProgress progress(parser.isSet("json"));
    progress.setMessage("Generating the demo city");
    gis::Project project = gis::demo::makeDemoCity(options);
    progress.setMessage("Writing " + out.toStdString());
    auto status = gis::io::writeProject(project, out.toStdString(), progress);
    if (!status)
        return fail("demo", QString::fromStdString(status.error()));
    if (parser.isSet("json")) {
        nlohmann::json j;
        j["out"] = out.toStdString();
        j["crs"] = project.crs.definition;
        j["seconds"] = timer.elapsed() / 1000.0;
        j["layers"] = nlohmann::json::array();
        for (const auto& l : project.layers)
            j["layers"].push_back({{"name", l.id}, {"feature_count", l.featureCount()}});
        printOut(QString::fromStdString(j.dump(2)));
    } else {
        printErr(QString("Wrote %1 (%2 layers) in %3 s")
                     .arg(out)
                     .arg(project.layers.size())
                     .arg(timer.elapsed() / 1000.0));
    }
    return kOk;
}

} // namespace app::cli
