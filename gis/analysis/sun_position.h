#pragma once
// Sun position: the NREL Solar Position Algorithm (SPA), implemented from Reda & Andreas, "Solar position
// algorithm for solar radiation applications", NREL/TP-560-34302 (2004, revised 2008); stated accuracy
// ±0.0003° for the years -2000..6000. Everything here is in UTC (UT1 ≈ UTC); time zones are the caller's
// business (the CLI and the GUI resolve IANA zones with Qt). Angles are degrees, longitudes east-positive,
// azimuths from north, clockwise (0..360).
#include "gis/result.h"

#include <optional>
#include <span>
#include <string>

namespace gis::analysis {

// A calendar instant in UTC: Gregorian calendar from 1582-10-15, Julian calendar before (as in the paper).
// Astronomical year numbering: year 0 is 1 BC.
struct UtcDateTime {
    int year = 2000, month = 1, day = 1;
    int hour = 0, minute = 0;
    double second = 0; // may carry a fraction
};

// Julian day of a UTC instant (paper eq. 4); no validation. Inverse: utcFromJulianDay.
double julianDay(const UtcDateTime& utc);
UtcDateTime utcFromJulianDay(double jd);

// Estimate of ΔT = TT − UT (seconds) for a decimal year, from the Espenak–Meeus polynomials (NASA Five
// Millennium Canon of Solar Eclipses, 2006). Good to a few seconds for 1900..2030; SPA accepts |ΔT| ≤ 8000.
double estimateDeltaT(double decimalYear);
double estimateDeltaT(int year, int month);

// Where the sun is observed from, and how.
struct SunObserver {
    double latitude = 0;          // degrees, north positive, -90..90
    double longitude = 0;         // degrees, east positive, -180..180
    double elevation = 0;         // metres above sea level
    double pressure = 1013.25;    // mbar (hPa), annual average local; 0..5000
    double temperature = 12;      // °C, annual average local; -273..6000
    double deltaT = 0;            // TT − UT in seconds (estimateDeltaT gives a value for a date)
    bool refraction = true;       // false: elevation/zenith are geometric (topocentric, unrefracted)
    double atmosRefract = 0.5667; // refraction at sunrise/sunset, degrees (|x| <= 5)
    // Apparent altitude of the sun's centre at sunrise/sunset: −(sun radius 0.26667° + atmosRefract) =
    // −0.8333° by default, whatever `refraction` says (sunrise and sunset are defined by the upper limb).
    double riseSetAltitude() const { return -(0.26667 + atmosRefract); }
};

// Position of the sun for one instant.
struct SunPosition {
    double zenith = 0;             // topocentric zenith angle, degrees (refracted when observer.refraction)
    double azimuth = 0;            // topocentric azimuth, degrees from north, clockwise, 0..360
    double elevation = 0;          // 90 − zenith
    double hourAngle = 0;          // topocentric local hour angle H', degrees, -180..180 (negative = morning)
    double rightAscension = 0;     // topocentric α', degrees 0..360
    double declination = 0;        // topocentric δ', degrees
    double equationOfTime = 0;     // minutes (apparent − mean solar time), -20..20
    double solarTime = 0;          // true (apparent) solar time, hours 0..24: UT + longitude/15 + EoT/60
    double julianDay = 0;          // JD (UT)
    double julianEphemerisDay = 0; // JDE (TT)
};

// The paper's intermediate quantities (degrees unless noted), for checking against its worked example.
struct SpaIntermediates {
    double jd = 0, jde = 0, jc = 0, jce = 0, jme = 0;
    double l = 0, b = 0, r = 0; // heliocentric longitude, latitude, radius vector (AU)
    double theta = 0, beta = 0; // geocentric longitude, latitude
    double x[5] = {};           // nutation arguments X0..X4
    double deltaPsi = 0, deltaEpsilon = 0, epsilon0 = 0 /* arcsec */, epsilon = 0;
    double deltaTau = 0, lambda = 0; // aberration correction, apparent sun longitude
    double nu0 = 0, nu = 0;          // mean and apparent sidereal time at Greenwich
    double alpha = 0, delta = 0;     // geocentric right ascension and declination
    double h = 0;                    // geocentric local hour angle (0..360)
    double xi = 0, deltaAlpha = 0;   // equatorial horizontal parallax, parallax in right ascension
    double alphaPrime = 0, deltaPrime = 0, hPrime = 0; // topocentric α', δ', H' (0..360)
    double e0 = 0, deltaE = 0, e = 0;                  // elevation without refraction, refraction, elevation
};

enum class DayKind {
    Normal,     // the sun rises and sets
    PolarNight, // the sun stays below the rise/set altitude all day: no sunrise, no sunset
    MidnightSun // the sun stays above it all day: no sunrise, no sunset
};

// Sunrise, sun transit and sunset of one day (paper appendix A.2), as UTC fractional hours counted from
// 0h UTC of the requested date, and as Julian days. With dayUtcOffsetHours = 0 (the paper's convention) the
// events are those of the UTC day [0h, 24h) of that date; with the offset of a time zone (e.g. +8) they are
// those of the local calendar day, and the hours may fall outside 0..24 (−2.1 = 21:54 UTC the day before).
struct SolarDay {
    DayKind kind = DayKind::Normal;
    double transit = 0;                    // UTC hours
    std::optional<double> sunrise, sunset; // UTC hours; empty on polar night and midnight sun
    double transitJd = 0;
    std::optional<double> sunriseJd, sunsetJd;
    double transitElevation = 0; // geocentric altitude of the sun at transit, degrees (no refraction)
};

struct SpaResult {
    SunPosition sun;
    SolarDay day; // for the date of the instant (UTC date shifted by dayUtcOffsetHours)
    SpaIntermediates detail;
};

// Everything for one instant: validates the inputs (year −2000..6000, |lat| ≤ 90, |lon| ≤ 180, pressure,
// temperature, |ΔT| ≤ 8000 s, ...) and returns an error naming the bad one. `dayUtcOffsetHours` (−18..18)
// picks the calendar day for sunrise/transit/sunset: the day of the instant at that UTC offset.
Result<SpaResult> computeSpa(const UtcDateTime& utc, const SunObserver& observer,
                             double dayUtcOffsetHours = 0);

// Sun position only (no rise/set): the fast path. Validates the inputs.
Result<SunPosition> sunPosition(double julianDayUt, const SunObserver& observer);

// Many instants for one observer: validates once, then no allocation and no per-call site work. `out` must
// be at least as long as `julianDaysUt`.
Status sunPositions(std::span<const double> julianDaysUt, const SunObserver& observer,
                    std::span<SunPosition> out);

// Sunrise, transit and sunset of a calendar date (see SolarDay).
Result<SolarDay> solarDay(int year, int month, int day, const SunObserver& observer,
                          double dayUtcOffsetHours = 0);

// Input checks shared by the functions above; an empty string means valid.
std::string validateObserver(const SunObserver& observer);
std::string validateUtc(const UtcDateTime& utc); // year -2000..6000, existing month/day, time of day

} // namespace gis::analysis
