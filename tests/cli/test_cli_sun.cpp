// Drives `urbis-cli sun-position`: the SPA paper's worked example end to end, time zones, exit codes.
#include "common/cli_runner.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>

namespace {
using Run = urbis_test::CliRun;

Run cli(const QStringList& args) {
    return urbis_test::runCli(QStringList{"sun-position"} + args);
}

// The paper's site and atmosphere (Golden, Colorado), ΔT 67 s.
const QStringList kGolden{"--lat",      "39.742476", "--lon",         "-105.1786", "--elevation", "1830.14",
                          "--pressure", "820",       "--temperature", "11",        "--delta-t",   "67"};

#define NEAR(actual, expected, tol)                                                                          \
    QVERIFY2(std::abs((actual) - (expected)) <= (tol),                                                       \
             qPrintable(QString("%1 = %2, expected %3").arg(#actual).arg(actual, 0, 'f', 8).arg(expected)))
} // namespace

class TestCliSun : public QObject {
    Q_OBJECT
private slots:
    void workedExample() {
        Run r = cli(kGolden + QStringList{"--time", "2003-10-17T12:30:30-07:00", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        NEAR(j["zenith"].toDouble(), 50.11162, 1e-4);
        NEAR(j["azimuth"].toDouble(), 194.34024, 1e-4);
        NEAR(j["elevation"].toDouble(), 90 - 50.11162, 1e-4);
        NEAR(j["hour_angle"].toDouble(), 11.10627, 1e-4);
        NEAR(j["julian_day"].toDouble(), 2452930.312847, 1e-6);
        NEAR(j["equation_of_time_minutes"].toDouble(), 14.6415, 1e-3);
        QCOMPARE(j["sunrise"].toString(), QString("06:12:43"));
        QCOMPARE(j["transit"].toString(), QString("11:46:04"));
        QCOMPARE(j["utc"].toString(), QString("2003-10-17T19:30:30.000Z"));
        QCOMPARE(j["tz_source"].toString(), QString("time offset"));
        QCOMPARE(j["delta_t"].toDouble(), 67.0);
        QCOMPARE(j["solar_time"].toString(), QString("12:44:25"));
        QVERIFY(j["parameters"].toObject()["refraction"].toBool());
        // Default: the local calendar day, whose sunset is 17:18:51. The paper's 17:20:19 is the sunset of
        // the UTC day of the date (00:20:19 UTC = the evening of the 16th locally): --rise-set-day utc.
        QCOMPARE(j["rise_set_day"].toString(), QString("local"));
        QCOMPARE(j["sunset"].toString(), QString("17:18:51"));
        QCOMPARE(j["sunset_datetime"].toString().left(10), QString("2003-10-17"));
        Run paper = cli(
            kGolden + QStringList{"--time", "2003-10-17T12:30:30-07:00", "--rise-set-day", "utc", "--json"});
        QVERIFY2(paper.code == 0, paper.err.constData());
        const QJsonObject p = paper.json();
        QCOMPARE(p["sunrise"].toString(), QString("06:12:43"));
        QCOMPARE(p["transit"].toString(), QString("11:46:04"));
        QCOMPARE(p["sunset"].toString(), QString("17:20:19"));
        QCOMPARE(p["zenith"].toDouble(), j["zenith"].toDouble());
    }
    void refractionOffAndText() {
        Run r =
            cli(kGolden + QStringList{"--time", "2003-10-17T12:30:30-07:00", "--no-refraction", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        NEAR(r.json()["elevation"].toDouble(), 39.872046, 1e-5);
        QVERIFY(!r.json()["parameters"].toObject()["refraction"].toBool());
        Run text = cli(kGolden + QStringList{"--time", "2003-10-17T12:30:30-07:00"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("194.34024") && text.out.contains("06:12:43"), text.out.constData());
    }
    void ianaZoneFollowsDaylightSaving() {
        // Denver is UTC−6 in summer (MDT) and UTC−7 in winter (MST); 17 Oct 2003 was still MDT.
        const QList<std::pair<QString, QString>> cases{{"2003-07-17T12:30:30", "-06:00"},
                                                       {"2003-10-17T12:30:30", "-06:00"},
                                                       {"2003-12-17T12:30:30", "-07:00"}};
        for (const auto& [wall, offset] : cases) {
            Run zone = cli(kGolden + QStringList{"--time", wall, "--tz", "America/Denver", "--json"});
            Run fixed = cli(kGolden + QStringList{"--time", wall + offset, "--json"});
            QVERIFY2(zone.code == 0 && fixed.code == 0, zone.err.constData());
            const QJsonObject z = zone.json(), f = fixed.json();
            QCOMPARE(z["utc"].toString(), f["utc"].toString());
            QCOMPARE(z["zenith"].toDouble(), f["zenith"].toDouble());
            QCOMPARE(z["azimuth"].toDouble(), f["azimuth"].toDouble());
            QCOMPARE(z["sunrise"].toString(), f["sunrise"].toString());
            QCOMPARE(z["sunset"].toString(), f["sunset"].toString());
            QCOMPARE(z["utc_offset"].toString(), offset);
            QCOMPARE(z["tz"].toString(), QString("America/Denver"));
            QCOMPARE(z["tz_source"].toString(), QString("--tz"));
        }
        // The same wall-clock time in MST (−7) is an hour later in UTC than in MDT (−6).
        Run mst = cli(kGolden + QStringList{"--time", "2003-10-17T12:30:30-07:00", "--json"});
        Run mdt =
            cli(kGolden + QStringList{"--time", "2003-10-17T12:30:30", "--tz", "America/Denver", "--json"});
        NEAR(mst.json()["julian_day"].toDouble() - mdt.json()["julian_day"].toDouble(), 1.0 / 24, 1e-7);
    }
    void utcDefaultIsStated() {
        Run r = cli({"--lat", "31.23", "--lon", "121.47", "--time", "2025-01-20T04:00:00", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        QCOMPARE(j["tz"].toString(), QString("UTC"));
        QCOMPARE(j["tz_source"].toString(), QString("default (UTC)"));
        QVERIFY(j["note"].toString().contains("UTC"));
        QVERIFY(j["delta_t_source"].toString().contains("Espenak"));
        Run sh = cli({"--lat", "31.23", "--lon", "121.47", "--time", "2025-01-20T12:00:00", "--tz",
                      "Asia/Shanghai", "--json"});
        QVERIFY2(sh.code == 0, sh.err.constData());
        QCOMPARE(sh.json()["utc"].toString(), j["utc"].toString());
        QCOMPARE(sh.json()["sunrise_datetime"].toString().left(10), QString("2025-01-20"));
    }
    void polarNightHasNullSunrise() {
        Run r = cli({"--lat", "80", "--lon", "15", "--time", "2024-12-21T12:00:00Z", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject j = r.json();
        QVERIFY(j["sunrise"].isNull() && j["sunset"].isNull());
        QCOMPARE(j["day_kind"].toString(), QString("polar_night"));
        QVERIFY(j["note"].toString().contains("polar night"));
        QVERIFY(!j["transit"].toString().isEmpty());
        Run midsummer = cli({"--lat", "80", "--lon", "15", "--time", "2024-06-21T12:00:00Z", "--json"});
        QCOMPARE(midsummer.code, 0);
        QCOMPARE(midsummer.json()["day_kind"].toString(), QString("midnight_sun"));
        QVERIFY(midsummer.json()["sunset"].isNull());
    }
    void usageErrorsExitTwo() {
        const QList<std::pair<QStringList, QString>> bad{
            {{"--lon", "0", "--time", "2020-01-01"}, "--lat"},
            {{"--lat", "0", "--time", "2020-01-01"}, "--lon"},
            {{"--lat", "0", "--lon", "0"}, "--time"},
            {{"--lat", "95", "--lon", "0", "--time", "2020-01-01"}, "--lat"},
            {{"--lat", "0", "--lon", "200", "--time", "2020-01-01"}, "--lon"},
            {{"--lat", "0", "--lon", "0", "--time", "yesterday"}, "--time"},
            {{"--lat", "0", "--lon", "0", "--time", "2021-02-29T10:00"}, "--time"},
            {{"--lat", "0", "--lon", "0", "--time", "9999-01-01"}, "--time"},
            {{"--lat", "0", "--lon", "0", "--time", "2020-01-01", "--tz", "Nowhere/Atlantis"}, "--tz"},
            {{"--lat", "0", "--lon", "0", "--time", "2020-01-01", "--pressure", "-1"}, "--pressure"},
            {{"--lat", "0", "--lon", "0", "--time", "2020-01-01", "--temperature", "-400"}, "--temperature"},
            {{"--lat", "0", "--lon", "0", "--time", "2020-01-01", "--delta-t", "x"}, "--delta-t"},
            {{"--lat", "0", "--lon", "0", "--time", "2020-01-01", "--refraction", "--no-refraction"},
             "refraction"},
            {{"--lat", "0", "--lon", "0", "--time", "2020-01-01", "--no-such-flag"}, "no-such-flag"},
        };
        for (const auto& [args, flag] : bad) {
            Run r = cli(args);
            QVERIFY2(r.code == 2, qPrintable(args.join(' ') + " -> " + QString::number(r.code)));
            QVERIFY2(r.err.contains(flag.toUtf8()), qPrintable(args.join(' ') + ": " + r.err));
        }
    }
    void helpListsEveryFlag() {
        Run r = cli({"--help"});
        QCOMPARE(r.code, 0);
        for (const char* flag : {"--lat", "--lon", "--time", "--tz", "--elevation", "--pressure",
                                 "--temperature", "--delta-t", "--refraction", "--no-refraction", "--json"})
            QVERIFY2(r.out.contains(flag), flag);
        QProcess p;
        p.start(URBIS_CLI, {"--help"});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(p.readAllStandardOutput().contains("sun-position"));
    }
};

QTEST_GUILESS_MAIN(TestCliSun)
#include "test_cli_sun.moc"
