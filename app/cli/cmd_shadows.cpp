// urbis-cli shadows: the shadow outlines of a buildings file at one instant (GeoPackage/GeoJSON polygons),
// and urbis-cli isochrones: the lines of equal hours of a sunlight hour map (GeoTIFF from urbis-cli sunlight
// --grid). Both call the same gis functions as the GUI.
#include "app/cli/cli_common.h"
#include "gis/analysis/isochrones.h"
#include "gis/analysis/shadow_outline.h"
#include "gis/analysis/sun_position.h"
#include "gis/analysis/sunlight.h"
#include "gis/io/import_dataset.h"
#include "gis/io/raster_io.h"
#include "gis/io/vector_write.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <cmath>

namespace app::cli {

namespace {

constexpr const char* kShadowsUsage =
    "Usage: urbis-cli shadows --buildings FILE [--height-field F] --date YYYY-MM-DD --time HH:MM[:SS] "
    "[--time-base solar|clock] [--tz ZONE|±HH:MM] [--out FILE.gpkg|.geojson] [--json]";
constexpr const char* kIsoUsage =
    "Usage: urbis-cli isochrones --hours HOURS.tif --levels H[,H...] --out FILE.gpkg|.geojson [--json]";

// Seconds east of UTC of "+08:00" / "-05:30"; nullopt when not an offset.
std::optional<int> fixedOffset(const QString& text) {
    static const QRegularExpression re(R"(^([+-])(\d{1,2}):?(\d{2})$)");
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int s = (m.captured(2).toInt() * 60 + m.captured(3).toInt()) * 60;
    return m.captured(1) == "-" ? -s : s;
}

} // namespace

int runShadows(const QStringList& args) {
    const QString sub = "shadows";
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Shadow outlines of extruded buildings at one instant: each footprint swept along the shadow "
        "direction up to its roof's shadow, merged (GEOS). The ground is taken flat at each building's base. "
        "The sun (NREL SPA, geometric) is computed at the buildings' centroid, from the file's CRS.");
    parser.addHelpOption();
    parser.addOptions({
        {"buildings", "Building footprints with heights (any vector format urbis-cli import reads).", "FILE"},
        {"height-field", "Attribute holding the height in metres (default: guessed).", "F"},
        {"date", "The date, YYYY-MM-DD.", "DATE"},
        {"time", "The time of day, HH:MM or HH:MM:SS, in the time base.", "TIME"},
        {"time-base", "solar (true solar time, the Chinese rule; default) or clock (needs --tz).", "BASE"},
        {"tz", "Clock time zone: an IANA name (Asia/Shanghai) or ±HH:MM.", "ZONE"},
        {"out", "Write the outlines to this .gpkg / .geojson / .shp file.", "FILE"},
        {"json", "Print the result as JSON on stdout."},
    });
    if (auto code = parseArguments(parser, sub, args, kShadowsUsage, 0))
        return *code;
    auto usage = [&](const QString& m) { return fail(sub, m + "\n" + kShadowsUsage, kUsage); };
    for (const char* flag : {"buildings", "date", "time"})
        if (!parser.isSet(flag))
            return usage(QString("--%1 is required").arg(flag));
    const QDate date = QDate::fromString(parser.value("date"), Qt::ISODate);
    if (!date.isValid())
        return usage("--date: expected YYYY-MM-DD, got '" + parser.value("date") + "'");
    QTime time = QTime::fromString(parser.value("time"), "HH:mm:ss");
    if (!time.isValid())
        time = QTime::fromString(parser.value("time"), "HH:mm");
    if (!time.isValid())
        return usage("--time: expected HH:MM or HH:MM:SS, got '" + parser.value("time") + "'");
    const QString base = parser.value("time-base").isEmpty() ? "solar" : parser.value("time-base");
    if (base != "solar" && base != "clock")
        return usage("--time-base: solar or clock");
    gis::analysis::SunlightParameters params;
    params.year = date.year();
    params.month = date.month();
    params.day = date.day();
    params.timeBase = base == "solar" ? gis::analysis::TimeBase::Solar : gis::analysis::TimeBase::Clock;
    if (params.timeBase == gis::analysis::TimeBase::Clock) {
        if (!parser.isSet("tz"))
            return usage("--time-base clock needs --tz (the clock's zone)");
        const QString tz = parser.value("tz");
        if (auto off = fixedOffset(tz)) {
            params.utcOffsetSeconds = *off;
        } else {
            const QTimeZone zone(tz.toUtf8());
            if (!zone.isValid())
                return usage("--tz: unknown time zone '" + tz + "' (an IANA name or ±HH:MM)");
            params.utcOffsetSeconds = zone.offsetFromUtc(QDateTime(date, time, zone));
        }
        params.timeZone = tz.toStdString();
    }

