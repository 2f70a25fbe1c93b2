// NREL SPA (Reda & Andreas, NREL/TP-560-34302, revised 2008), written from the paper: section numbers in the
// comments (3.1 ... 3.15, A.1, A.2) are the paper's. Tables are in spa_tables.h.
#include "gis/analysis/sun_position.h"

#include "gis/analysis/spa_tables.h"

#include <cmath>
#include <cstddef>
#include <numbers>
#include <sstream>

namespace gis::analysis {

namespace {
using namespace spa;

constexpr double kPi = std::numbers::pi;
constexpr double kDeg = kPi / 180.0;
constexpr double kSunRadius = 0.26667; // degrees

double rad(double deg) {
    return deg * kDeg;
}
double deg(double rad) {
    return rad / kDeg;
}

// x in [0, 360)
double limit360(double x) {
    double r = std::fmod(x, 360.0);
    if (r < 0)
        r += 360.0;
    return r >= 360.0 ? 0.0 : r;
}
// x in (-180, 180]
double limit180pm(double x) {
    double r = limit360(x);
    return r > 180.0 ? r - 360.0 : r;
}
double frac(double x) {
    return x - std::floor(x);
}

template <std::size_t N> double earthSum(const EarthTerm (&terms)[N], double jme) {
    double s = 0;
    for (const EarthTerm& t : terms)
        s += t.a * std::cos(t.b + t.c * jme);
    return s;
}

// Horner over the series L0..Ln (eq. 9-11): (S0 + S1 JME + S2 JME^2 + ...) / 1e8.
double polySeries(std::initializer_list<double> s, double jme) {
    double r = 0;
    for (auto it = s.end(); it != s.begin();)
        r = r * jme + *--it;
    return r / 1e8;
}

// Sections 3.1 to 3.8: everything that depends on the time only (geocentric sun, nutation, sidereal time).
void geocentric(double jd, double deltaT, SpaIntermediates& g) {
    g.jd = jd;
    g.jde = jd + deltaT / 86400.0;         // eq. 5
    g.jc = (jd - 2451545.0) / 36525.0;     // eq. 6
    g.jce = (g.jde - 2451545.0) / 36525.0; // eq. 7
    g.jme = g.jce / 10.0;                  // eq. 8
    const double jme = g.jme, jce = g.jce, jc = g.jc;

    // 3.2 heliocentric longitude, latitude, radius vector
    g.l = limit360(deg(polySeries({earthSum(kL0, jme), earthSum(kL1, jme), earthSum(kL2, jme),
                                   earthSum(kL3, jme), earthSum(kL4, jme), earthSum(kL5, jme)},
                                  jme)));
    g.b = deg(polySeries({earthSum(kB0, jme), earthSum(kB1, jme)}, jme));
    g.r = polySeries(
        {earthSum(kR0, jme), earthSum(kR1, jme), earthSum(kR2, jme), earthSum(kR3, jme), earthSum(kR4, jme)},
        jme);
    // 3.3 geocentric
    g.theta = limit360(g.l + 180.0);
    g.beta = -g.b;

    // 3.4 nutation
    const double jce2 = jce * jce, jce3 = jce2 * jce;
    g.x[0] = 297.85036 + 445267.111480 * jce - 0.0019142 * jce2 + jce3 / 189474.0;
    g.x[1] = 357.52772 + 35999.050340 * jce - 0.0001603 * jce2 - jce3 / 300000.0;
    g.x[2] = 134.96298 + 477198.867398 * jce + 0.0086972 * jce2 + jce3 / 56250.0;
    g.x[3] = 93.27191 + 483202.017538 * jce - 0.0036825 * jce2 + jce3 / 327270.0;
    g.x[4] = 125.04452 - 1934.136261 * jce + 0.0020708 * jce2 + jce3 / 450000.0;
    double sumPsi = 0, sumEps = 0;
    for (const NutationTerm& t : kNutation) {
        const double arg =
            rad(g.x[0] * t.y[0] + g.x[1] * t.y[1] + g.x[2] * t.y[2] + g.x[3] * t.y[3] + g.x[4] * t.y[4]);
        sumPsi += (t.a + t.b * jce) * std::sin(arg);
        sumEps += (t.c + t.d * jce) * std::cos(arg);
    }
    g.deltaPsi = sumPsi / 36000000.0;
    g.deltaEpsilon = sumEps / 36000000.0;

    // 3.5 true obliquity of the ecliptic (U = JME / 10)
    const double u = jme / 10.0;
    static constexpr double kEps[] = {84381.448, -4680.93, -1.55, 1999.25, -51.38, -249.67,
                                      -39.05,    7.12,     27.87, 5.79,    2.45};
    double eps0 = 0;
    for (int i = 10; i >= 0; --i)
        eps0 = eps0 * u + kEps[i];
    g.epsilon0 = eps0;
    g.epsilon = eps0 / 3600.0 + g.deltaEpsilon;

    // 3.6 aberration, 3.7 apparent sun longitude
    g.deltaTau = -20.4898 / (3600.0 * g.r);
    g.lambda = g.theta + g.deltaPsi + g.deltaTau;

    // 3.8 apparent sidereal time at Greenwich
    g.nu0 = limit360(280.46061837 + 360.98564736629 * (jd - 2451545.0) + 0.000387933 * jc * jc -
                     jc * jc * jc / 38710000.0);
    const double epsR = rad(g.epsilon);
    g.nu = g.nu0 + g.deltaPsi * std::cos(epsR);

    // 3.9 geocentric right ascension, 3.10 declination
    const double lamR = rad(g.lambda), betaR = rad(g.beta);
    g.alpha = limit360(
        deg(std::atan2(std::sin(lamR) * std::cos(epsR) - std::tan(betaR) * std::sin(epsR), std::cos(lamR))));
    g.delta =
        deg(std::asin(std::sin(betaR) * std::cos(epsR) + std::cos(betaR) * std::sin(epsR) * std::sin(lamR)));
}

// Observer terms that do not change with time (3.12.3 to 3.12.5).
struct Site {
    SunObserver obs;
    double latR, sinLat, cosLat, x, y;
    double refractionFactor; // (P/1010) (283/(273+T))
    explicit Site(const SunObserver& o) : obs(o) {
        latR = rad(o.latitude);
        sinLat = std::sin(latR);
        cosLat = std::cos(latR);
        const double u = std::atan(0.99664719 * std::tan(latR));
        x = std::cos(u) + o.elevation / 6378140.0 * cosLat;
        y = 0.99664719 * std::sin(u) + o.elevation / 6378140.0 * sinLat;
        refractionFactor = (o.pressure / 1010.0) * (283.0 / (273.0 + o.temperature));
    }
};

// Equation of time, minutes (A.1).
double equationOfTime(const SpaIntermediates& g) {
    const double jme = g.jme;
    const double m =
        limit360(280.4664567 + 360007.6982779 * jme + 0.03032028 * jme * jme + std::pow(jme, 3) / 49931.0 -
                 std::pow(jme, 4) / 15300.0 - std::pow(jme, 5) / 2000000.0);
    double e = 4.0 * (m - 0.0057183 - g.alpha + g.deltaPsi * std::cos(rad(g.epsilon)));
    if (e < -20.0)
        e += 1440.0;
    else if (e > 20.0)
        e -= 1440.0;
    return e;
}

// Sections 3.11 to 3.15 for one observer.
void topocentric(const Site& s, SpaIntermediates& g, SunPosition& out) {
    const SunObserver& o = s.obs;
    g.h = limit360(g.nu + o.longitude - g.alpha); // 3.11
    g.xi = 8.794 / (3600.0 * g.r);                // 3.12.1
    const double hR = rad(g.h), xiR = rad(g.xi), deltaR = rad(g.delta);
    const double sinXi = std::sin(xiR), cosH = std::cos(hR), cosDelta = std::cos(deltaR);
    const double den = cosDelta - s.x * sinXi * cosH;
    const double dAlphaR = std::atan2(-s.x * sinXi * std::sin(hR), den);
    g.deltaAlpha = deg(dAlphaR);
    g.alphaPrime = limit360(g.alpha + g.deltaAlpha);
    const double deltaPR = std::atan2((std::sin(deltaR) - s.y * sinXi) * std::cos(dAlphaR), den);
    g.deltaPrime = deg(deltaPR);
    g.hPrime = limit360(g.h - g.deltaAlpha); // 3.13
    const double hpR = rad(g.hPrime);
    // 3.14 topocentric elevation, refraction
    const double cosHp = std::cos(hpR);
    g.e0 = deg(std::asin(s.sinLat * std::sin(deltaPR) + s.cosLat * std::cos(deltaPR) * cosHp));
    g.deltaE = 0;
    if (o.refraction && g.e0 >= -(kSunRadius + o.atmosRefract))
        g.deltaE = s.refractionFactor * 1.02 / (60.0 * std::tan(rad(g.e0 + 10.3 / (g.e0 + 5.11))));
    g.e = g.e0 + g.deltaE;
    // 3.15 azimuth (astronomers' azimuth from south, then +180 for navigators' from north)
    const double gamma = deg(std::atan2(std::sin(hpR), cosHp * s.sinLat - std::tan(deltaPR) * s.cosLat));

    out.zenith = 90.0 - g.e;
    out.elevation = g.e;
    out.azimuth = limit360(gamma + 180.0);
    out.hourAngle = limit180pm(g.hPrime);
    out.rightAscension = g.alphaPrime;
    out.declination = g.deltaPrime;
    out.equationOfTime = equationOfTime(g);
    const double utHours = frac(g.jd + 0.5) * 24.0;
    double st = std::fmod(utHours + o.longitude / 15.0 + out.equationOfTime / 60.0, 24.0);
    if (st < 0)
        st += 24.0;
    out.solarTime = st >= 24.0 ? 0.0 : st;
    out.julianDay = g.jd;
    out.julianEphemerisDay = g.jde;
}

// Valid JD range: 2000 BC (-2000-01-01) to the end of 6000.
const double kMinJd = julianDay({-2000, 1, 1, 0, 0, 0});
const double kMaxJd = julianDay({6001, 1, 1, 0, 0, 0});

std::string validateJd(double jd) {
    if (!std::isfinite(jd))
        return "the time is not a finite number";
    if (jd < kMinJd || jd >= kMaxJd) {
        std::ostringstream s;
        s << "Julian day " << jd << " is outside the years -2000..6000 the SPA is valid for";
        return s.str();
    }
    return {};
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month != 2)
        return kDays[month - 1];
    const bool gregorian = year > 1582;
    const bool leap = gregorian ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) : (year % 4 == 0);
    return leap ? 29 : 28;
}

} // namespace

