// urbis-cli info PATH [--json]
#include "app/cli/cli_common.h"
#include "gis/io/crs_transform.h"
#include "gis/io/dataset_info.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

namespace app::cli {

namespace {
nlohmann::json extentJson(const gis::Extent& e) {
    if (e.isEmpty())
        return nullptr;
    return {e.minX, e.minY, e.maxX, e.maxY};
}

nlohmann::json toJson(const gis::io::DatasetInfo& info) {
    nlohmann::json j;
    j["path"] = info.path;
    j["format"] = info.format;
    j["driver"] = info.driver;
    j["crs"] = info.crs.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.crs);
    j["crs_name"] = info.crsName;
    // The heights' datum as the CRS declares it ("not declared": heights are taken as they are).
    j["vertical_datum"] = info.crs.empty() ? nlohmann::json(nullptr)
                                           : nlohmann::json(gis::io::verticalDatumName(gis::Crs{info.crs}));
    if (info.schemaVersion > 0)
        j["schema_version"] = info.schemaVersion;
    if (info.rasterBands > 0)
        j["raster"] = {
            {"width", info.rasterWidth}, {"height", info.rasterHeight}, {"bands", info.rasterBands}};
    j["extent"] = extentJson(info.extent);
    j["extent_lonlat"] = info.extentLonLat ? extentJson(*info.extentLonLat) : nlohmann::json(nullptr);
    if (!info.cityObjects.empty()) {
        j["city_objects"] = nlohmann::json::object();
        for (const auto& [type, count] : info.cityObjects)
            j["city_objects"][type] = count;
        j["lods"] = info.lods;
    }
    j["layers"] = nlohmann::json::array();
    for (const auto& l : info.layers) {
        nlohmann::json lj = {
            {"name", l.name},
            {"geometry_type", l.geometryType},
            {"feature_count", l.featureCount},
            {"extent", extentJson(l.extent)},
            {"extent_lonlat", l.extentLonLat ? extentJson(*l.extentLonLat) : nlohmann::json(nullptr)},
            {"crs", l.crs.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.crs)}};
        if (!l.kind.empty())
            lj["kind"] = l.kind;
        j["layers"].push_back(std::move(lj));
    }
    return j;
}

QString fmtExtent(const gis::Extent& e, int decimals) {
    if (e.isEmpty())
        return "(empty)";
    return QString("%1, %2 - %3, %4")
        .arg(e.minX, 0, 'f', decimals)
        .arg(e.minY, 0, 'f', decimals)
        .arg(e.maxX, 0, 'f', decimals)
        .arg(e.maxY, 0, 'f', decimals);
}

void printText(const gis::io::DatasetInfo& info) {
    printOut(QString("%1").arg(QString::fromStdString(info.path)));
    printOut(QString("  format: %1 (%2)")
                 .arg(QString::fromStdString(info.format), QString::fromStdString(info.driver)));
    if (info.schemaVersion > 0)
        printOut(QString("  schema version: %1").arg(info.schemaVersion));
    QString crs = QString::fromStdString(info.crs);
    if (crs.size() > 80)
        crs = crs.left(77) + "...";
    printOut(QString("  CRS: %1%2")
                 .arg(crs.isEmpty() ? "(none)" : crs,
                      info.crsName.empty() ? "" : " - " + QString::fromStdString(info.crsName)));
    if (info.rasterBands > 0)
        printOut(QString("  raster: %1 x %2, %3 band(s)")
                     .arg(info.rasterWidth)
                     .arg(info.rasterHeight)
                     .arg(info.rasterBands));
    printOut(QString("  extent: %1").arg(fmtExtent(info.extent, 2)));
    if (info.extentLonLat)
        printOut(QString("  extent (lon/lat): %1").arg(fmtExtent(*info.extentLonLat, 6)));
    if (!info.cityObjects.empty()) {
        QStringList counts;
        for (const auto& [type, count] : info.cityObjects)
            counts << QString("%1 %2").arg(QString::fromStdString(type)).arg(count);
        printOut(QString("  city objects: %1").arg(counts.join(", ")));
        QStringList lods;
        for (const auto& lod : info.lods)
            lods << QString::fromStdString(lod);
        if (!lods.isEmpty())
            printOut(QString("  LoDs: %1").arg(lods.join(", ")));
    }
    printOut(QString("  layers: %1").arg(info.layers.size()));
    for (const auto& l : info.layers)
        printOut(QString("    %1: %2 %3, %4 feature(s)")
                     .arg(QString::fromStdString(l.name), QString::fromStdString(l.kind),
                          QString::fromStdString(l.geometryType))
                     .arg(l.featureCount));
}
} // namespace

int runInfo(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Describe a dataset or a Urbis project: format, CRS (EPSG code or WKT), layers "
        "with feature counts and geometry types, extent in the native CRS and in "
        "WGS84 lon/lat.");
    parser.addHelpOption();
    parser.addOption({"json", "Print machine-readable JSON on stdout."});
    parser.addPositionalArgument(
        "PATH",
        "Dataset (any GDAL format), Urbis project (.gpkg) or PostGIS database \"PG:host=... dbname=...\".");
    if (auto exit = parseArguments(parser, "info", args, "Usage: urbis-cli info PATH [--json]", 1, "PATH"))
        return *exit;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return fail("info", "expected exactly one PATH\nUsage: urbis-cli info PATH [--json]", kUsage);
    auto info = gis::io::describeDataset(pos.front().toStdString());
    if (!info)
        return fail("info", QString::fromStdString(info.error()));
    if (parser.isSet("json"))
        printOut(QString::fromStdString(toJson(info.value()).dump(2)));
    else
        printText(info.value());
    return kOk;
}

} // namespace app::cli
