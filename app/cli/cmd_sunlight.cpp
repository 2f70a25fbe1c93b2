// urbis-cli sunlight --buildings FILE [--height-field F] [--occluders FILE...] --points FILE
//   (--preset NAME [--year Y] | --date YYYY-MM-DD --window HH:MM-HH:MM --time-base solar|clock [--tz ZONE]
//    [--rule cumulative|longest|longest-N] [--min-segment MIN] [--min-altitude DEG] [--sweep-angle DEG]
//    [--required-hours H]) [--out FILE.csv] [--json]
// Sunlight hours of receiver points (gis::analysis::computeSunlight, the same call the GUI makes). IANA zones
// are resolved here (QTimeZone) to a UTC offset for the date; gis gets numbers only.
#include "app/cli/cli_common.h"
#include "gis/analysis/sun_position.h"
#include "gis/analysis/sunlight.h"
#include "gis/analysis/sunlight_preset.h"
#include "gis/analysis/sunlight_receivers.h"
#include "gis/geom/extrude.h"
#include "gis/io/crs_transform.h"
#include "gis/io/import_dataset.h"
#include "gis/resources.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>

namespace app::cli {

namespace {
using namespace gis::analysis;
const char* kSub = "sunlight";
const char* kUsageLine =
    "Usage: urbis-cli sunlight --buildings FILE --points FILE (--preset NAME | --date "
    "YYYY-MM-DD --window HH:MM-HH:MM --time-base solar|clock [--tz ZONE]) [--out FILE.csv] "
    "[--json]";

int usage(const QString& message) {
    return fail(kSub, message + "\n" + kUsageLine, kUsage);
}

// Where presets are looked for, in order (documented in --help).
std::vector<std::string> presetDirs(const QCommandLineParser& p) {
    std::vector<std::string> dirs;
    if (p.isSet("presets-dir"))
        dirs.push_back(p.value("presets-dir").toStdString());
    if (!qEnvironmentVariableIsEmpty("URBIS_PRESETS_DIR"))
        dirs.push_back(qEnvironmentVariable("URBIS_PRESETS_DIR").toStdString());
    const QString exe = QCoreApplication::applicationDirPath();
    dirs.push_back(QDir(exe + "/../share/urbis/presets").absolutePath().toStdString());
    dirs.push_back(QDir(exe + "/presets").absolutePath().toStdString());
    // The data folder every part of Urbis uses ($URBIS_RESOURCE_DIR, else the source tree's resources/).
    dirs.push_back(gis::resourceDirectory() + "/presets");
    return dirs;
}

std::optional<double> number(const QCommandLineParser& p, const QString& flag, double lo, double hi,
                             QString* message) {
    bool ok = false;
    const double v = p.value(flag).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo || v > hi) {
        *message = QString("--%1 must be a number within %2..%3 (got '%4')")
                       .arg(flag)
                       .arg(lo)
                       .arg(hi)
                       .arg(p.value(flag));
        return std::nullopt;
    }
    return v;
}

QString offsetText(int seconds) {
    const int a = std::abs(seconds);
    return QString("%1%2:%3")
        .arg(seconds < 0 ? '-' : '+')
        .arg(a / 3600, 2, 10, QChar('0'))
        .arg(a / 60 % 60, 2, 10, QChar('0'));
}

QString csvField(const std::string& s) {
    QString q = QString::fromStdString(s);
    if (q.contains(',') || q.contains('"') || q.contains(';') || q.contains('\n'))
        return "\"" + q.replace("\"", "\"\"") + "\"";
    return q;
}
} // namespace