std::string validateUtc(const UtcDateTime& t) {
    std::ostringstream s;
    if (t.year < -2000 || t.year > 6000)
        s << "year " << t.year << " is outside -2000..6000, the range the SPA is valid for";
    else if (t.month < 1 || t.month > 12)
        s << "month " << t.month << " must be 1..12";
    else if (t.day < 1 || t.day > daysInMonth(t.year, t.month))
        s << "day " << t.day << " does not exist in " << t.year << "-" << t.month;
    else if (t.hour < 0 || t.hour > 24 || (t.hour == 24 && (t.minute > 0 || t.second > 0)))
        s << "hour " << t.hour << " must be 0..23 (or 24:00:00)";
    else if (t.minute < 0 || t.minute > 59)
        s << "minute " << t.minute << " must be 0..59";
    else if (!std::isfinite(t.second) || t.second < 0 || t.second >= 61)
        s << "second " << t.second << " must be 0..60";
    return s.str();
}

namespace {

// Appendix A.2 for the day starting at jdStart (UT) and lasting 24 h.
SolarDay riseTransitSet(double jdStart, const SunObserver& o) {
    // Reference date D: 0h UT of the UT day holding the middle of the window; the window starts w0 days
    // after it (w0 = 0 for the paper's convention, |w0| <= 0.5 otherwise).
    const double jd0 = std::floor(jdStart + 1.0) - 0.5;
    const double w0 = jdStart - jd0;
    SpaIntermediates g[3];
    for (int i = 0; i < 3; ++i)
        geocentric(jd0 + (i - 1), 0.0, g[i]); // 0h TT of D-1, D, D+1 (ΔT = 0)
    const double nu = g[1].nu;                // apparent sidereal time at 0h UT of D
    const double lat = rad(o.latitude), sinLat = std::sin(lat), cosLat = std::cos(lat);
    const double h0 = o.riseSetAltitude();

    auto wrap = [w0](double m) { return w0 + frac(m - w0); };
    SolarDay day;
    double m[3]; // transit, sunrise, sunset (day fractions from jd0)
    m[0] = wrap((g[1].alpha - o.longitude - nu) / 360.0);
    const double delta0 = rad(g[1].delta);
    const double arg = (std::sin(rad(h0)) - sinLat * std::sin(delta0)) / (cosLat * std::cos(delta0));
    double hour0 = 0;
    if (!(std::abs(arg) <= 1.0)) // also catches the division by ~0 at the poles
        day.kind = arg > 0 ? DayKind::PolarNight : DayKind::MidnightSun;
    else
        hour0 = deg(std::acos(arg)); // 0..180
    m[1] = wrap(m[0] - hour0 / 360.0);
    m[2] = wrap(m[0] + hour0 / 360.0);

    // Interpolated α', δ', local hour angle H' and altitude h at each event.
    const double aA = limit180pm(g[1].alpha - g[0].alpha), bA = limit180pm(g[2].alpha - g[1].alpha);
    const double aD = g[1].delta - g[0].delta, bD = g[2].delta - g[1].delta;
    double hp[3], alt[3], dp[3];
    for (int i = 0; i < 3; ++i) {
        const double nui = nu + 360.985647 * m[i];
        const double n = m[i] + o.deltaT / 86400.0;
        const double ap = g[1].alpha + n * (aA + bA + (bA - aA) * n) / 2.0;
        dp[i] = rad(g[1].delta + n * (aD + bD + (bD - aD) * n) / 2.0);
        hp[i] = limit180pm(nui + o.longitude - ap);
        alt[i] = deg(std::asin(sinLat * std::sin(dp[i]) + cosLat * std::cos(dp[i]) * std::cos(rad(hp[i]))));
    }
    const double transit = m[0] - hp[0] / 360.0;
    day.transitJd = jd0 + transit;
    day.transitElevation = alt[0];
    if (day.kind == DayKind::Normal) {
        auto refine = [&](int i) {
            return m[i] + (alt[i] - h0) / (360.0 * std::cos(dp[i]) * cosLat * std::sin(rad(hp[i])));
        };
        day.sunriseJd = jd0 + refine(1);
        day.sunsetJd = jd0 + refine(2);
    }
    return day;
}

} // namespace

