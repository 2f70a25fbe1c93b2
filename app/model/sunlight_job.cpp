#include "app/model/sunlight_job.h"

#include "gis/analysis/sun_position.h"
#include "gis/geom/extrude.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <chrono>
#include <cmath>
#include <variant>

namespace app {

using namespace gis::analysis;

SunlightScene sunlightScene(const gis::Project& project, const std::string& proposalLayerId) {
    SunlightScene scene;
    scene.crs = project.crs;
    for (const gis::Layer& layer : project.layers) {
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data)) {
            if (!proposalLayerId.empty() && layer.id == proposalLayerId)
                scene.proposalBuildings.insert(scene.proposalBuildings.end(), b->buildings.begin(),
                                               b->buildings.end());
            else if (layer.visible)
                scene.buildings.insert(scene.buildings.end(), b->buildings.begin(), b->buildings.end());
        } else if (const auto* m = std::get_if<gis::CityModelLayerData>(&layer.data)) {
            if (layer.visible && m->mesh)
                scene.meshes.push_back(m->mesh);
        }
    }
    if (const gis::TerrainLayerData* t = project.terrain(); t && t->dem)
        scene.terrain = t->dem;
    return scene;
}

const std::string& SunlightRun::rowId(std::size_t i) const {
    return request.kind == ReceiverKind::Windows ? windows.windows[i].id : grid.receivers[i].id;
}

gis::Vec3 SunlightRun::rowPosition(std::size_t i) const {
    return request.kind == ReceiverKind::Windows ? windows.windows[i].centre : grid.receivers[i].position;
}

