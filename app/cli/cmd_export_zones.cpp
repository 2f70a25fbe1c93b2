// urbis-cli export-zones PROJECT --to "PG:..." [--layer ID] [--table NAME] [--overwrite] [--json]
#include "app/cli/cli_common.h"
#include "gis/io/postgis.h"
#include "gis/io/project_file.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <nlohmann/json.hpp>

namespace app::cli {

namespace {
const char* kExportUsage = "Usage: urbis-cli export-zones PROJECT --to \"PG:host=... port=... dbname=... "
                           "user=...\" [--layer ID] [--table NAME] [--overwrite] [--json]";
}

int runExportZones(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Write a zoning layer of a Urbis project to a PostGIS table (MultiPolygons in the project CRS with "
        "fields class, name and zone_id), in one transaction. Read it back with 'urbis-cli info' or an "
        "import of the same connection string.");
    parser.addHelpOption();
    parser.addOption({"to", "PostgreSQL connection: \"PG:host=H port=P dbname=D user=U\".", "CONNECTION"});
    parser.addOption({"layer", "Zoning layer id in the project (default: the first zoning layer).", "ID"});
    parser.addOption({"table", "Table to write (default: the layer id).", "NAME"});
    parser.addOption({"overwrite", "Replace the table when it exists (otherwise that is an error)."});
    parser.addOption({"json", "Print a JSON summary on stdout."});
    parser.addPositionalArgument("PROJECT", "Urbis project (.gpkg).");
    auto usage = [](const QString& message) {
        return fail("export-zones", message + "\n" + kExportUsage, kUsage);
    };
    if (auto exit = parseArguments(parser, "export-zones", args, kExportUsage, 1, "PROJECT"))
        return *exit;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return usage("expected exactly one PROJECT");
    const std::string to = parser.value("to").toStdString();
    if (!parser.isSet("to") || to.empty())
        return usage("--to \"PG:...\" is required");
    if (!gis::io::isPostgisConnection(to))
        return usage("--to must be a PostgreSQL connection string starting with \"PG:\"");
    if (parser.isSet("table") && parser.value("table").isEmpty())
        return usage("--table must not be empty");

    const QString path = pos.front();
    if (!QFileInfo::exists(path))
        return fail("export-zones", QString("project file '%1' does not exist").arg(path));
    const bool json = parser.isSet("json");
    TerminalProgress progress(json);
    progress.setMessage("Reading " + path.toStdString());
    auto project = gis::io::readProject(path.toStdString(), progress);
    if (!project)
        return fail(
            "export-zones",
            QString("cannot read project '%1': %2").arg(path, QString::fromStdString(project.error())));
    const gis::Layer* layer = nullptr;
    if (parser.isSet("layer")) {
        layer = project->findLayer(parser.value("layer").toStdString());
        if (!layer)
            return fail("export-zones",
                        QString("project '%1' has no layer '%2'").arg(path, parser.value("layer")));
        if (layer->kind() != gis::LayerKind::Zones)
            return fail("export-zones",
                        QString("layer '%1' of '%2' is not a zoning layer").arg(parser.value("layer"), path));
    } else {
        for (const auto& l : project->layers)
            if (!layer && l.kind() == gis::LayerKind::Zones)
                layer = &l;
        if (!layer)
            return fail("export-zones", QString("project '%1' has no zoning layer").arg(path));
    }
    const std::string table = parser.isSet("table") ? parser.value("table").toStdString() : layer->id;
    progress.setMessage("Writing " + std::to_string(layer->featureCount()) + " zone(s) to table " + table);
    auto status = gis::io::writeZoneLayer(to, *layer, project->crs, table, parser.isSet("overwrite"));
    if (!status)
        return fail("export-zones", QString::fromStdString(status.error()));
    if (json) {
        nlohmann::json j;
        j["project"] = path.toStdString();
        j["layer"] = layer->id;
        j["table"] = table;
        j["feature_count"] = layer->featureCount();
        j["crs"] = project->crs.definition;
        j["database"] = gis::io::describePostgisConnection(to);
        printOut(QString::fromStdString(j.dump(2)));
    } else {
        printErr(QString("Wrote %1 zone(s) of layer '%2' to table '%3' (%4)")
                     .arg(layer->featureCount())
                     .arg(QString::fromStdString(layer->id), QString::fromStdString(table),
                          QString::fromStdString(gis::io::describePostgisConnection(to))));
    }
    return kOk;
}

} // namespace app::cli