double julianDay(const UtcDateTime& t) {
    int y = t.year, m = t.month;
    const double dayDecimal = t.day + (t.hour + (t.minute + t.second / 60.0) / 60.0) / 24.0;
    if (m < 3) {
        m += 12;
        --y;
    }
    double jd = std::trunc(365.25 * (y + 4716.0)) + std::trunc(30.6001 * (m + 1)) + dayDecimal - 1524.5;
    if (jd > 2299160.0) { // Gregorian calendar
        const double a = std::trunc(y / 100.0);
        jd += 2 - a + std::trunc(a / 4);
    }
    return jd;
}

UtcDateTime utcFromJulianDay(double jd) {
    // Meeus, Astronomical Algorithms ch. 7; time of day rounded to the microsecond.
    double z = std::floor(jd + 0.5);
    double f = jd + 0.5 - z;
    double us = std::round(f * 86400e6);
    if (us >= 86400e6) {
        us -= 86400e6;
        z += 1;
    }
    double a = z;
    if (z >= 2299161) {
        const double alpha = std::floor((z - 1867216.25) / 36524.25);
        a = z + 1 + alpha - std::floor(alpha / 4);
    }
    const double b = a + 1524;
    const double c = std::floor((b - 122.1) / 365.25);
    const double d = std::floor(365.25 * c);
    const double e = std::floor((b - d) / 30.6001);
    UtcDateTime t;
    t.day = int(b - d - std::floor(30.6001 * e));
    t.month = int(e < 14 ? e - 1 : e - 13);
    t.year = int(t.month > 2 ? c - 4716 : c - 4715);
    const long long usl = (long long)us;
    t.hour = int(usl / 3600000000LL);
    t.minute = int(usl / 60000000LL % 60);
    t.second = double(usl % 60000000LL) / 1e6;
    return t;
}