    gis::io::ImportOptions options;
    options.heightField = parser.value("height-field").toStdString();
    TerminalProgress progress(parser.isSet("json"));
    const std::string path = parser.value("buildings").toStdString();
    auto imported = gis::io::importDataset(path, gis::Project{}, options, progress);
    if (!imported)
        return fail(sub, QString::fromStdString(imported.error()));
    std::vector<gis::Building> buildings;
    for (const gis::Layer& layer : imported->layers)
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
            buildings.insert(buildings.end(), b->buildings.begin(), b->buildings.end());
    if (buildings.empty())
        return fail(sub, QString::fromStdString("'" + path + "' has no building footprints with heights."));
    std::vector<gis::analysis::SunlightReceiver> centre;
    for (const auto& b : buildings) {
        const gis::Vec2 c = b.footprint.extent().center();
        centre.push_back({"", {c.x, c.y, b.baseZ}, std::nullopt});
    }
    auto where = gis::analysis::locateReceivers(centre, imported->datasetCrs);
    if (!where)
        return fail(sub, QString::fromStdString("'" + path + "': " + where.error()));
    const int second = time.msecsSinceStartOfDay() / 1000;
    auto jd = gis::analysis::julianDayOfWindowSecond(params, where.value(), second);
    if (!jd)
        return fail(sub, QString::fromStdString(jd.error()));
    gis::analysis::SunObserver observer;
    observer.latitude = where->latitude;
    observer.longitude = where->longitude;
    observer.elevation = where->elevation;
    observer.deltaT = gis::analysis::estimateDeltaT(params.year, params.month);
    observer.refraction = false;
    auto sun = gis::analysis::sunPosition(jd.value(), observer);
    if (!sun)
        return fail(sub, QString::fromStdString(sun.error()));
    const double gridAzimuth = std::fmod(sun->azimuth + where->gridConvergence + 360.0, 360.0);
    auto outlines = gis::analysis::shadowOutlines(buildings, {gridAzimuth, sun->elevation});
    if (!outlines)
        return fail(sub, QString::fromStdString(outlines.error()));
    if (parser.isSet("out")) {
        std::vector<double> areas;
        for (const auto& p : outlines->polygons)
            areas.push_back(gis::area(p));
        if (auto s = gis::io::writePolygons(parser.value("out").toStdString(), "shadows",
                                            imported->datasetCrs, outlines->polygons, "area_m2", areas);
            !s)
            return fail(sub, QString::fromStdString(s.error()));
    }
    nlohmann::json j{{"buildings", buildings.size()},
                     {"latitude", where->latitude},
                     {"longitude", where->longitude},
                     {"date", date.toString(Qt::ISODate).toStdString()},
                     {"time", time.toString("HH:mm:ss").toStdString()},
                     {"time_base", base.toStdString()},
                     {"sun_azimuth", sun->azimuth},
                     {"sun_azimuth_grid", gridAzimuth},
                     {"sun_elevation", sun->elevation},
                     {"polygons", outlines->polygons.size()},
                     {"shadow_area_m2", outlines->area},
                     {"longest_shadow_m", outlines->longestShadow}};
    if (parser.isSet("out"))
        j["out"] = parser.value("out").toStdString();
    if (parser.isSet("json"))
        printOut(QString::fromStdString(j.dump(2)));
    else
        printOut(QString("Sun at azimuth %1°, elevation %2°: %3 shadow polygons, %4 m², longest shadow %5 m")
                     .arg(sun->azimuth, 0, 'f', 2)
                     .arg(sun->elevation, 0, 'f', 2)
                     .arg(outlines->polygons.size())
                     .arg(outlines->area, 0, 'f', 0)
                     .arg(outlines->longestShadow, 0, 'f', 1));
    return kOk;
}

int runIsochrones(const QStringList& args) {
    const QString sub = "isochrones";
    QCommandLineParser parser;
    parser.setApplicationDescription("Isochrones (lines of equal sunlight hours) of an hour map, by GDAL "
                                     "contouring, written as lines with an 'hours' attribute.");
    parser.addHelpOption();
    parser.addOptions({{"hours", "The hour map (GeoTIFF from urbis-cli sunlight --grid ... --out).", "FILE"},
                       {"levels", "Comma-separated hours, e.g. 1,2,3.", "LIST"},
                       {"out", "Output .gpkg / .geojson / .shp file.", "FILE"},
                       {"json", "Print a summary as JSON on stdout."}});
    if (auto code = parseArguments(parser, sub, args, kIsoUsage, 0))
        return *code;
    auto usage = [&](const QString& m) { return fail(sub, m + "\n" + kIsoUsage, kUsage); };
    for (const char* flag : {"hours", "levels", "out"})
        if (!parser.isSet(flag))
            return usage(QString("--%1 is required").arg(flag));
    std::vector<double> levels;
    for (const QString& part : parser.value("levels").split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < 0 || v > 24)
            return usage("--levels: '" + part + "' is not a number of hours (0–24)");
        levels.push_back(v);
    }
    auto hours = gis::io::readDem(parser.value("hours").toStdString());
    if (!hours)
        return fail(sub, QString::fromStdString(hours.error()));
    auto lines = gis::analysis::isochrones(hours->raster, levels);
    if (!lines)
        return fail(sub, QString::fromStdString(lines.error()));
    std::vector<std::vector<gis::Vec2>> geometry;
    std::vector<double> values;
    nlohmann::json perLevel = nlohmann::json::object();
    for (const auto& iso : lines.value()) {
        geometry.push_back(iso.points);
        values.push_back(iso.level);
        perLevel[QString::number(iso.level).toStdString()] =
            perLevel.value(QString::number(iso.level).toStdString(), 0) + 1;
    }
    if (auto s = gis::io::writeLines(parser.value("out").toStdString(), "isochrones", hours->crs, geometry,
                                     "hours", values);
        !s)
        return fail(sub, QString::fromStdString(s.error()));
    nlohmann::json j{{"lines", geometry.size()},
                     {"lines_per_level", perLevel},
                     {"out", parser.value("out").toStdString()}};
    if (parser.isSet("json"))
        printOut(QString::fromStdString(j.dump(2)));
    else
        printOut(QString("%1 isochrone lines written to %2").arg(geometry.size()).arg(parser.value("out")));
    return kOk;
}

} // namespace app::cli
