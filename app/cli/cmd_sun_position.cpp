// urbis-cli sun-position --lat DEG --lon DEG --time ISO8601 [--tz ZONE|±HH:MM] [--elevation M]
//   [--pressure MBAR] [--temperature C] [--delta-t S] [--refraction | --no-refraction]
//   [--rise-set-day local|utc] [--json]
// The sun's position (NREL SPA, gis/analysis/sun_position.h) and the day's sunrise, transit and sunset. Time
// zones are resolved here (QTimeZone, the system's IANA database); gis works in UTC only.
#include "app/cli/cli_common.h"
#include "gis/analysis/sun_position.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>

namespace app::cli {

namespace {
using gis::analysis::UtcDateTime;
const char* kSub = "sun-position";
const char* kUsageLine =
    "Usage: urbis-cli sun-position --lat DEG --lon DEG --time ISO8601 [--tz ZONE] [--json]";

int usage(const QString& message) {
    return fail(kSub, message + "\n" + kUsageLine, kUsage);
}

// A zone: a fixed UTC offset or an IANA zone.
struct Zone {
    QString name;
    std::optional<int> fixedOffset; // seconds east of UTC
    QTimeZone tz;

    static QString offsetText(int seconds) {
        const int a = std::abs(seconds);
        return QString("%1%2:%3")
            .arg(seconds < 0 ? '-' : '+')
            .arg(a / 3600, 2, 10, QChar('0'))
            .arg(a / 60 % 60, 2, 10, QChar('0'));
    }
    // Offset in force at a UTC instant.
    int offsetAtUtc(double jd) const {
        if (fixedOffset)
            return *fixedOffset;
        const UtcDateTime t = gis::analysis::utcFromJulianDay(jd);
        const QDateTime dt(QDate(t.year <= 0 ? t.year - 1 : t.year, t.month, t.day),
                           QTime(t.hour, t.minute, int(t.second)), QTimeZone::utc());
        return tz.offsetFromUtc(dt);
    }
    // Offset for a wall-clock time in this zone; `shifted` is set when that time does not exist (DST gap).
    int offsetForLocal(const UtcDateTime& t, bool* shifted) const {
        *shifted = false;
        if (fixedOffset)
            return *fixedOffset;
        const QTime time(std::min(t.hour, 23), t.minute, std::min(int(t.second), 59));
        const QDateTime dt(QDate(t.year <= 0 ? t.year - 1 : t.year, t.month, t.day), time, tz);
        *shifted = dt.time() != time;
        return dt.offsetFromUtc();
    }
};

// "±HH:MM", "±HHMM", "±HH", "Z", "UTC" -> seconds.
std::optional<int> parseOffset(const QString& text) {
    if (text == "Z" || text.compare("UTC", Qt::CaseInsensitive) == 0)
        return 0;
    static const QRegularExpression re(R"(^([+-])(\d{2}):?(\d{2})?$)");
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int h = m.captured(2).toInt(), mi = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
    if (h > 18 || mi > 59 || h * 60 + mi > 18 * 60)
        return std::nullopt;
    return (m.captured(1) == "-" ? -1 : 1) * (h * 3600 + mi * 60);
}

struct ParsedTime {
    UtcDateTime wall; // the fields as written
    std::optional<int> offset;
};

// ISO 8601: YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:MM]]; years may be negative (astronomical numbering).
std::optional<ParsedTime> parseTime(const QString& text) {
    static const QRegularExpression re(
        R"(^([+-]?\d{4,5})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?)?)"
        R"(\s*(Z|[+-]\d{2}(?::?\d{2})?)?$)");
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    ParsedTime p;
    p.wall = {
        m.captured(1).toInt(), m.captured(2).toInt(),
        m.captured(3).toInt(), m.captured(4).toInt(),
        m.captured(5).toInt(), m.captured(6).isEmpty() ? 0.0 : m.captured(6).replace(',', '.').toDouble()};
    if (!m.captured(7).isEmpty()) {
        p.offset = parseOffset(m.captured(7));
        if (!p.offset)
            return std::nullopt;
    }
    return p;
}

// Local "HH:MM:SS" of a UTC instant, truncated to the second as the SPA paper prints its times.
QString hms(double hours) {
    long long s = (long long)std::floor(hours * 3600.0 + 1e-6);
    s = ((s % 86400) + 86400) % 86400;
    return QString("%1:%2:%3")
        .arg(s / 3600, 2, 10, QChar('0'))
        .arg(s / 60 % 60, 2, 10, QChar('0'))
        .arg(s % 60, 2, 10, QChar('0'));
}

QString isoDate(const UtcDateTime& t) {
    return QString("%1-%2-%3")
        .arg(t.year, t.year < 0 ? 5 : 4, 10, QChar('0'))
        .arg(t.month, 2, 10, QChar('0'))
        .arg(t.day, 2, 10, QChar('0'));
}

// ISO date-time of a UTC instant at an offset, to the millisecond ("Z" for offset 0 when utcZ).
QString isoDateTime(double jd, int offsetSeconds, bool utcZ) {
    // Rounded to the millisecond (half a millisecond added, then truncated, so that carries roll over).
    const UtcDateTime t = gis::analysis::utcFromJulianDay(jd + (offsetSeconds + 0.0005) / 86400.0);
    const QString sec = QString("%1").arg(std::floor(t.second * 1000.0) / 1000.0, 6, 'f', 3, QChar('0'));
    return QString("%1T%2:%3:%4%5")
        .arg(isoDate(t))
        .arg(t.hour, 2, 10, QChar('0'))
        .arg(t.minute, 2, 10, QChar('0'))
        .arg(sec, utcZ && offsetSeconds == 0 ? "Z" : Zone::offsetText(offsetSeconds));
}

struct Event {
    QString hms, local, utc;
    bool otherDate = false;
};

Event event(double jd, const Zone& zone, const UtcDateTime& localDate) {
    const int off = zone.offsetAtUtc(jd);
    const UtcDateTime t = gis::analysis::utcFromJulianDay(jd + off / 86400.0);
    Event e;
    e.hms = hms(t.hour + t.minute / 60.0 + t.second / 3600.0);
    e.local = isoDateTime(jd, off, false);
    e.utc = isoDateTime(jd, 0, true);
    e.otherDate = t.year != localDate.year || t.month != localDate.month || t.day != localDate.day;
    return e;
}

// A number flag, or `fallback` when it is not given.
std::optional<double> number(const QCommandLineParser& p, const QString& flag, double lo, double hi,
                             double fallback, QString* message) {
    return p.isSet(flag) ? numberOption(p, flag, lo, hi, message) : std::optional<double>(fallback);
}
} // namespace

int runSunPosition(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Sun position (NREL Solar Position Algorithm, Reda & Andreas 2004/2008, ±0.0003°) for a place and an "
        "instant, with the day's sunrise, transit and sunset and the true solar time.\n"
        "Times are interpreted in: --tz when given; else the offset written in --time; else UTC (stated in "
        "the output). When --time has an offset and --tz is given too, the offset fixes the instant and --tz "
        "the zone the local times are shown in. Local times HH:MM:SS are truncated to the second, as the SPA "
        "paper prints them.");
    parser.addHelpOption();
    parser.addOption({"lat", "Latitude in degrees, north positive (-90..90). Required.", "DEG"});
    parser.addOption({"lon", "Longitude in degrees, east positive (-180..180). Required.", "DEG"});
    parser.addOption({"time",
                      "Instant, ISO 8601: 2003-10-17T12:30:30-07:00, 2024-12-21T12:00:00Z, "
                      "2024-12-21T12:00 (in --tz or UTC), 2024-12-21 (midnight). Required.",
                      "ISO8601"});
    parser.addOption(
        {"tz", "Time zone: an IANA name (Asia/Shanghai, America/Denver) or a fixed offset ±HH:MM.", "ZONE"});
    parser.addOption({"elevation", "Observer elevation above sea level in metres (default 0).", "M", "0"});
    parser.addOption(
        {"pressure", "Annual average local pressure in mbar (default 1013.25).", "MBAR", "1013.25"});
    parser.addOption({"temperature", "Annual average local temperature in °C (default 12).", "C", "12"});
    parser.addOption(
        {"delta-t", "ΔT = TT − UT in seconds (default: the Espenak–Meeus polynomial estimate for the date).",
         "S"});
    parser.addOption({"refraction", "Correct the elevation for atmospheric refraction (the default)."});
    parser.addOption({"no-refraction", "Geometric (unrefracted) elevation and zenith, as regulations use."});
    parser.addOption(
        {"rise-set-day",
         "Which day sunrise/transit/sunset belong to: 'local' (the local calendar day of --time, "
         "the default) or 'utc' (the UTC day of the date, the SPA paper's convention).",
         "local|utc", "local"});
    parser.addOption({"json", "Print machine-readable JSON on stdout."});
    if (auto exit = parseArguments(parser, kSub, args, kUsageLine, 0))
        return *exit;
    for (const char* flag : {"lat", "lon", "time"})
        if (!parser.isSet(flag))
            return usage(QString("--%1 is required").arg(flag));
    if (parser.isSet("refraction") && parser.isSet("no-refraction"))
        return usage("--refraction and --no-refraction exclude each other");
    const QString riseSetDay = parser.value("rise-set-day");
    if (riseSetDay != "local" && riseSetDay != "utc")
        return usage("--rise-set-day must be 'local' or 'utc'");