double estimateDeltaT(int year, int month) {
    return estimateDeltaT(year + (month - 0.5) / 12.0);
}

double estimateDeltaT(double y) {
    // Espenak & Meeus, "Five Millennium Canon of Solar Eclipses" (NASA/TP-2006-214141), section 2.6.
    auto poly = [](double t, std::initializer_list<double> c) {
        double r = 0;
        for (auto it = c.end(); it != c.begin();)
            r = r * t + *--it;
        return r;
    };
    const double longTerm = -20 + 32 * std::pow((y - 1820) / 100, 2);
    if (y < -500)
        return longTerm;
    if (y < 500)
        return poly(y / 100, {10583.6, -1014.41, 33.78311, -5.952053, -0.1798452, 0.022174192, 0.0090316521});
    if (y < 1600)
        return poly((y - 1000) / 100,
                    {1574.2, -556.01, 71.23472, 0.319781, -0.8503463, -0.005050998, 0.0083572073});
    if (y < 1700)
        return poly(y - 1600, {120, -0.9808, -0.01532, 1.0 / 7129});
    if (y < 1800)
        return poly(y - 1700, {8.83, 0.1603, -0.0059285, 0.00013336, -1.0 / 1174000});
    if (y < 1860)
        return poly(y - 1800, {13.72, -0.332447, 0.0068612, 0.0041116, -0.00037436, 0.0000121272,
                               -0.0000001699, 0.000000000875});
    if (y < 1900)
        return poly(y - 1860, {7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1.0 / 233174});
    if (y < 1920)
        return poly(y - 1900, {-2.79, 1.494119, -0.0598939, 0.0061966, -0.000197});
    if (y < 1941)
        return poly(y - 1920, {21.20, 0.84493, -0.076100, 0.0020936});
    if (y < 1961)
        return poly(y - 1950, {29.07, 0.407, -1.0 / 233, 1.0 / 2547});
    if (y < 1986)
        return poly(y - 1975, {45.45, 1.067, -1.0 / 260, -1.0 / 718});
    if (y < 2005)
        return poly(y - 2000, {63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599});
    if (y < 2050)
        return poly(y - 2000, {62.92, 0.32217, 0.005589});
    if (y < 2150)
        return longTerm - 0.5628 * (2150 - y);
    return longTerm;
}