int runSunlight(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Sunlight hours of receiver points: exact lit intervals by shadow-ray casting (Embree) against the "
        "extruded buildings and any other occluders, with the sun from NREL SPA (geometric, no refraction). "
        "Coarse steps (5 min) find each sun/shadow transition, bisection refines it to 1 s; counting rules "
        "are "
        "applied to the intervals afterwards. Latitude/longitude come from the buildings' CRS (PROJ).\n"
        "Receivers in this version: points only (--points). --windows, --grid/--aoi and facade lines are not "
        "implemented yet (exit 2).\n"
        "Presets (--preset NAME) are JSON files; they are searched in: --presets-dir, $URBIS_PRESETS_DIR, "
        "<bin>/../share/urbis/presets, <bin>/presets, then $URBIS_RESOURCE_DIR/presets (default: the source "
        "tree's resources/presets). --preset "
        "also "
        "takes a path to a .json file (a copied and edited preset).");
    parser.addHelpOption();
    parser.addOption({"buildings", "Buildings (any GDAL vector file; CRS in metres). Required.", "FILE"});
    parser.addOption(
        {"height-field", "Attribute holding the building height in metres (default: guessed).", "F"});
    parser.addOption({"occluders",
                      "More occluders: building files (extruded) or a DEM raster (terrain). Repeatable.",
                      "FILE"});
    parser.addOption(
        {"points",
         "Receiver points: CSV x,y,z[,nx,ny,nz][,id] or GeoJSON points (z from property \"z\" "
         "or the 3rd coordinate; optional properties nx, ny, nz = outward facade normal), in the "
         "buildings' CRS. Required.",
         "FILE"});
    parser.addOption({"grid", "Plan grid receivers: not implemented yet.", "SPACING"});
    parser.addOption({"aoi", "Area of a plan grid: not implemented yet.", "FILE"});
    parser.addOption({"windows", "Window receivers of the buildings: not implemented yet."});
    parser.addOption({"preset", "A regulation preset: name or path to a .json file.", "NAME"});
    parser.addOption({"presets-dir", "Look for presets here first.", "DIR"});
    parser.addOption(
        {"year", "Year of a preset's date (solar terms are computed for it; default: this year).", "Y"});
    parser.addOption({"date", "Analysis date.", "YYYY-MM-DD"});
    parser.addOption(
        {"window", "Time window in the time base, e.g. 08:00-16:00 (24:00 allowed).", "HH:MM-HH:MM"});
    parser.addOption({"time-base", "solar (true solar time) or clock (local time in --tz).", "solar|clock"});
    parser.addOption({"tz",
                      "Time zone for clock time: IANA name or ±HH:MM. With solar time, intervals are "
                      "also given in this clock time.",
                      "ZONE"});
    parser.addOption({"rule", "Counting rule: cumulative (default), longest, longest-N (sum of N longest).",
                      "RULE", "cumulative"});
    parser.addOption(
        {"min-segment", "Drop lit segments shorter than this before counting (default 0).", "MIN", "0"});
    parser.addOption({"min-altitude", "Minimum sun altitude in degrees (default 0).", "DEG", "0"});
    parser.addOption(
        {"sweep-angle", "Ignore sun flatter than this to a facade, in plan (default 0).", "DEG", "0"});
    parser.addOption({"required-hours", "Hours a point needs to pass (default: no pass/fail).", "H"});
    parser.addOption({"step", "Coarse time step in minutes (default 5).", "MIN", "5"});
    parser.addOption({"out", "Write a CSV: id,x,y,z,sunlit_minutes,intervals,pass,inside.", "FILE.csv"});
    parser.addOption({"json", "Print machine-readable JSON on stdout."});
    if (!parser.parse(QStringList{"urbis-cli sunlight"} + args))
        return usage(parser.errorText());
    if (parser.isSet("help")) {
        printOut(parser.helpText());
        return kOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage("unexpected argument '" + parser.positionalArguments().front() + "'");
    for (const char* flag : {"windows", "grid", "aoi"})
        if (parser.isSet(flag))
            return usage(QString("--%1 is not implemented yet: this version computes --points receivers only "
                                 "(windows, grids and facade lines come next)")
                             .arg(flag));
    for (const char* flag : {"buildings", "points"})
        if (!parser.isSet(flag))
            return usage(QString("--%1 is required").arg(flag));
    const bool manualSet = parser.isSet("date") || parser.isSet("window") || parser.isSet("time-base");
    if (parser.isSet("preset") == manualSet)
        return usage("give either --preset NAME or --date, --window and --time-base");
    const bool json = parser.isSet("json");

    // Parameters.
    SunlightParameters params;
    nlohmann::json presetJson = nullptr;
    QString message;
    if (parser.isSet("preset")) {
        for (const char* flag :
             {"tz", "rule", "min-segment", "min-altitude", "sweep-angle", "required-hours", "step"})
            if (parser.isSet(flag))
                return usage(
                    QString("--%1 cannot be combined with --preset (copy the preset file, edit it and "
                            "pass its path to --preset)")
                        .arg(flag));
        int year = QDate::currentDate().year();
        if (parser.isSet("year")) {
            const auto y = number(parser, "year", -1999, 5999, &message);
            if (!y || *y != std::floor(*y))
                return usage(message.isEmpty() ? "--year must be a whole number" : message);
            year = int(*y);
        }
        auto preset = findPreset(parser.value("preset").toStdString(), presetDirs(parser));
        if (!preset)
            return usage(QString::fromStdString(preset.error()));
        auto p = presetParameters(preset.value(), year);
        if (!p)
            return fail(kSub, QString::fromStdString(p.error()));
        params = p.value();
        presetJson = {
            {"name", preset->name},     {"title", preset->title}, {"reference", preset->reference},
            {"source", preset->source}, {"year", year},           {"solar_term", preset->date.solarTerm}};
    } else {
        if (parser.isSet("year"))
            return usage("--year goes with --preset; give the full --date instead");
        for (const char* flag : {"date", "window", "time-base"})
            if (!parser.isSet(flag))
                return usage(QString("--%1 is required without --preset").arg(flag));
        static const QRegularExpression dateRe(R"(^(-?\d{1,4})-(\d{2})-(\d{2})$)");
        const auto dm = dateRe.match(parser.value("date"));
        if (!dm.hasMatch())
            return usage("--date must be YYYY-MM-DD (got '" + parser.value("date") + "')");
        params.year = dm.captured(1).toInt();
        params.month = dm.captured(2).toInt();
        params.day = dm.captured(3).toInt();
        if (std::string e = gis::analysis::validateUtc({params.year, params.month, params.day, 12, 0, 0});
            !e.empty())
            return usage(QString("--date %1: %2 (the sun model, NREL SPA, covers the years -2000..6000)")
                             .arg(parser.value("date"), QString::fromStdString(e)));
        const QStringList w = parser.value("window").split('-');
        const auto a = w.size() == 2 ? parseClock(w[0].trimmed().toStdString()) : std::nullopt;
        const auto b = w.size() == 2 ? parseClock(w[1].trimmed().toStdString()) : std::nullopt;
        if (!a || !b || *a >= *b)
            return usage("--window must be HH:MM-HH:MM with the end after the start (got '" +
                         parser.value("window") + "')");
        params.windowStart = *a;
        params.windowEnd = *b;
        const QString tb = parser.value("time-base");
        if (tb != "solar" && tb != "clock")
            return usage("--time-base must be 'solar' or 'clock'");
        params.timeBase = tb == "solar" ? TimeBase::Solar : TimeBase::Clock;
        if (params.timeBase == TimeBase::Clock && !parser.isSet("tz"))
            return usage("--time-base clock needs --tz ZONE (an IANA name such as Asia/Shanghai, or ±HH:MM)");
        auto rule = parseCountingRule(parser.value("rule").toStdString());
        if (!rule)
            return usage("--rule: " + QString::fromStdString(rule.error()));
        params.counting = rule.value();
        const auto minSeg = number(parser, "min-segment", 0, 1440, &message);
        const auto minAlt = number(parser, "min-altitude", -90, 90, &message);
        const auto sweep = number(parser, "sweep-angle", 0, 89.999, &message);
        const auto step = number(parser, "step", 1.0 / 60, 60, &message);
        std::optional<double> required;
        if (parser.isSet("required-hours"))
            required = number(parser, "required-hours", 0, 24, &message);
        if (!message.isEmpty())
            return usage(message);
        params.counting.minSegmentSeconds = *minSeg * 60;
        params.minAltitude = *minAlt;
        params.sweepAngle = *sweep;
        params.coarseStepSeconds = std::max(1, int(std::lround(*step * 60)));
        params.requiredHours = required;
    }
    if (std::string e = validateSunlightParameters(params); !e.empty())
        return usage(QString::fromStdString(e));

    // Zone: offset at local noon of the date (QTimeZone, the IANA database).
    std::optional<int> clockOffset;
    QString zoneName;
    QStringList notes;
    const QString tzText = parser.isSet("tz") ? parser.value("tz") : QString::fromStdString(params.timeZone);
    if (!tzText.isEmpty()) {
        static const QRegularExpression offRe(R"(^([+-])(\d{2}):?(\d{2})?$)");
        const QDate date(params.year <= 0 ? params.year - 1 : params.year, params.month, params.day);
        if (const auto m = offRe.match(tzText); m.hasMatch()) {
            clockOffset =
                (m.captured(1) == "-" ? -1 : 1) * (m.captured(2).toInt() * 3600 + m.captured(3).toInt() * 60);
            zoneName = tzText;
        } else {
            const QTimeZone tz(tzText.toUtf8());
            if (!tz.isValid())
                return usage("--tz: unknown time zone '" + tzText +
                             "' (an IANA name such as Asia/Shanghai, or ±HH:MM)");
            zoneName = QString::fromUtf8(tz.id());
            clockOffset = tz.offsetFromUtc(QDateTime(date, QTime(12, 0), tz));
            const int a = tz.offsetFromUtc(QDateTime(date, QTime(0, 0).addSecs(params.windowStart), tz));
            const int b =
                tz.offsetFromUtc(QDateTime(date, QTime(0, 0).addSecs(std::min(params.windowEnd, 86399)), tz));
            if (a != b)
                notes
                    << QString(
                           "the UTC offset of %1 changes within the window (daylight saving); the offset at "
                           "local noon, %2, is used")
                           .arg(zoneName, offsetText(*clockOffset));
        }
        if (params.timeBase == TimeBase::Clock) {
            params.utcOffsetSeconds = *clockOffset;
            params.timeZone = zoneName.toStdString();
        }
    }

    // Data.
    TerminalProgress progress(json);
    gis::io::ImportOptions importOptions;
    importOptions.heightField = parser.value("height-field").toStdString();
    const std::string buildingsPath = parser.value("buildings").toStdString();
    if (!QFile::exists(parser.value("buildings")))
        return fail(kSub, "the buildings file '" + parser.value("buildings") + "' does not exist");
    progress.setMessage("reading buildings");
    auto imported = gis::io::importDataset(buildingsPath, gis::Project{}, importOptions, progress);
    if (!imported)
        return fail(kSub, QString::fromStdString(imported.error()));
    SunlightInput input;
    input.crs = imported->datasetCrs;
    for (const auto& layer : imported->layers)
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
            input.buildings.insert(input.buildings.end(), b->buildings.begin(), b->buildings.end());
    if (input.buildings.empty())
        return fail(kSub, "'" + parser.value("buildings") +
                              "' holds no buildings (no polygon features with a "
                              "height): nothing casts a shadow");
    for (const auto& w : imported->warnings)
        if (!json)
            printErr("warning: " + QString::fromStdString(w));
    const QStringList occluderFiles = parser.values("occluders");
    for (const QString& file : occluderFiles) {
        if (!QFile::exists(file))
            return fail(kSub, "the occluders file '" + file + "' does not exist");
        gis::Project project;
        project.crs = input.crs;
        auto occ = gis::io::importDataset(file.toStdString(), project, importOptions, progress);
        if (!occ)
            return fail(kSub, QString::fromStdString(occ.error()));
        for (const auto& layer : occ->layers) {
            if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
                input.buildings.insert(input.buildings.end(), b->buildings.begin(), b->buildings.end());
            else if (const auto* t = std::get_if<gis::TerrainLayerData>(&layer.data); t && t->dem)
                input.occluders.push_back(gis::geom::terrainMesh(*t->dem));
        }
    }
    auto receivers = readReceiverPoints(parser.value("points").toStdString(), input.crs);
    if (!receivers)
        return fail(kSub, QString::fromStdString(receivers.error()));
    input.receivers = std::move(receivers.value());
    input.parameters = params;

    auto result = computeSunlight(input, progress);
    if (!result)
        return fail(kSub, QString::fromStdString(result.error()));
    for (const auto& w : result->warnings)
        notes << QString::fromStdString(w);

    // Clock-time view of solar-time intervals (when a zone is known).
    const bool withClock = params.timeBase == TimeBase::Solar && clockOffset.has_value();
    const double jd0 = gis::analysis::julianDay({params.year, params.month, params.day, 0, 0, 0});
    auto clockOf = [&](int s) {
        auto jd = julianDayOfWindowSecond(params, result->location, s);
        return jd ? int(std::lround((jd.value() - jd0) * 86400.0 + *clockOffset)) : 0;
    };

    const QString tbText = params.timeBase == TimeBase::Solar ? "solar" : "clock";
    nlohmann::json points = nlohmann::json::array();
    QStringList csv{"id,x,y,z,sunlit_minutes,intervals,pass,inside"};
    for (std::size_t i = 0; i < input.receivers.size(); ++i) {
        const auto& rc = input.receivers[i];
        const auto& r = result->receivers[i];
        nlohmann::json iv = nlohmann::json::array(), ivClock = nlohmann::json::array();
        QStringList ivText;
        for (const auto& in : r.intervals) {
            iv.push_back({formatSeconds(in.start), formatSeconds(in.end)});
            ivText << QString::fromStdString(formatSeconds(in.start) + "-" + formatSeconds(in.end));
            if (withClock)
                ivClock.push_back({formatSeconds(clockOf(in.start)), formatSeconds(clockOf(in.end))});
        }
        nlohmann::json pt{{"id", rc.id},
                          {"x", rc.position.x},
                          {"y", rc.position.y},
                          {"z", rc.position.z},
                          {"sunlit_minutes", r.countedSeconds / 60.0},
                          {"lit_minutes_total", r.litSeconds / 60.0},
                          {"intervals", iv},
                          {"pass", r.pass ? nlohmann::json(*r.pass) : nlohmann::json(nullptr)},
                          {"inside", r.inside},
                          {"never_faces_sun", r.neverFacesSun}};
        if (withClock)
            pt["intervals_clock"] = ivClock;
        points.push_back(pt);
        csv << QString("%1,%2,%3,%4,%5,%6,%7,%8")
                   .arg(csvField(rc.id))
                   .arg(rc.position.x, 0, 'f', 3)
                   .arg(rc.position.y, 0, 'f', 3)
                   .arg(rc.position.z, 0, 'f', 3)
                   .arg(r.countedSeconds / 60.0, 0, 'f', 2)
                   .arg(ivText.join(';'))
                   .arg(r.pass ? (*r.pass ? "true" : "false") : "")
                   .arg(r.inside ? "true" : "false");
    }
    if (parser.isSet("out")) {
        QFile f(parser.value("out"));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(kSub, "cannot write '" + parser.value("out") + "': " + f.errorString());
        f.write((csv.join('\n') + '\n').toUtf8());
    }

    const auto& loc = result->location;
    nlohmann::json parameters{
        {"buildings", buildingsPath},
        {"building_count", input.buildings.size()},
        {"occluders", nlohmann::json::array()},
        {"points", parser.value("points").toStdString()},
        {"crs", gis::io::crsIdentifier(input.crs)},
        {"latitude", loc.latitude},
        {"longitude", loc.longitude},
        {"grid_convergence_degrees", loc.gridConvergence},
        {"date", QString("%1-%2-%3")
                     .arg(params.year, 4, 10, QChar('0'))
                     .arg(params.month, 2, 10, QChar('0'))
                     .arg(params.day, 2, 10, QChar('0'))
                     .toStdString()},
        {"window", {formatSeconds(params.windowStart), formatSeconds(params.windowEnd)}},
        {"time_base", tbText.toStdString()},
        {"tz", zoneName.toStdString()},
        {"utc_offset",
         clockOffset ? nlohmann::json(offsetText(*clockOffset).toStdString()) : nlohmann::json(nullptr)},
        {"rule", params.counting.rule == CountingRule::Cumulative ? std::string("cumulative")
                 : params.counting.rule == CountingRule::Longest
                     ? std::string("longest")
                     : "longest-" + std::to_string(params.counting.longestCount)},
        {"min_segment_minutes", params.counting.minSegmentSeconds / 60.0},
        {"min_altitude_degrees", params.minAltitude},
        {"sweep_angle_degrees", params.sweepAngle},
        {"required_hours",
         params.requiredHours ? nlohmann::json(*params.requiredHours) : nlohmann::json(nullptr)},
        {"coarse_step_minutes", params.coarseStepSeconds / 60.0},
        {"refine_seconds", params.refineSeconds},
        {"refraction", params.refraction},
        {"receiver_offset_m", params.receiverOffset},
        {"delta_t", result->deltaT},
        {"sun_algorithm", "NREL SPA (Reda & Andreas 2004/2008)"},
        {"engine", "Embree 3 shadow rays"},
        {"preset", presetJson}};
    for (const QString& f : occluderFiles)
        parameters["occluders"].push_back(f.toStdString());
    if (json) {
        nlohmann::json out{{"points", points}, {"parameters", parameters}, {"rays", result->raysCast}};
        if (!notes.isEmpty())
            out["note"] = notes.join("; ").toStdString();
        printOut(QString::fromStdString(out.dump(2)));
        return kOk;
    }
    printOut(QString("Sunlight %1 %2-%3 %4 time%5, rule %6, lat %7 lon %8")
                 .arg(QString::fromStdString(parameters["date"].get<std::string>()))
                 .arg(QString::fromStdString(formatSeconds(params.windowStart)),
                      QString::fromStdString(formatSeconds(params.windowEnd)), tbText)
                 .arg(params.timeBase == TimeBase::Clock ? " (" + zoneName + ")" : QString())
                 .arg(QString::fromStdString(parameters["rule"].get<std::string>()))
                 .arg(loc.latitude, 0, 'f', 5)
                 .arg(loc.longitude, 0, 'f', 5));
    for (std::size_t i = 0; i < input.receivers.size(); ++i) {
        const auto& r = result->receivers[i];
        QStringList iv;
        for (const auto& in : r.intervals)
            iv << QString::fromStdString(formatSeconds(in.start) + "-" + formatSeconds(in.end));
        printOut(QString("  %1  %2 min  %3%4%5")
                     .arg(QString::fromStdString(input.receivers[i].id))
                     .arg(r.countedSeconds / 60.0, 0, 'f', 1)
                     .arg(r.pass ? (*r.pass ? "pass  " : "FAIL  ") : "")
                     .arg(r.inside ? "INSIDE A BUILDING  " : "")
                     .arg(iv.join(' ')));
    }
    for (const QString& n : notes)
        printOut("  note: " + n);
    return kOk;
}

} // namespace app::cli