gis::Result<SunlightRun> runSunlight(const SunlightScene& scene, const SunlightRequest& request,
                                     gis::Progress& progress) {
    const auto started = std::chrono::steady_clock::now();
    SunlightRun run;
    run.request = request;
    run.buildings = scene.buildings;
    run.crs = scene.crs;
    if (request.compare)
        run.proposalBuildings = scene.proposalBuildings;
    run.terrain = scene.terrain != nullptr;
    // Shown in the Sunlight panel: translated (context app::SunlightJob).
    auto message = [](const char* text) {
        return gis::Error{QCoreApplication::translate("app::SunlightJob", text).toStdString()};
    };
    if (request.compare && scene.proposalBuildings.empty())
        return message(QT_TRANSLATE_NOOP("app::SunlightJob",
                                         "The proposal layer holds no buildings: add a tower (Analysis > Add "
                                         "Tower…) or choose another buildings layer as the proposal."));

    SunlightInput input;
    input.crs = scene.crs;
    input.buildings = scene.buildings;
    input.location = request.location;
    input.parameters = request.parameters;
    progress.setMessage("occluders");
    if (scene.terrain)
        input.occluders.push_back(gis::geom::terrainMesh(*scene.terrain));
    for (const auto& mesh : scene.meshes)
        input.occluders.push_back(*mesh);

    if (request.kind == ReceiverKind::Windows) {
        if (std::string e = validateWindowOptions(request.windowOptions); !e.empty())
            return gis::Error{e};
        run.windows = windowReceivers(scene.buildings, request.windowOptions);
        if (run.windows.windows.empty())
            return message(
                request.windowOptions.buildingIds.empty()
                    ? QT_TRANSLATE_NOOP("app::SunlightJob",
                                        "No windows to analyse: no visible building is residential "
                                        "with a facade long enough for a window (are the "
                                        "residential buildings' layers visible?).")
                    : QT_TRANSLATE_NOOP("app::SunlightJob",
                                        "No windows to analyse: the picked building is not "
                                        "residential, or has no facade long enough for a window "
                                        "(or none facing south, with South-facing only)."));
        input.receivers = run.windows.samples;
    } else {
        gis::analysis::GridOptions options = request.gridOptions;
        options.terrain = scene.terrain.get();
        auto grid = gridReceivers(request.aoi, options);
        if (!grid)
            return gis::Error{grid.error()};
        run.grid = std::move(grid.value());
        input.receivers = run.grid.receivers;
    }

    if (request.compare) {
        CompareOptions options;
        options.windows = request.kind == ReceiverKind::Windows ? &run.windows : nullptr;
        const std::vector<gis::Building> proposal =
            applyProposal(scene.buildings, ProposalChange{scene.proposalBuildings, {}, {}});
        auto compared = compareSchemes(input, proposal, progress, options);
        if (!compared)
            return gis::Error{compared.error()};
        SchemeRun& r = compared.value();
        run.proposalRays = r.proposal.raysCast;
        run.result = std::move(r.baseline);
        run.rows = options.windows ? std::move(r.baselineWindows) : run.result.receivers;
        run.proposalRows = options.windows ? std::move(r.proposalWindows) : std::move(r.proposal.receivers);
        run.comparison = std::move(r.comparison);
    } else {
        auto result = computeSunlight(input, progress);
        if (!result)
            return gis::Error{result.error()};
        run.result = std::move(result.value());
        run.rows = request.kind == ReceiverKind::Windows
                       ? aggregateWindows(run.windows, run.result, request.parameters)
                       : run.result.receivers;
    }
    if (request.kind == ReceiverKind::Grid) {
        run.hours = gridHoursRaster(run.grid, run.rows);
        if (run.comparison)
            run.proposalHours = gridHoursRaster(run.grid, run.proposalRows);
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return run;
}

gis::Result<GeoLocation> projectLocation(const gis::Project& project) {
    const gis::Extent e = project.extent();
    if (e.isEmpty())
        return gis::Error{"the project is empty: nothing to place on the Earth"};
    SunlightReceiver centre;
    centre.position = {e.center().x, e.center().y, project.groundHeight(e.center().x, e.center().y)};
    return locateReceivers(std::span(&centre, 1), project.crs);
}

QString defaultTimeZone(const GeoLocation& where) {
    if (where.longitude >= 73 && where.longitude <= 135 && where.latitude >= 18 && where.latitude <= 54)
        return QStringLiteral("Asia/Shanghai");
    const int hours = int(std::lround(where.longitude / 15.0));
    return QString::fromUtf8(QTimeZone(hours * 3600).id());
}

std::optional<int> utcOffsetOn(const QString& zone, int year, int month, int day) {
    static const QRegularExpression fixed(R"(^(?:UTC)?([+-])(\d{1,2}):?(\d{2})?$)");
    if (const auto m = fixed.match(zone.trimmed()); m.hasMatch())
        return (m.captured(1) == "-" ? -1 : 1) * (m.captured(2).toInt() * 3600 + m.captured(3).toInt() * 60);
    if (zone.trimmed() == QLatin1String("UTC"))
        return 0;
    const QTimeZone tz(zone.trimmed().toUtf8());
    if (!tz.isValid())
        return std::nullopt;
    return tz.offsetFromUtc(QDateTime(QDate(year <= 0 ? year - 1 : year, month, day), QTime(12, 0), tz));
}

SunlightClock::SunlightClock(const SunlightParameters& p, const GeoLocation& where, int clockOffsetSeconds)
    : mParams(p), mWhere(where), mOffset(clockOffsetSeconds),
      mDayJd(gis::analysis::julianDay({p.year, p.month, p.day, 0, 0, 0})) {
    mOtherAtMinute.resize(24 * 60 + 1);
    for (int m = 0; m <= 24 * 60; ++m)
        mOtherAtMinute[std::size_t(m)] = exactOther(m * 60);
}

double SunlightClock::exactOther(int s) const {
    const auto jd = julianDay(s);
    if (!jd)
        return s;
    if (mParams.timeBase == TimeBase::Solar)
        return (*jd - mDayJd) * 86400.0 + mOffset;
    SunObserver o;
    o.latitude = mWhere.latitude;
    o.longitude = mWhere.longitude;
    o.deltaT = mParams.deltaT ? *mParams.deltaT : estimateDeltaT(mParams.year, mParams.month);
    o.refraction = false;
    auto pos = sunPosition(*jd, o);
    if (!pos)
        return s;
    // Solar time of the same instant, continuous across midnight (hours 0..24 wrap).
    double solar = pos->solarTime * 3600.0;
    while (solar - s > 43200)
        solar -= 86400;
    while (s - solar > 43200)
        solar += 86400;
    return solar;
}

std::optional<double> SunlightClock::julianDay(int s) const {
    auto jd = julianDayOfWindowSecond(mParams, mWhere, s);
    if (!jd)
        return std::nullopt;
    return jd.value();
}

namespace {
int interpolate(const std::vector<double>& table, int s) {
    if (s <= 0 || s >= 86400)
        return int(std::lround(table[s <= 0 ? 0 : table.size() - 1] + (s <= 0 ? s : s - 86400)));
    const int m = s / 60;
    const double t = (s - m * 60) / 60.0;
    return int(std::lround(table[std::size_t(m)] + (table[std::size_t(m) + 1] - table[std::size_t(m)]) * t));
}
} // namespace

int SunlightClock::clockSeconds(int s) const {
    if (mParams.timeBase == TimeBase::Clock)
        return s - mParams.utcOffsetSeconds + mOffset;
    return interpolate(mOtherAtMinute, s);
}

int SunlightClock::solarSeconds(int s) const {
    if (mParams.timeBase == TimeBase::Solar)
        return s;
    return interpolate(mOtherAtMinute, s);
}

std::optional<SunlightClock::Sun> SunlightClock::sunAt(int s) const {
    const auto jd = julianDay(s);
    if (!jd)
        return std::nullopt;
    SunObserver o;
    o.latitude = mWhere.latitude;
    o.longitude = mWhere.longitude;
    o.elevation = mWhere.elevation;
    o.pressure = mParams.pressure;
    o.temperature = mParams.temperature;
    o.deltaT = mParams.deltaT ? *mParams.deltaT : estimateDeltaT(mParams.year, mParams.month);
    o.refraction = mParams.refraction;
    auto pos = sunPosition(*jd, o);
    if (!pos)
        return std::nullopt;
    constexpr double kDeg = 3.14159265358979323846 / 180.0;
    const double az = (pos->azimuth + mWhere.gridConvergence) * kDeg, el = pos->elevation * kDeg;
    Sun sun;
    sun.toSun = {std::sin(az) * std::cos(el), std::cos(az) * std::cos(el), std::sin(el)};
    sun.azimuth = pos->azimuth;
    sun.elevation = pos->elevation;
    return sun;
}

QString sunlightCsv(const SunlightRun& run, const SunlightClock& clock) {
    const bool windows = run.request.kind == ReceiverKind::Windows;
    const bool compared = run.comparison.has_value();
    std::vector<char> newlyFails(run.size(), 0);
    if (compared)
        for (const auto& c : run.comparison->newFailures)
            newlyFails[c.index] = 1;
    QString out = QStringLiteral("id,");
    if (windows)
        out += QStringLiteral("building,part,storey,facade,window,");
    out += QStringLiteral("x,y,z,sunlit_minutes,required_hours,pass,inside,intervals_solar,intervals_clock");
    if (compared)
        out += QStringLiteral(",before_minutes,delta_minutes,pass_before,newly_fails");
    out += '\n';
    auto passText = [](const std::optional<bool>& pass) {
        return pass ? QString(*pass ? "true" : "false") : QString();
    };
    const auto& required = run.request.parameters.requiredHours;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const ReceiverSunlight& r = run.current(i);
        const gis::Vec3 p = run.rowPosition(i);
        QStringList solar, clockTimes;
        for (const LitInterval& in : r.intervals) {
            solar << clockText(clock.solarSeconds(in.start)) + '-' + clockText(clock.solarSeconds(in.end));
            clockTimes << clockText(clock.clockSeconds(in.start)) + '-' +
                              clockText(clock.clockSeconds(in.end));
        }
        QStringList f{QString::fromStdString(run.rowId(i))};
        if (windows) {
            const WindowReceiver& w = run.windows.windows[i];
            f << QString::number(w.building) << QString::number(w.part) << QString::number(w.storey)
              << QString::number(w.facade) << QString::number(w.window);
        }
        f << QString::number(p.x, 'f', 3) << QString::number(p.y, 'f', 3) << QString::number(p.z, 'f', 3)
          << QString::number(r.countedSeconds / 60.0, 'f', 2)
          << (required ? QString::number(*required) : QString()) << passText(r.pass)
          << QString(r.inside ? "true" : "false") << solar.join(';') << clockTimes.join(';');
        if (compared) {
            const ReceiverSunlight& b = run.rows[i];
            f << QString::number(b.countedSeconds / 60.0, 'f', 2)
              << QString::number((r.countedSeconds - b.countedSeconds) / 60.0, 'f', 2) << passText(b.pass)
              << QString(newlyFails[i] ? "true" : "false");
        }
        out += f.join(',') + '\n';
    }
    return out;
}

QString clockText(int seconds, bool withSeconds) {
    seconds = ((seconds % 86400) + 86400) % 86400 + (seconds == 86400 ? 86400 : 0);
    const QString hm = QStringLiteral("%1:%2")
                           .arg(seconds / 3600, 2, 10, QChar('0'))
                           .arg(seconds / 60 % 60, 2, 10, QChar('0'));
    return withSeconds ? hm + QStringLiteral(":%1").arg(seconds % 60, 2, 10, QChar('0')) : hm;
}

} // namespace app