std::string validateObserver(const SunObserver& o) {
    std::ostringstream s;
    auto bad = [](double v, double lo, double hi) { return !std::isfinite(v) || v < lo || v > hi; };
    if (bad(o.latitude, -90, 90))
        s << "latitude " << o.latitude << " must be within -90..90 degrees";
    else if (bad(o.longitude, -180, 180))
        s << "longitude " << o.longitude << " must be within -180..180 degrees";
    else if (bad(o.elevation, -6500000, 1e9))
        s << "elevation " << o.elevation << " m must be at least -6500000 m";
    else if (bad(o.pressure, 0, 5000))
        s << "pressure " << o.pressure << " mbar must be within 0..5000 mbar";
    else if (bad(o.temperature, -273, 6000) || o.temperature <= -273)
        s << "temperature " << o.temperature << " °C must be above -273 °C and at most 6000 °C";
    else if (bad(o.deltaT, -8000, 8000))
        s << "delta T " << o.deltaT << " s must be within -8000..8000 s";
    else if (bad(o.atmosRefract, -5, 5))
        s << "atmospheric refraction at the horizon " << o.atmosRefract << " must be within -5..5 degrees";
    return s.str();
}

Result<SunPosition> sunPosition(double jd, const SunObserver& observer) {
    if (std::string e = validateJd(jd); !e.empty())
        return Error{e};
    if (std::string e = validateObserver(observer); !e.empty())
        return Error{e};
    SpaIntermediates g;
    geocentric(jd, observer.deltaT, g);
    SunPosition p;
    topocentric(Site(observer), g, p);
    return p;
}