    gis::analysis::SunObserver obs;
    QString message;
    const auto lat = number(parser, "lat", -90, 90, 0, &message);
    const auto lon = number(parser, "lon", -180, 180, 0, &message);
    const auto elevation = number(parser, "elevation", -6500000, 1e9, 0, &message);
    const auto pressure = number(parser, "pressure", 0, 5000, 1013.25, &message);
    const auto temperature = number(parser, "temperature", -272.999, 6000, 12, &message);
    const auto deltaT = number(parser, "delta-t", -8000, 8000, 0, &message);
    if (!message.isEmpty())
        return usage(message);
    obs.latitude = *lat;
    obs.longitude = *lon;
    obs.elevation = *elevation;
    obs.pressure = *pressure;
    obs.temperature = *temperature;
    obs.refraction = !parser.isSet("no-refraction");

    const auto time = parseTime(parser.value("time"));
    if (!time)
        return usage(QString("--time '%1' is not an ISO 8601 date-time (e.g. 2003-10-17T12:30:30-07:00)")
                         .arg(parser.value("time")));
    if (time->wall.year < -2000 || time->wall.year > 6000)
        return usage(QString("--time: year %1 is outside -2000..6000").arg(time->wall.year));

    QStringList notes;
    Zone zone;
    QString tzSource;
    if (parser.isSet("tz")) {
        const QString tzText = parser.value("tz");
        zone.name = tzText;
        if (auto off = parseOffset(tzText)) {
            zone.fixedOffset = off;
        } else {
            zone.tz = QTimeZone(tzText.toUtf8());
            if (!zone.tz.isValid())
                return usage(QString("--tz: unknown time zone '%1' (an IANA name such as Asia/Shanghai, or "
                                     "±HH:MM)")
                                 .arg(tzText));
            zone.name = QString::fromUtf8(zone.tz.id());
        }
        tzSource = "--tz";
    } else if (time->offset) {
        zone.fixedOffset = time->offset;
        zone.name = Zone::offsetText(*time->offset);
        tzSource = "time offset";
    } else {
        zone.fixedOffset = 0;
        zone.name = "UTC";
        tzSource = "default (UTC)";
        notes << "no --tz and no offset in --time: the time was taken as UTC";
    }

