// urbis-cli import PROJECT FILE... [--assume-crs CRS] [--height-field F | --levels-field F --storey-height M]
//                  [--default-height M] [--base-field F] [--class-field F] [--name-field F] [--encoding E]
//                  [--strict] [--json]
//
// All or nothing: every FILE is imported into the project in memory, in order (the first dataset chooses the
// CRS of a new project), and the project is written once, atomically, only when every FILE imported. When
// any FILE fails, each failure is reported, nothing is written and a new project is not created: the
// project file stays byte-identical.
#include "app/cli/cli_common.h"
#include "gis/io/crs_transform.h"
#include "gis/io/import_dataset.h"
#include "gis/io/postgis.h"
#include "gis/io/project_file.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace app::cli {

namespace {
const char* kImportUsage =
    "Usage: urbis-cli import PROJECT FILE... [--assume-crs CRS] [--height-field F | --levels-field F "
    "--storey-height M] [--default-height M] [--base-field F] [--class-field F] [--name-field F] "
    "[--encoding E] [--strict] [--json]";

const char* kindName(gis::LayerKind k) {
    switch (k) {
    case gis::LayerKind::Buildings:
        return "buildings";
    case gis::LayerKind::Zones:
        return "zones";
    case gis::LayerKind::Terrain:
        return "terrain";
    case gis::LayerKind::CityModel:
        return "city_model";
    case gis::LayerKind::Imagery:
        return "imagery";
    }
    return "";
}

// Features that were lost or had values replaced: what --strict refuses. (Unrepairable geometries are among
// the skipped ones; skipped buildings are counted in both stats for vector data, in one for city models.)
std::int64_t problemCount(const gis::io::ImportReport& r) {
    return std::max(r.geometry.skipped, r.heights.skipped) + r.heights.implausible + r.textProblems;
}

nlohmann::json fileJson(const std::string& file, const gis::io::ImportReport& r, const gis::Crs& crs) {
    nlohmann::json j;
    j["file"] = file;
    j["ok"] = true;
    j["crs"] = gis::io::crsIdentifier(r.datasetCrs);
    j["layers"] = nlohmann::json::array();
    gis::Extent all;
    for (const auto& l : r.layers) {
        j["layers"].push_back({{"id", l.id},
                               {"name", l.name},
                               {"kind", kindName(l.kind())},
                               {"feature_count", l.featureCount()}});
        const gis::Extent e = l.extent();
        if (!e.isEmpty()) {
            all.include(e.minX, e.minY);
            all.include(e.maxX, e.maxY);
        }
    }
    j["heights"] = {{"buildings", r.heights.buildings},    {"with_height", r.heights.withHeight},
                    {"with_levels", r.heights.withLevels}, {"defaulted", r.heights.defaulted},
                    {"skipped", r.heights.skipped},        {"implausible", r.heights.implausible}};
    j["geometry"] = {{"features", r.geometry.features},
                     {"repaired", r.geometry.repaired},
                     {"unrepairable", r.geometry.unrepairable},
                     {"skipped", r.geometry.skipped}};
    j["text_problems"] = r.textProblems;
    j["problems"] = problemCount(r);
    j["warnings"] = r.warnings;
    j["extent_lonlat"] = nullptr;
    if (!all.isEmpty())
        if (auto toLonLat = gis::io::CrsTransform::create(crs, gis::Crs{"EPSG:4326"})) {
            const gis::Extent ll = toLonLat->transform(all);
            if (!ll.isEmpty())
                j["extent_lonlat"] = {ll.minX, ll.minY, ll.maxX, ll.maxY};
        }
    return j;
}

QString summary(const gis::io::ImportReport& r) {
    QStringList layers;
    for (const auto& l : r.layers)
        layers << QString("'%1' (%2, %3 feature(s))")
                      .arg(QString::fromStdString(l.id), kindName(l.kind()))
                      .arg(l.featureCount());
    QString text = "layer(s) " + layers.join(", ");
    if (r.heights.buildings > 0 && !r.layers.empty() && r.layers.front().kind() != gis::LayerKind::CityModel)
        text += QString("; building heights: %1 from a height, %2 from storeys, %3 defaulted, %4 skipped")
                    .arg(r.heights.withHeight)
                    .arg(r.heights.withLevels)
                    .arg(r.heights.defaulted)
                    .arg(r.heights.skipped);
    if (r.geometry.repaired > 0 || r.geometry.skipped > 0)
        text +=
            QString("; geometries: %1 repaired, %2 skipped").arg(r.geometry.repaired).arg(r.geometry.skipped);
    return text;
}
} // namespace