Status sunPositions(std::span<const double> jds, const SunObserver& observer, std::span<SunPosition> out) {
    if (out.size() < jds.size())
        return Error{"sunPositions: the output span is shorter than the input"};
    if (std::string e = validateObserver(observer); !e.empty())
        return Error{e};
    for (double jd : jds)
        if (std::string e = validateJd(jd); !e.empty())
            return Error{e};
    const Site site(observer);
    SpaIntermediates g;
    for (std::size_t i = 0; i < jds.size(); ++i) {
        geocentric(jds[i], observer.deltaT, g);
        topocentric(site, g, out[i]);
    }
    return Status::ok();
}

Result<SolarDay> solarDay(int year, int month, int day, const SunObserver& observer,
                          double dayUtcOffsetHours) {
    if (std::string e = validateUtc({year, month, day, 12, 0, 0}); !e.empty())
        return Error{e};
    if (std::string e = validateObserver(observer); !e.empty())
        return Error{e};
    if (!std::isfinite(dayUtcOffsetHours) || std::abs(dayUtcOffsetHours) > 18)
        return Error{"the UTC offset of the day must be within -18..18 hours"};
    const double jdDate = julianDay({year, month, day, 0, 0, 0});
    SolarDay d = riseTransitSet(jdDate - dayUtcOffsetHours / 24.0, observer);
    d.transit = (d.transitJd - jdDate) * 24.0;
    if (d.sunriseJd)
        d.sunrise = (*d.sunriseJd - jdDate) * 24.0;
    if (d.sunsetJd)
        d.sunset = (*d.sunsetJd - jdDate) * 24.0;
    return d;
}

Result<SpaResult> computeSpa(const UtcDateTime& utc, const SunObserver& observer, double dayUtcOffsetHours) {
    if (std::string e = validateUtc(utc); !e.empty())
        return Error{e};
    if (std::string e = validateObserver(observer); !e.empty())
        return Error{e};
    if (!std::isfinite(dayUtcOffsetHours) || std::abs(dayUtcOffsetHours) > 18)
        return Error{"the UTC offset of the day must be within -18..18 hours"};
    SpaResult r;
    const double jd = julianDay(utc);
    geocentric(jd, observer.deltaT, r.detail);
    topocentric(Site(observer), r.detail, r.sun);
    const UtcDateTime local = utcFromJulianDay(jd + dayUtcOffsetHours / 24.0);
    auto day = solarDay(local.year, local.month, local.day, observer, dayUtcOffsetHours);
    if (!day)
        return Error{day.error()};
    r.day = day.value();
    return r;
}

} // namespace gis::analysis
