// urbis-cli sunlight --buildings FILE [--height-field F] [--occluders FILE...]
//   (--points FILE | --grid SPACING --aoi FILE [--grid-height M] [--ground-z M] | --windows [--window-spacing
//   M]
//    [--window-width M] [--sill-height M] [--sill-samples N] [--facing south|all] [--only-use USE]
//    [--building-ids ID,...])
//   (--preset NAME [--year Y] | --date YYYY-MM-DD --window HH:MM-HH:MM --time-base solar|clock [--tz ZONE]
//    [--rule cumulative|longest|longest-N] [--min-segment MIN] [--min-altitude DEG] [--sweep-angle DEG]
//    [--required-hours H]) [--out FILE.csv|FILE.tif] [--json]
//   [--proposal FILE [--proposal-full] [--proposal-remove ID,...]] [--report FILE.pdf]
// Sunlight hours of receiver points, windows or plan grids (gis::analysis::computeSunlight and the receiver
// generators, the same calls the GUI makes). IANA zones are resolved here (QTimeZone) to a UTC offset for the
// date; gis gets numbers only. Reading the scene and formatting the output live in cmd_sunlight_io.cpp.
#include "app/cli/cli_common.h"
#include "app/cli/cmd_sunlight_io.h"
#include "app/cli/cmd_sunlight_scheme.h"
#include "gis/analysis/sun_position.h"
#include "gis/analysis/sunlight.h"
#include "gis/analysis/sunlight_grid.h"
#include "gis/analysis/sunlight_preset.h"
#include "gis/analysis/sunlight_receivers.h"
#include "gis/analysis/sunlight_windows.h"
#include "gis/io/crs_transform.h"
#include "gis/io/import_dataset.h"
#include "gis/io/raster_io.h"
#include "gis/resources.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
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
    "Usage: urbis-cli sunlight --buildings FILE (--points FILE | --windows | --grid SPACING --aoi FILE) "
    "(--preset NAME | --date YYYY-MM-DD --window HH:MM-HH:MM --time-base solar|clock [--tz ZONE]) "
    "[--out FILE.csv|FILE.tif] [--proposal FILE] [--report FILE.pdf] [--json]";

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

