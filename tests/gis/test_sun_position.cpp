// NREL SPA against the worked example of Reda & Andreas (NREL/TP-560-34302, rev. 2008, Table A5.1 and the
// sunrise/transit/sunset it lists), plus refraction, polar days, the equation of time and input checks.
#include "gis/analysis/sun_position.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace gis::analysis;

namespace {
// The paper's example: 2003-10-17 12:30:30 local time, zone −7, Golden (Colorado).
SunObserver golden() {
    SunObserver o;
    o.latitude = 39.742476;
    o.longitude = -105.1786;
    o.elevation = 1830.14;
    o.pressure = 820;
    o.temperature = 11;
    o.deltaT = 67;
    o.atmosRefract = 0.5667;
    return o;
}
const UtcDateTime kExampleUtc{2003, 10, 17, 19, 30, 30}; // 12:30:30 − (−7 h)

// Local "HH:MM:SS" of UTC hours at a zone offset, truncated to the second as the paper prints it.
QString hms(double utcHours, double zone) {
    double h = std::fmod(utcHours + zone, 24.0);
    if (h < 0)
        h += 24;
    const long s = long(std::floor(h * 3600 + 1e-6));
    return QString::asprintf("%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
}

#define NEAR(actual, expected, tol)                                                                          \
    QVERIFY2(std::abs((actual) - (expected)) <= (tol), qPrintable(QString("%1 = %2, expected %3 ± %4")       \
                                                                      .arg(#actual)                          \
                                                                      .arg(actual, 0, 'f', 10)               \
                                                                      .arg(expected, 0, 'f', 10)             \
                                                                      .arg(tol)))
} // namespace

class TestSunPosition : public QObject {
    Q_OBJECT
private slots:
    void workedExampleIntermediates() {
        auto r = computeSpa(kExampleUtc, golden());
        QVERIFY2(r.isOk(), r.error().c_str());
        const SpaIntermediates& d = r->detail;
        // Each to the paper's printed precision (half a unit of the last printed digit).
        NEAR(d.jd, 2452930.312847, 5e-7);
        NEAR(d.l, 24.0182616917, 5e-11);
        NEAR(d.b, -0.0001011219, 5e-11);
        NEAR(d.r, 0.9965422974, 5e-11);
        NEAR(d.theta, 204.0182616917, 5e-11);
        NEAR(d.beta, 0.0001011219, 5e-11);
        NEAR(d.deltaPsi, -0.00399840, 5e-9);
        NEAR(d.deltaEpsilon, 0.00166657, 5e-9);
        NEAR(d.epsilon, 23.440465, 5e-7);
        NEAR(d.lambda, 204.0085519281, 5e-11);
        NEAR(d.alpha, 202.22741, 5e-6);
        NEAR(d.delta, -9.31434, 5e-6);
        NEAR(d.h, 11.105900, 5e-6);
        NEAR(d.hPrime, d.h - d.deltaAlpha, 1e-12); // H' = H − Δα (3.13)
        NEAR(d.alphaPrime, 202.22704, 5e-6);
        NEAR(d.deltaPrime, -9.316179, 5e-7);
        NEAR(d.e0, 39.872046, 5e-7);
        NEAR(d.e, 39.888378, 5e-7);
    }
    void workedExampleZenithAzimuth() {
        auto r = computeSpa(kExampleUtc, golden());
        QVERIFY(r.isOk());
        NEAR(r->sun.zenith, 50.11162, 5e-6);
        NEAR(r->sun.azimuth, 194.34024, 5e-6);
        NEAR(r->sun.elevation, 90 - r->sun.zenith, 1e-12);
        NEAR(r->sun.hourAngle, r->detail.hPrime, 1e-12); // 11.10627°, within −180..180
        NEAR(r->sun.julianDay, 2452930.312847, 5e-7);
        // The fast paths agree with the full computation.
        auto p = sunPosition(julianDay(kExampleUtc), golden());
        QVERIFY(p.isOk());
        QCOMPARE(p->zenith, r->sun.zenith);
        QCOMPARE(p->azimuth, r->sun.azimuth);
    }
    void workedExampleRiseTransitSet() {
        // The paper's convention: the UTC day of the date, shown in local time (zone −7).
        auto r = computeSpa(kExampleUtc, golden(), 0);
        QVERIFY(r.isOk());
        const SolarDay& d = r->day;
        QCOMPARE(d.kind, DayKind::Normal);
        QVERIFY(d.sunrise && d.sunset);
        QCOMPARE(hms(*d.sunrise, -7), QString("06:12:43"));
        QCOMPARE(hms(d.transit, -7), QString("11:46:04"));
        QCOMPARE(hms(*d.sunset, -7), QString("17:20:19"));
        QVERIFY(*d.sunrise >= 0 && *d.sunrise < 24 && d.transit >= 0 && d.transit < 24);
        // The paper's 17:20:19 is 00:20:19 UTC, i.e. the evening of 16 October local time. For the local
        // calendar day (offset −7) the sunset is that of the 17th, a minute and a half earlier; sunrise and
        // transit are the same events.
        auto local = computeSpa(kExampleUtc, golden(), -7);
        QVERIFY(local.isOk());
        NEAR(*local->day.sunrise, *d.sunrise, 1e-9);
        NEAR(local->day.transit, d.transit, 1e-9);
        QCOMPARE(hms(*local->day.sunset, -7), QString("17:18:51"));
        QVERIFY(*local->day.sunset > 24); // 00:18:51 UTC on the 18th
        auto oct16 = solarDay(2003, 10, 16, golden(), -7);
        QVERIFY(oct16.isOk());
        QCOMPARE(hms(*oct16->sunset, -7), QString("17:20:19"));
    }
    void equationOfTimeAndSolarTimeInTheExample() {
        auto r = computeSpa(kExampleUtc, golden());
        QVERIFY(r.isOk());
        NEAR(r->sun.equationOfTime, 14.641503, 5e-4); // the paper's tester prints 14.641503 min
        // True solar time = UT + longitude/15 + EoT.
        NEAR(r->sun.solarTime, 19.508333333 - 105.1786 / 15 + r->sun.equationOfTime / 60, 1e-6);
    }
    void refractionOff() {
        SunObserver o = golden();
        o.refraction = false;
        auto r = computeSpa(kExampleUtc, o);
        QVERIFY(r.isOk());
        NEAR(r->sun.elevation, 39.872046, 5e-7); // e0 of the paper, uncorrected
        NEAR(r->sun.zenith, 90 - 39.872046, 5e-7);
        NEAR(r->sun.azimuth, 194.34024, 5e-6); // refraction does not move the azimuth
        NEAR(r->detail.deltaE, 0.0, 0.0);
        // Below the horizon refraction is never applied, even when on.
        SunObserver night = golden();
        auto n = computeSpa({2003, 10, 17, 7, 0, 0}, night);
        QVERIFY(n.isOk());
        QVERIFY(n->sun.elevation < -10);
        QCOMPARE(n->detail.deltaE, 0.0);
    }
    void polarNightAndMidnightSun() {
        SunObserver o;
        o.latitude = 80;
        o.longitude = 15;
        auto night = computeSpa({2024, 12, 21, 12, 0, 0}, o);
        QVERIFY(night.isOk());
        QCOMPARE(night->day.kind, DayKind::PolarNight);
        QVERIFY(!night->day.sunrise && !night->day.sunset && !night->day.sunriseJd && !night->day.sunsetJd);
        QVERIFY(std::isfinite(night->day.transit));
        NEAR(night->day.transitElevation, 90 - 80 - 23.44, 0.05);
        QVERIFY(night->sun.elevation < 0 && std::isfinite(night->sun.azimuth));

        auto sun = computeSpa({2024, 6, 21, 12, 0, 0}, o);
        QVERIFY(sun.isOk());
        QCOMPARE(sun->day.kind, DayKind::MidnightSun);
        QVERIFY(!sun->day.sunrise && !sun->day.sunset);
        NEAR(sun->day.transitElevation, 90 - 80 + 23.44, 0.05);
        QVERIFY(sun->sun.elevation > 0);

        // The poles themselves give defined values too.
        for (double lat : {90.0, -90.0}) {
            o.latitude = lat;
            auto p = computeSpa({2024, 3, 1, 0, 0, 0}, o);
            QVERIFY2(p.isOk(), p.error().c_str());
            QVERIFY(std::isfinite(p->sun.zenith) && std::isfinite(p->sun.azimuth));
            QCOMPARE(p->day.kind, lat > 0 ? DayKind::PolarNight : DayKind::MidnightSun);
        }
    }
    void equationOfTimeKnownValues() {
        SunObserver o;
        o.deltaT = estimateDeltaT(2024, 11);
        auto nov = computeSpa({2024, 11, 3, 12, 0, 0}, o);
        QVERIFY(nov.isOk());
        NEAR(nov->sun.equationOfTime, 16.45, 0.1); // the yearly maximum, about +16.4 min
        auto feb = computeSpa({2024, 2, 11, 12, 0, 0}, o);
        QVERIFY(feb.isOk());
        NEAR(feb->sun.equationOfTime, -14.2, 0.1); // the yearly minimum, about −14.2 min
    }
    void solarNoonIsHourAngleZero() {
        SunObserver o;
        o.latitude = 31.23; // Shanghai
        o.longitude = 121.47;
        o.deltaT = estimateDeltaT(2025, 1);
        o.refraction = false;
        auto day = solarDay(2025, 1, 20, o, 8);
        QVERIFY(day.isOk());
        auto atTransit = sunPosition(day->transitJd, o);
        QVERIFY(atTransit.isOk());
        NEAR(atTransit->hourAngle, 0.0, 0.003); // topocentric H' vs. geocentric transit: parallax only
        NEAR(atTransit->solarTime, 12.0, 1.0 / 3600);
        NEAR(atTransit->azimuth, 180.0, 0.01);
        // Local sunrise/sunset lie in the local day (UTC+8) and straddle transit.
        QVERIFY(*day->sunrise > -8 && *day->sunset < 16 && *day->sunrise < day->transit &&
                day->transit < *day->sunset);
        // At sunrise the geometric altitude is the rise/set altitude −0.8333° ...
        auto geo = sunPosition(*day->sunriseJd, o);
        NEAR(geo->elevation, -0.8333, 0.01);
        // ... (topocentric parallax puts it 0.002° lower), where the paper applies no refraction yet (only
        // from −0.8333° up); five minutes later the sun is refracted up by about half a degree.
        SunObserver refr = o;
        refr.refraction = true;
        auto atRise = sunPosition(*day->sunriseJd, refr);
        QVERIFY(atRise.isOk());
        NEAR(atRise->elevation, geo->elevation, 1e-12);
        auto later = sunPosition(*day->sunriseJd + 5.0 / 1440, refr);
        auto laterGeo = sunPosition(*day->sunriseJd + 5.0 / 1440, o);
        NEAR(later->elevation - laterGeo->elevation, 0.5, 0.15);
    }
    void batchMatchesSingle() {
        std::vector<double> jds;
        for (int i = 0; i < 1440; ++i)
            jds.push_back(julianDay({2024, 12, 21, 0, 0, 0}) + i / 1440.0);
        std::vector<SunPosition> out(jds.size());
        SunObserver o = golden();
        QVERIFY(sunPositions(jds, o, out).isOk());
        for (std::size_t i = 0; i < jds.size(); i += 97) {
            auto p = sunPosition(jds[i], o);
            QCOMPARE(out[i].zenith, p->zenith);
            QCOMPARE(out[i].azimuth, p->azimuth);
        }
        std::vector<SunPosition> tooShort(3);
        QVERIFY(!sunPositions(jds, o, tooShort).isOk());
    }
    void julianDayRoundTrip() {
        NEAR(julianDay({2000, 1, 1, 12, 0, 0}), 2451545.0, 1e-9);
        NEAR(julianDay({1582, 10, 15, 0, 0, 0}), 2299160.5, 1e-9);
        NEAR(julianDay({1582, 10, 4, 0, 0, 0}), 2299159.5, 1e-9); // Julian calendar, the day before
        NEAR(julianDay({-1000, 2, 29, 0, 0, 0}), 1355866.5, 1e-9);
        for (const UtcDateTime t :
             {UtcDateTime{2003, 10, 17, 19, 30, 30}, UtcDateTime{-1500, 3, 1, 6, 7, 8.5},
              UtcDateTime{5999, 12, 31, 23, 59, 59}}) {
            const UtcDateTime back = utcFromJulianDay(julianDay(t));
            QCOMPARE(back.year, t.year);
            QCOMPARE(back.month, t.month);
            QCOMPARE(back.day, t.day);
            QCOMPARE(back.hour, t.hour);
            QCOMPARE(back.minute, t.minute);
            NEAR(back.second, t.second, 1e-3);
        }
    }
    void deltaTEstimate() {
        NEAR(estimateDeltaT(2003.79), 64.5, 1.0); // observed ≈ 64.5 s
        NEAR(estimateDeltaT(1950.0), 29.07, 0.01);
        NEAR(estimateDeltaT(1900.0), -2.79, 0.01);
        QVERIFY(estimateDeltaT(-1000.0) > 20000); // far past: hours
        QVERIFY(std::isfinite(estimateDeltaT(6000.0)));
    }
    void badInputsAreErrors() {
        SunObserver o = golden();
        auto expectError = [](const auto& r, const char* word) {
            QVERIFY(!r.isOk());
            QVERIFY2(r.error().find(word) != std::string::npos, r.error().c_str());
        };
        expectError(computeSpa({7000, 1, 1, 0, 0, 0}, o), "year");
        expectError(computeSpa({-2001, 1, 1, 0, 0, 0}, o), "year");
        expectError(computeSpa({2003, 13, 1, 0, 0, 0}, o), "month");
        expectError(computeSpa({2003, 2, 29, 0, 0, 0}, o), "day");
        expectError(computeSpa({2003, 2, 1, 25, 0, 0}, o), "hour");
        expectError(computeSpa({2003, 2, 1, 1, 60, 0}, o), "minute");
        expectError(computeSpa({2003, 2, 1, 1, 0, -1}, o), "second");
        SunObserver b = o;
        b.latitude = 90.5;
        expectError(computeSpa(kExampleUtc, b), "latitude");
        b = o;
        b.longitude = -181;
        expectError(sunPosition(2452930.3, b), "longitude");
        b = o;
        b.pressure = 6000;
        expectError(computeSpa(kExampleUtc, b), "pressure");
        b = o;
        b.temperature = -300;
        expectError(computeSpa(kExampleUtc, b), "temperature");
        b = o;
        b.deltaT = 9000;
        expectError(computeSpa(kExampleUtc, b), "delta T");
        b = o;
        b.latitude = std::nan("");
        expectError(computeSpa(kExampleUtc, b), "latitude");
        expectError(sunPosition(0.0, o), "Julian day");
        expectError(sunPosition(std::numeric_limits<double>::infinity(), o), "finite");
        expectError(solarDay(2003, 10, 17, o, 20), "offset");
        const std::vector<double> jds{2452930.3, 1e9};
        std::vector<SunPosition> out(2);
        QVERIFY(!sunPositions(jds, o, out).isOk());
    }
};

QTEST_APPLESS_MAIN(TestSunPosition)
#include "test_sun_position.moc"