    // The instant in UTC.
    gis::analysis::UtcDateTime wall = time->wall;
    if (const std::string e = gis::analysis::validateUtc(wall); !e.empty())
        return usage(QString("--time: %1").arg(QString::fromStdString(e)));
    int offset = 0;
    if (time->offset) {
        offset = *time->offset;
    } else {
        bool shifted = false;
        offset = zone.offsetForLocal(wall, &shifted);
        if (shifted)
            notes << QString("%1 does not exist in %2 (daylight-saving gap); used offset %3")
                         .arg(parser.value("time"), zone.name, Zone::offsetText(offset));
    }
    const double jd = gis::analysis::julianDay(wall) - offset / 86400.0;
    const int displayOffset = zone.offsetAtUtc(jd);
    if (time->offset && parser.isSet("tz") && displayOffset != *time->offset)
        notes << QString("--time has offset %1 but %2 is at %3 then: the instant follows the offset, local "
                         "times are shown in %2")
                     .arg(Zone::offsetText(*time->offset), zone.name, Zone::offsetText(displayOffset));
    const UtcDateTime utc = gis::analysis::utcFromJulianDay(jd);
    const UtcDateTime local = gis::analysis::utcFromJulianDay(jd + displayOffset / 86400.0);

    QString deltaTSource = "--delta-t";
    if (parser.isSet("delta-t")) {
        obs.deltaT = *deltaT;
    } else {
        obs.deltaT = gis::analysis::estimateDeltaT(utc.year, utc.month);
        deltaTSource = "Espenak-Meeus polynomial estimate (NASA/TP-2006-214141)";
    }

    // Day of sunrise/transit/sunset: the local calendar day, at the zone's offset at local noon.
    double dayOffsetHours = 0;
    if (riseSetDay == "local") {
        bool shifted = false;
        dayOffsetHours =
            zone.offsetForLocal({local.year, local.month, local.day, 12, 0, 0}, &shifted) / 3600.0;
    }
    auto spa = gis::analysis::computeSpa(utc, obs, dayOffsetHours);
    if (!spa)
        return fail(kSub, QString::fromStdString(spa.error()));
    const auto& sun = spa->sun;
    const auto& day = spa->day;
    const UtcDateTime dayDate = riseSetDay == "local" ? local : utc;