QString offsetText(int seconds) {
    const int a = std::abs(seconds);
    return QString("%1%2:%3")
        .arg(seconds < 0 ? '-' : '+')
        .arg(a / 3600, 2, 10, QChar('0'))
        .arg(a / 60 % 60, 2, 10, QChar('0'));
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
        "Receivers (one kind per run): --points FILE; --windows: the window sills of every storey and facade "
        "of the buildings (0.9 m above each floor, 5 cm outside the facade, with its outward normal; "
        "storeys from the 'storeys' attribute, else height / 3 m; 'whole window lit' = every sill sample lit "
        "at once); --grid SPACING --aoi FILE: a plan grid at the cell centres inside the AOI polygons "
        "(horizontal receivers; --out FILE.tif writes a Float32 GeoTIFF of counted sunlit hours, NaN = "
        "nodata outside the AOI and inside buildings). Facade lines and facade grids are not implemented "
        "yet.\n"
        "Presets (--preset NAME) are JSON files; they are searched in: --presets-dir, $URBIS_PRESETS_DIR, "
        "<bin>/../share/urbis/presets, <bin>/presets, then $URBIS_RESOURCE_DIR/presets (default: the source "
        "tree's resources/presets). --preset "
        "also "
        "takes a path to a .json file (a copied and edited preset).\n"
        "Scheme comparison (--proposal FILE): the same receivers are computed against the buildings and "
        "against the proposal (by default FILE's buildings added to them; --proposal-full: FILE is the whole "
        "proposal scene; --proposal-remove ID,... demolishes buildings); --json then adds \"comparison\" "
        "(every receiver whose hours drop, every one that passed and fails with the proposal, counts) and a "
        "\"proposal\" result to each point. --report FILE.pdf writes the report a planning bureau files "
        "(parameters, data sources, plan, window table, comparison).");
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
         "buildings' CRS.",
         "FILE"});
    parser.addOption({"grid", "Plan grid receivers every SPACING metres inside --aoi.", "SPACING"});
    parser.addOption(
        {"aoi", "Area of the plan grid: polygons in any GDAL vector file (reprojected).", "FILE"});
    parser.addOption(
        {"grid-height",
         "Grid receiver height above the ground (default 0: BRE BR 209 amenity areas; Japan: 1.5 or 4).", "M",
         "0"});
    parser.addOption(
        {"ground-z", "Ground elevation of the grid where no terrain is known (default 0).", "M", "0"});
    parser.addOption({"windows", "Window receivers of the buildings (ids b<building>-s<storey>-f<facade>-"
                                 "w<window>, numbered from 1)."});
    parser.addOption(
        {"window-spacing", "Metres between window centres along a facade (default 3).", "M", "3"});
    parser.addOption({"window-width", "Window width for --sill-samples > 1 (default 1.5).", "M", "1.5"});
    parser.addOption({"sill-height", "Sill height above the storey floor (default 0.9).", "M", "0.9"});
    parser.addOption({"sill-samples",
                      "1 = sill centre (default); N > 1 = N points across the window, lit only when all are "
                      "(whole window lit).",
                      "N", "1"});
    parser.addOption({"facing", "all (default) or south: facades whose normal is within 90 degrees of south.",
                      "south|all", "all"});
    parser.addOption({"only-use",
                      "Windows of buildings with this use only, e.g. residential (needs a 'use' attribute: "
                      "Urbis projects have one). Repeatable.",
                      "USE"});
    parser.addOption({"building-ids", "Windows of these building ids only (comma-separated).", "ID,..."});
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
                      "also given in this clock time (also with a solar-time --preset).",
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
    parser.addOption({"out",
                      "Write a CSV (id,[building,storey,facade,window,]x,y,z,sunlit_minutes,intervals,pass,"
                      "inside) or, for --grid, a .tif hour map.",
                      "FILE.csv|FILE.tif"});
    parser.addOption({"json", "Print machine-readable JSON on stdout."});
    parser.addOption({"proposal",
                      "A proposal's buildings (any GDAL vector file or a Urbis project): compare the "
                      "receivers' hours without and with them.",
                      "FILE"});
    parser.addOption({"proposal-full", "--proposal FILE is the whole proposal scene (it replaces --buildings "
                                       "for the second run) instead of buildings added to it."});
    parser.addOption(
        {"proposal-remove", "Building ids the proposal demolishes (comma-separated).", "ID,..."});
    parser.addOption({"report", "Write the PDF report (A4).", "FILE.pdf"});
    if (auto exit = parseArguments(parser, kSub, args, kUsageLine, 0))
        return *exit;
    if (!parser.isSet("buildings"))
        return usage("--buildings is required");
    const int modes = int(parser.isSet("points")) + int(parser.isSet("windows")) + int(parser.isSet("grid"));
    if (modes != 1)
        return usage(
            modes == 0 ? "receivers are required: give --points FILE, --windows or --grid SPACING --aoi FILE"
                       : "give one kind of receivers: --points, --windows or --grid (not several)");
    enum class Mode { Points, Windows, Grid };
    const Mode mode = parser.isSet("points")    ? Mode::Points
                      : parser.isSet("windows") ? Mode::Windows
                                                : Mode::Grid;
    if (mode == Mode::Grid && !parser.isSet("aoi"))
        return usage("--grid needs --aoi FILE (the polygons the grid covers)");
    if (mode != Mode::Grid)
        for (const char* flag : {"aoi", "grid-height", "ground-z"})
            if (parser.isSet(flag))
                return usage(QString("--%1 goes with --grid").arg(flag));
    if (mode != Mode::Windows)
        for (const char* flag : {"window-spacing", "window-width", "sill-height", "sill-samples", "facing",
                                 "only-use", "building-ids"})
            if (parser.isSet(flag))
                return usage(QString("--%1 goes with --windows").arg(flag));
    const QString outPath = parser.value("out");
    const bool outTif =
        outPath.endsWith(".tif", Qt::CaseInsensitive) || outPath.endsWith(".tiff", Qt::CaseInsensitive);
    if (parser.isSet("out") && !outTif && !outPath.endsWith(".csv", Qt::CaseInsensitive))
        return usage("--out must name a .csv file (or a .tif file with --grid)");
    if (outTif && mode != Mode::Grid)
        return usage("--out FILE.tif is the hour map of a --grid run; use a .csv file here");
    const bool manualSet = parser.isSet("date") || parser.isSet("window") || parser.isSet("time-base");
    if (parser.isSet("preset") == manualSet)
        return usage("give either --preset NAME or --date, --window and --time-base");
    const bool json = parser.isSet("json");
    sunlight::ProposalOptions proposal;
    if (QString e = sunlight::parseProposalOptions(parser, proposal); !e.isEmpty())
        return usage(e);
    const QString& reportPath = proposal.reportPath;
    if (parser.isSet("report") && !qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(kSub,
                    "--report needs fonts: run urbis-cli itself (it starts Qt GUI support for --report)");

    // Parameters.
    SunlightParameters params;
    nlohmann::json presetJson = nullptr;
    QString message;
    if (parser.isSet("preset")) {
        // --tz is allowed with a solar-time preset: it only adds the clock-time view of the intervals.
        for (const char* flag :
             {"rule", "min-segment", "min-altitude", "sweep-angle", "required-hours", "step"})
            if (parser.isSet(flag))
                return usage(
                    QString("--%1 cannot be combined with --preset (copy the preset file, edit it and "
                            "pass its path to --preset)")
                        .arg(flag));
        int year = QDate::currentDate().year();
        if (parser.isSet("year")) {
            const auto y = numberOption(parser, "year", -1999, 5999, &message);
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
        if (parser.isSet("tz") && params.timeBase == TimeBase::Clock)
            return usage(
                "--tz cannot be combined with a clock-time preset (its zone is part of the rule: copy "
                "the preset file, edit it and pass its path to --preset)");
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
        const auto minSeg = numberOption(parser, "min-segment", 0, 1440, &message);
        const auto minAlt = numberOption(parser, "min-altitude", -90, 90, &message);
        const auto sweep = numberOption(parser, "sweep-angle", 0, 89.999, &message);
        const auto step = numberOption(parser, "step", 1.0 / 60, 60, &message);
        std::optional<double> required;
        if (parser.isSet("required-hours"))
            required = numberOption(parser, "required-hours", 0, 24, &message);
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

    // Receiver options (checked before any data is read).
    WindowOptions windowOptions;
    gis::analysis::GridOptions gridOptions;
    if (mode == Mode::Windows) {
        const auto spacing = numberOption(parser, "window-spacing", 0.1, 1000, &message);
        const auto width = numberOption(parser, "window-width", 0.01, 100, &message);
        const auto sill = numberOption(parser, "sill-height", 0, 100, &message);
        const auto samples = numberOption(parser, "sill-samples", 1, 100, &message);
        if (!message.isEmpty())
            return usage(message);
        if (*samples != std::floor(*samples))
            return usage("--sill-samples must be a whole number within 1..100");
        windowOptions.spacing = *spacing;
        windowOptions.width = *width;
        windowOptions.sillHeight = *sill;
        windowOptions.sillSamples = int(*samples);
        const QString facing = parser.value("facing");
        if (facing != "all" && facing != "south")
            return usage("--facing must be 'south' or 'all' (got '" + facing + "')");
        windowOptions.facing = facing == "south" ? WindowFacing::South : WindowFacing::All;
        for (const QString& u : parser.values("only-use"))
            for (const QString& part : u.split(',', Qt::SkipEmptyParts))
                windowOptions.uses.push_back(part.trimmed().toStdString());
        if (parser.isSet("building-ids"))
            for (const QString& id : parser.value("building-ids").split(',', Qt::SkipEmptyParts)) {
                bool ok = false;
                const qlonglong v = id.trimmed().toLongLong(&ok);
                if (!ok)
                    return usage("--building-ids takes whole numbers separated by commas (got '" + id + "')");
                windowOptions.buildingIds.push_back(v);
            }
        if (std::string e = validateWindowOptions(windowOptions); !e.empty())
            return usage(QString::fromStdString(e));
    } else if (mode == Mode::Grid) {
        bool ok = false;
        const double spacing = parser.value("grid").toDouble(&ok);
        if (!ok || !std::isfinite(spacing) || spacing <= 0)
            return usage("--grid SPACING must be a positive number of metres (got '" + parser.value("grid") +
                         "')");
        const auto height = numberOption(parser, "grid-height", -100, 1000, &message);
        const auto groundZ = numberOption(parser, "ground-z", -1000, 9000, &message);
        if (!message.isEmpty())
            return usage(message);
        gridOptions.spacing = spacing;
        gridOptions.height = *height;
        gridOptions.groundZ = *groundZ;
        if (!QFile::exists(parser.value("aoi")))
            return fail(kSub, "the area of interest file '" + parser.value("aoi") + "' does not exist");
    }

    // Data: a Urbis project (buildings with use and storeys, its terrain) or any GDAL vector file.
    TerminalProgress progress(json);
    gis::io::ImportOptions importOptions;
    importOptions.heightField = parser.value("height-field").toStdString();
    const std::string buildingsPath = parser.value("buildings").toStdString();
    const QStringList occluderFiles = parser.values("occluders");
    SunlightInput input;
    std::shared_ptr<const gis::RasterF> terrain;
    QStringList importWarnings;
    std::size_t primaryBuildings = 0;
    if (QString e = sunlight::loadScene(parser.value("buildings"), occluderFiles, importOptions, progress,
                                        input, terrain, primaryBuildings, importWarnings);
        !e.isEmpty())
        return fail(kSub, e);
    if (!json)
        for (const QString& w : importWarnings)
            printErr("warning: " + w);

    // Receivers.
    WindowReceivers windows;
    gis::analysis::PlanGrid grid;
    if (mode == Mode::Points) {
        auto receivers = readReceiverPoints(parser.value("points").toStdString(), input.crs);
        if (!receivers)
            return fail(kSub, QString::fromStdString(receivers.error()));
        input.receivers = std::move(receivers.value());
    } else if (mode == Mode::Windows) {
        if (windowOptions.facing == WindowFacing::South) {
            // True south needs the grid convergence at the site (the buildings' centre).
            std::vector<SunlightReceiver> centre(1);
            const gis::Extent e = [&] {
                gis::Extent x;
                for (const auto& b : input.buildings)
                    x.include(b.footprint.extent());
                return x;
            }();
            centre[0].position = {e.center().x, e.center().y, 0};
            auto where = locateReceivers(centre, input.crs);
            if (!where)
                return fail(kSub, QString::fromStdString(where.error()));
            windowOptions.gridConvergence = where->gridConvergence;
        }
        windows = windowReceivers(std::span(input.buildings).first(primaryBuildings), windowOptions);
        if (windows.windows.empty()) {
            bool anyUse = false;
            for (std::size_t i = 0; i < primaryBuildings; ++i)
                anyUse |= !input.buildings[i].use.empty();
            QString why = "no building has a facade long enough for a window";
            if (!windowOptions.uses.empty() && !anyUse)
                why = "the buildings carry no 'use' attribute (a Urbis project has one; other files are read "
                      "without it), so --only-use keeps none";
            else if (!windowOptions.uses.empty() || !windowOptions.buildingIds.empty())
                why = "no building matches --only-use / --building-ids";
            return fail(kSub, "no windows to analyse: " + why);
        }
        input.receivers = windows.samples;
    } else {
        auto aoi = gis::analysis::readAoiPolygons(parser.value("aoi").toStdString(), input.crs);
        if (!aoi)
            return fail(kSub, QString::fromStdString(aoi.error()));
        gridOptions.terrain = parser.isSet("ground-z") ? nullptr : terrain.get();
        auto g = gis::analysis::gridReceivers(aoi.value(), gridOptions);
        if (!g)
            return fail(kSub, QString::fromStdString(g.error()));
        grid = std::move(g.value());
        input.receivers = grid.receivers;
    }
    input.parameters = params;

    // With a proposal: both schemes over the same receivers (compareSchemes), the baseline as `result`.
    std::vector<gis::Building> proposalBuildings;
    std::optional<SchemeRun> scheme;
    if (parser.isSet("proposal"))
        if (QString e = sunlight::runProposal(parser.value("proposal"), proposal, importOptions, progress,
                                              input, mode == Mode::Windows ? &windows : nullptr,
                                              proposalBuildings, scheme, notes);
            !e.isEmpty())
            return fail(kSub, e);
    auto result = scheme ? gis::Result<SunlightResult>(scheme->baseline) : computeSunlight(input, progress);
    if (!result)
        return fail(kSub, QString::fromStdString(result.error()));
    for (const auto& w : result->warnings)
        notes << QString::fromStdString(w);

    // Rows: one per point, window (whole-window rule over its samples) or grid cell.
    std::vector<ReceiverSunlight> windowResults;
    std::vector<sunlight::Row> rows;
    if (mode == Mode::Windows) {
        windowResults = aggregateWindows(windows, result.value(), params);
        for (std::size_t i = 0; i < windows.windows.size(); ++i)
            rows.push_back(
                {windows.windows[i].id, windows.windows[i].centre, &windowResults[i], &windows.windows[i]});
    } else {
        for (std::size_t i = 0; i < input.receivers.size(); ++i)
            rows.push_back({input.receivers[i].id, input.receivers[i].position, &result->receivers[i]});
    }

    std::vector<sunlight::Row> proposalRows = rows;
    if (scheme)
        for (std::size_t i = 0; i < proposalRows.size(); ++i)
            proposalRows[i].result =
                mode == Mode::Windows ? &scheme->proposalWindows[i] : &scheme->proposal.receivers[i];

    // Clock-time view of solar-time intervals (when a zone is known).
    const bool withClock = params.timeBase == TimeBase::Solar && clockOffset.has_value();
    const double jd0 = gis::analysis::julianDay({params.year, params.month, params.day, 0, 0, 0});
    sunlight::ClockOf clockOf;
    if (withClock)
        clockOf = [&](int s) {
            auto jd = julianDayOfWindowSecond(params, result->location, s);
            return jd ? int(std::lround((jd.value() - jd0) * 86400.0 + *clockOffset)) : 0;
        };

    if (parser.isSet("out")) {
        if (outTif) {
            const gis::RasterF hours = gis::analysis::gridHoursRaster(grid, result->receivers);
            if (auto s = gis::io::writeGeoTiff(hours, input.crs, outPath.toStdString()); !s)
                return fail(kSub, QString::fromStdString(s.error()));
        } else {
            QFile f(outPath);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return fail(kSub, "cannot write '" + outPath + "': " + f.errorString());
            f.write(sunlight::csvText(rows, mode == Mode::Windows).toUtf8());
        }
    }

    const QString tbText = params.timeBase == TimeBase::Solar ? "solar" : "clock";
    const auto& loc = result->location;
    nlohmann::json parameters{
        {"buildings", buildingsPath},
        {"building_count", input.buildings.size()},
        {"occluders", nlohmann::json::array()},
        {"receivers", mode == Mode::Points    ? "points"
                      : mode == Mode::Windows ? "windows"
                                              : "grid"},
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
        {"terrain", terrain != nullptr},
        {"preset", presetJson}};
    if (mode == Mode::Points)
        parameters["points"] = parser.value("points").toStdString();
    if (mode == Mode::Windows)
        parameters["window_options"] = sunlight::windowOptionsJson(windowOptions);
    if (mode == Mode::Grid)
        parameters["grid_options"] =
            sunlight::gridOptionsJson(parser.value("aoi").toStdString(), gridOptions, grid);
    for (const QString& f : occluderFiles)
        parameters["occluders"].push_back(f.toStdString());
    const auto summary = mode == Mode::Windows ? summarizeWindows(windows, windowResults)
                                               : std::vector<gis::analysis::BuildingWindowSummary>{};
    if (parser.isSet("report")) {
        sunlight::ReportContext rc = sunlight::reportContext(parser, presetJson, windows.windows.size());
        rc.crs = QString::fromStdString(gis::io::crsIdentifier(input.crs));
        rc.zoneName = zoneName;
        rc.occluders = occluderFiles;
        rc.notes = notes;
        rc.windows = mode == Mode::Windows;
        rc.input = &input;
        rc.result = &result.value();
        rc.windowReceivers = mode == Mode::Windows ? &windows : nullptr;
        rc.rows = scheme ? proposalRows : rows;
        rc.scheme = scheme ? &*scheme : nullptr;
        rc.proposalBuildings = scheme ? &proposalBuildings : nullptr;
        rc.clock = clockOf;
        if (QString e = sunlight::writeReport(reportPath, rc); !e.isEmpty())
            return fail(kSub, e);
    }
    if (json) {
        nlohmann::json out{{"points", sunlight::pointsJson(rows, clockOf)},
                           {"parameters", parameters},
                           {"rays", result->raysCast}};
        if (mode == Mode::Windows)
            out["windows"] = sunlight::windowSummaryJson(summary);
        if (scheme) {
            for (std::size_t i = 0; i < proposalRows.size(); ++i)
                out["points"][i]["proposal"] = sunlight::proposalPointJson(*proposalRows[i].result);
            out["comparison"] =
                sunlight::comparisonJson(scheme->comparison, parser.value("proposal"), proposal.mode,
                                         proposal.remove, proposalBuildings.size());
        }
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
    if (mode == Mode::Windows)
        printOut(sunlight::windowSummaryLine(summary));
    constexpr std::size_t kMaxLines = 500;
    if (rows.size() <= kMaxLines)
        for (const QString& line : sunlight::textLines(rows))
            printOut(line);
    else
        printOut(QString("  (%1 rows: see --out FILE.csv or --json)").arg(rows.size()));
    if (scheme)
        for (const QString& line : sunlight::comparisonText(scheme->comparison))
            printOut(line);
    for (const QString& n : notes)
        printOut("  note: " + n);
    if (parser.isSet("report"))
        printOut("  report: " + reportPath);
    return kOk;
}

} // namespace app::cli