int runImport(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Add datasets to a Urbis project (created when it does not exist): vector files (GeoPackage, "
        "Shapefile, GeoJSON, FlatGeobuf, KML, OSM PBF/XML), DEM rasters, CityJSON, CityGML, and PostGIS "
        "tables (\"PG:host=... dbname=...\" as FILE). Every FILE is imported before the project is written "
        "once; when any FILE fails the project file is left exactly as it was.");
    parser.addHelpOption();
    parser.addPositionalArgument("PROJECT", "Urbis project (.gpkg); created when missing.");
    parser.addPositionalArgument("FILE", "Datasets to add, in order (the first sets a new project's CRS).",
                                 "FILE...");
    parser.addOption(
        {"assume-crs", "CRS of datasets that declare none (e.g. EPSG:3067, a WKT, PROJ string).", "CRS"});
    parser.addOption(
        {"height-field",
         "Attribute holding the building height in metres. Naming it or --levels-field turns off "
         "the guessing of both (default: guessed from names such as height, building:levels, "
         "storeys, 高度, 层数).",
         "F"});
    parser.addOption(
        {"levels-field", "Attribute holding the storey count (height = storeys x storey height).", "F"});
    parser.addOption({"storey-height", "Metres per storey (default 3).", "M", "3"});
    parser.addOption({"default-height",
                      "Height given to buildings without a usable height (default 10 m; reported).", "M",
                      "10"});
    parser.addOption({"base-field",
                      "Attribute holding the height above ground where a building starts "
                      "(like OSM min_height).",
                      "F"});
    parser.addOption({"class-field", "Attribute holding the land-use class of zoning polygons.", "F"});
    parser.addOption({"name-field", "Attribute holding the feature name.", "F"});
    parser.addOption(
        {"encoding", "Text encoding of Shapefile attributes, overriding the .cpg (e.g. CP936).", "E"});
    parser.addOption({"strict",
                      "Fail (and leave the project unchanged) when any feature was skipped, could not "
                      "be repaired, or had an implausible height or undecodable text."});
    parser.addOption({"json", "Print a JSON report on stdout (per file: layers, height counts, warnings, "
                              "lon/lat extent)."});
    if (auto exit = parseArguments(parser, "import", args, kImportUsage, -1, "PROJECT FILE..."))
        return *exit;
    auto usage = [](const QString& message) { return fail("import", message + "\n" + kImportUsage, kUsage); };
    const QStringList pos = parser.positionalArguments();
    if (pos.size() < 2)
        return usage("expected a PROJECT and at least one FILE");
    for (const char* flag : {"assume-crs", "height-field", "levels-field", "base-field", "class-field",
                             "name-field", "encoding"})
        if (parser.isSet(flag) && parser.value(flag).trimmed().isEmpty())
            return usage(QString("--%1 must not be empty").arg(flag));
    if (parser.isSet("storey-height") && !parser.isSet("levels-field") && parser.isSet("height-field"))
        return usage("--storey-height applies to storey counts: give it with --levels-field, not with "
                     "--height-field alone");
    QString message;
    const auto storeyHeight = numberOption(parser, "storey-height", 0.5, 20, &message);
    if (!storeyHeight)
        return usage(message);
    const auto defaultHeight = numberOption(parser, "default-height", 0.5, 1000, &message);
    if (!defaultHeight)
        return usage(message);

    gis::io::ImportOptions options;
    options.assumeCrs = parser.value("assume-crs").toStdString();
    options.heightField = parser.value("height-field").toStdString();
    options.levelsField = parser.value("levels-field").toStdString();
    options.storeyHeight = *storeyHeight;
    options.defaultHeight = *defaultHeight;
    options.baseField = parser.value("base-field").toStdString();
    options.classField = parser.value("class-field").toStdString();
    options.nameField = parser.value("name-field").toStdString();
    options.encoding = parser.value("encoding").toStdString();
    const bool json = parser.isSet("json");
    const bool strict = parser.isSet("strict");

    const QString projectPath = pos.front();
    options.projectFile = projectPath.toStdString();
    TerminalProgress progress(json);
    gis::Project project;
    const bool exists = QFileInfo::exists(projectPath);
    if (exists) {
        if (!gis::io::isUrbisProject(projectPath.toStdString()) &&
            gis::io::fileRole(projectPath.toStdString()) == gis::io::FileRole::Data)
            return fail("import", QString("'%1' exists and is not a Urbis project; give the project first "
                                          "(urbis-cli import PROJECT FILE...), or a new file name")
                                      .arg(projectPath));
        progress.setMessage("Reading " + projectPath.toStdString());
        auto read = gis::io::readProject(projectPath.toStdString(), progress);
        if (!read)
            return fail("import", QString("cannot read project '%1': %2")
                                      .arg(projectPath, QString::fromStdString(read.error())));
        project = std::move(read).value();
    } else if (!QFileInfo(QFileInfo(projectPath).absolutePath()).isDir()) {
        return fail("import", QString("cannot create project '%1': the folder '%2' does not exist")
                                  .arg(projectPath, QFileInfo(projectPath).absolutePath()));
    }

    nlohmann::json files = nlohmann::json::array();
    int failed = 0;
    std::int64_t problems = 0;
    for (int i = 1; i < pos.size(); ++i) {
        const QString file = pos[i];
        const std::string source = file.toStdString();
        const std::string shown =
            gis::io::isPostgisConnection(source) ? gis::io::redactPassword(source) : source;
        progress.setMessage("Importing " + shown);
        QElapsedTimer timer;
        timer.start();
        auto report = gis::io::importDataset(source, project, options, progress);
        if (!report) {
            ++failed;
            printErr(QString("urbis-cli import: error: %1").arg(QString::fromStdString(report.error())));
            files.push_back({{"file", shown}, {"ok", false}, {"error", report.error()}});
            continue;
        }
        if (project.crs.isEmpty())
            project.crs = report->datasetCrs;
        for (const auto& warning : report->warnings)
            printErr(QString("urbis-cli import: warning: %1").arg(QString::fromStdString(warning)));
        problems += problemCount(report.value());
        files.push_back(fileJson(shown, report.value(), project.crs));
        files.back()["seconds"] = timer.elapsed() / 1000.0;
        if (!json)
            printErr(
                QString("Imported '%1': %2").arg(QString::fromStdString(shown), summary(report.value())));
        for (gis::Layer layer : report->layers) {
            layer.id = project.uniqueLayerId(layer.id.empty() ? "layer" : layer.id);
            project.layers.push_back(std::move(layer));
        }
    }

    QString refusal;
    if (failed > 0)
        refusal = QString("%1 of %2 file(s) could not be imported").arg(failed).arg(pos.size() - 1);
    else if (strict && problems > 0)
        refusal = QString("--strict: %1 feature(s) or value(s) were skipped, unrepairable, implausible or "
                          "undecodable (see the warnings above)")
                      .arg(problems);
    bool saved = false;
    QElapsedTimer writeTimer;
    if (refusal.isEmpty()) {
        progress.setMessage("Writing " + projectPath.toStdString());
        writeTimer.start();
        if (auto status = gis::io::writeProject(project, projectPath.toStdString(), progress); !status)
            refusal = QString::fromStdString(status.error());
        else
            saved = true;
    }
    if (json) {
        nlohmann::json j;
        j["project"] = projectPath.toStdString();
        j["created"] = saved && !exists;
        j["saved"] = saved;
        j["crs"] = project.crs.isEmpty() ? std::string() : gis::io::crsIdentifier(project.crs);
        j["files"] = std::move(files);
        j["layer_count"] = project.layers.size();
        j["write_seconds"] = saved ? writeTimer.elapsed() / 1000.0 : 0.0;
        printOut(QString::fromStdString(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));
    }
    if (!saved)
        return fail("import",
                    refusal + (exists ? QString("; project '%1' was not changed").arg(projectPath)
                                      : QString("; project '%1' was not created").arg(projectPath)));
    printErr(QString("%1 project '%2': %3 layer(s), CRS %4 (%5)")
                 .arg(exists ? "Updated" : "Created", projectPath)
                 .arg(project.layers.size())
                 .arg(QString::fromStdString(gis::io::crsIdentifier(project.crs)),
                      QString::fromStdString(gis::io::crsName(project.crs))));
    return kOk;
}

} // namespace app::cli