    std::optional<Event> rise, set;
    const Event transit = event(day.transitJd, zone, dayDate);
    if (day.sunriseJd)
        rise = event(*day.sunriseJd, zone, dayDate);
    if (day.sunsetJd)
        set = event(*day.sunsetJd, zone, dayDate);
    QString kind = "normal";
    if (day.kind == gis::analysis::DayKind::PolarNight) {
        kind = "polar_night";
        notes << "polar night: the sun does not rise on this day (no sunrise, no sunset)";
    } else if (day.kind == gis::analysis::DayKind::MidnightSun) {
        kind = "midnight_sun";
        notes << "midnight sun: the sun does not set on this day (no sunrise, no sunset)";
    }
    for (const Event* e :
         std::initializer_list<const Event*>{rise ? &*rise : nullptr, &transit, set ? &*set : nullptr})
        if (e && e->otherDate) {
            notes << QString("with --rise-set-day %1 some events fall on another local date (see *_datetime)")
                         .arg(riseSetDay);
            break;
        }

    const QString solarTime = hms(sun.solarTime);
    if (parser.isSet("json")) {
        using nlohmann::json;
        auto opt = [](const std::optional<Event>& e, QString Event::*field) {
            return e ? json(((*e).*field).toStdString()) : json(nullptr);
        };
        json j;
        j["zenith"] = sun.zenith;
        j["azimuth"] = sun.azimuth;
        j["elevation"] = sun.elevation;
        j["hour_angle"] = sun.hourAngle;
        j["solar_time"] = solarTime.toStdString();
        j["solar_time_hours"] = sun.solarTime;
        j["sunrise"] = opt(rise, &Event::hms);
        j["transit"] = transit.hms.toStdString();
        j["sunset"] = opt(set, &Event::hms);
        j["sunrise_datetime"] = opt(rise, &Event::local);
        j["transit_datetime"] = transit.local.toStdString();
        j["sunset_datetime"] = opt(set, &Event::local);
        j["sunrise_utc"] = opt(rise, &Event::utc);
        j["transit_utc"] = transit.utc.toStdString();
        j["sunset_utc"] = opt(set, &Event::utc);
        j["day_kind"] = kind.toStdString();
        j["rise_set_day"] = riseSetDay.toStdString();
        j["transit_elevation"] = day.transitElevation;
        j["equation_of_time_minutes"] = sun.equationOfTime;
        j["right_ascension"] = sun.rightAscension;
        j["declination"] = sun.declination;
        j["julian_day"] = sun.julianDay;
        j["julian_ephemeris_day"] = sun.julianEphemerisDay;
        j["utc"] = isoDateTime(jd, 0, true).toStdString();
        j["local_time"] = isoDateTime(jd, displayOffset, false).toStdString();
        j["tz"] = zone.name.toStdString();
        j["utc_offset"] = Zone::offsetText(displayOffset).toStdString();
        j["tz_source"] = tzSource.toStdString();
        j["delta_t"] = obs.deltaT;
        j["delta_t_source"] = deltaTSource.toStdString();
        j["parameters"] = {{"latitude", obs.latitude},
                           {"longitude", obs.longitude},
                           {"elevation", obs.elevation},
                           {"pressure", obs.pressure},
                           {"temperature", obs.temperature},
                           {"delta_t", obs.deltaT},
                           {"refraction", obs.refraction},
                           {"atmos_refract", obs.atmosRefract},
                           {"rise_set_altitude", obs.riseSetAltitude()}};
        j["algorithm"] = "NREL SPA (Reda & Andreas, NREL/TP-560-34302, rev. 2008)";
        if (!notes.isEmpty())
            j["note"] = notes.join("; ").toStdString();
        printOut(QString::fromStdString(j.dump(2)));
        return kOk;
    }
    printOut(QString("Sun at %1 (%2, %3)  lat %4, lon %5")
                 .arg(isoDateTime(jd, displayOffset, false), zone.name, isoDateTime(jd, 0, true))
                 .arg(obs.latitude, 0, 'f', 6)
                 .arg(obs.longitude, 0, 'f', 6));
    printOut(QString("  elevation %1°  azimuth %2° (from north, clockwise)  zenith %3°%4")
                 .arg(sun.elevation, 0, 'f', 5)
                 .arg(sun.azimuth, 0, 'f', 5)
                 .arg(sun.zenith, 0, 'f', 5)
                 .arg(obs.refraction ? "" : "  (no refraction)"));
    printOut(QString("  hour angle %1°  true solar time %2  equation of time %3 min")
                 .arg(sun.hourAngle, 0, 'f', 5)
                 .arg(solarTime)
                 .arg(sun.equationOfTime, 0, 'f', 3));
    printOut(QString("  sunrise %1  transit %2  sunset %3  (%4, %5 day)")
                 .arg(rise ? rise->hms : "--", transit.hms, set ? set->hms : "--", zone.name, riseSetDay));
    printOut(
        QString("  ΔT %1 s (%2)  JD %3").arg(obs.deltaT, 0, 'f', 2).arg(deltaTSource).arg(jd, 0, 'f', 6));
    for (const QString& n : notes)
        printOut("  note: " + n);
    return kOk;
}

} // namespace app::cli
