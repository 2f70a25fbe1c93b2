// Drives `urbis-cli sunlight`: the issue's acceptance (a long east-west wall agrees with the analytic lit
// time within 1 minute), presets, CSV output, inside points, bad input and exit codes.
#include "gis/analysis/sun_position.h"
#include "gis/io/crs_transform.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

namespace {
struct Run {
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run cli(const QStringList& args) {
    QProcess p;
    p.start(URBIS_CLI, QStringList{"sunlight"} + args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

void write(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// An east-west wall 2 km long, height H, 0.5 m thick, its north face on y = Y0, in UTM 50N on the zone's
// central meridian (x = 500000: grid north = true north).
constexpr double kX0 = 500000, kY0 = 4400000, kH = 20, kD = 40;

QByteArray wallGeoJson() {
    return QString(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},)"
                   R"("features":[{"type":"Feature","properties":{"height":%1},"geometry":{"type":"Polygon",)"
                   R"("coordinates":[[[%2,%3],[%4,%3],[%4,%5],[%2,%5],[%2,%3]]]}}]})")
        .arg(kH)
        .arg(kX0 - 1000, 0, 'f', 1)
        .arg(kY0 - 0.5, 0, 'f', 1)
        .arg(kX0 + 1000, 0, 'f', 1)
        .arg(kY0, 0, 'f', 1)
        .toUtf8();
}

// Analytic lit minutes of the point D north of the wall (facing south), 8-16 true solar time on a date:
// lit while the sun's profile angle on the N-S plane exceeds atan(H/D). Root-found on SPA directly.
double analyticMinutes(int year, int month, int day, double receiverOffset) {
    using namespace gis::analysis;
    gis::Vec2 ll{kX0, kY0 + kD};
    auto t = gis::io::CrsTransform::create(gis::Crs{"EPSG:32650"}, gis::Crs{"EPSG:4326"});
    if (!t || !t->transform(ll))
        return -1;
    SunObserver o;
    o.latitude = ll.y;
    o.longitude = ll.x;
    o.refraction = false;
    o.deltaT = estimateDeltaT(year, month);
    const double jd0 = julianDay({year, month, day, 0, 0, 0});
    auto jdOfSolar = [&](double s) { // UT = solar time - lon/15 - EoT
        double jd = jd0 + (s - o.longitude * 240) / 86400;
        for (int i = 0; i < 4; ++i)
            jd = jd0 + (s - o.longitude * 240 - sunPosition(jd, o)->equationOfTime * 60) / 86400;
        return jd;
    };
    const double limit = std::atan2(kH, kD - receiverOffset);
    auto margin = [&](double s) {
        const SunPosition p = sunPosition(jdOfSolar(s), o).value();
        const double az = p.azimuth * std::numbers::pi / 180, el = p.elevation * std::numbers::pi / 180;
        const double south = -std::cos(az) * std::cos(el);
        return south <= 0 ? -1.0 : std::atan2(std::sin(el), south) - limit;
    };
    double lit = 0, prevT = 8 * 3600;
    bool prev = margin(prevT) > 0;
    for (double s = prevT + 60; s <= 16 * 3600 + 1e-9; s += 60) {
        const bool cur = margin(s) > 0;
        double cross = s;
        if (cur != prev) {
            double lo = s - 60, hi = s;
            while (hi - lo > 1e-3)
                ((margin(0.5 * (lo + hi)) > 0) == prev ? lo : hi) = 0.5 * (lo + hi);
            cross = hi;
        }
        if (prev)
            lit += cross - prevT;
        prevT = cross;
        prev = cur;
    }
    if (prev)
        lit += 16 * 3600 - prevT;
    return lit / 60;
}
} // namespace

class TestCliSunlight : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;
    QString path(const QString& name) const { return mDir.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(mDir.isValid());
        write(path("wall.geojson"), wallGeoJson());
        write(path("points.csv"), QString("id,x,y,z,nx,ny,nz\nP1,%1,%2,0,0,-1,0\nINSIDE,%1,%3,5,0,0,1\n")
                                      .arg(kX0, 0, 'f', 1)
                                      .arg(kY0 + kD, 0, 'f', 1)
                                      .arg(kY0 - 0.25, 0, 'f', 2)
                                      .toUtf8());
        write(path("points.geojson"),
              QString(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"G1",)"
                      R"("z":0,"nx":0,"ny":-1,"nz":0},"geometry":{"type":"Point","coordinates":[%1,%2]}}]})")
                  .arg(kX0, 0, 'f', 1)
                  .arg(kY0 + kD, 0, 'f', 1)
                  .toUtf8());
        write(path("empty.geojson"), R"({"type":"FeatureCollection","features":[]})");
        write(path("bad.csv"), "x,y,z\n1,2,oops\n");
    }

    void longWallAgreesWithAnalytic_data() {
        QTest::addColumn<QString>("date");
        QTest::newRow("大寒 2026") << "2026-01-20";
        QTest::newRow("冬至 2026") << "2026-12-22";
        QTest::newRow("21 March 2026") << "2026-03-21";
    }
    void longWallAgreesWithAnalytic() {
        QFETCH(QString, date);
        Run r = cli({"--buildings", path("wall.geojson"), "--height-field", "height", "--points",
                     path("points.csv"), "--date", date, "--window", "08:00-16:00", "--time-base", "solar",
                     "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        const QJsonObject p1 = j["points"].toArray()[0].toObject();
        QCOMPARE(p1["id"].toString(), QString("P1"));
        const QStringList d = date.split('-');
        const double want = analyticMinutes(d[0].toInt(), d[1].toInt(), d[2].toInt(), 0.01);
        const double got = p1["sunlit_minutes"].toDouble();
        QVERIFY2(want > 10, qPrintable(QString("analytic %1 min").arg(want)));
        QVERIFY2(std::abs(got - want) <= 1.0,
                 qPrintable(QString("CLI %1 min, analytic %2 min").arg(got).arg(want)));
        QVERIFY(p1["intervals"].toArray().size() == 1);
        QCOMPARE(p1["intervals"].toArray()[0].toArray()[0].toString().size(), 8); // HH:MM:SS
        const QJsonObject params = j["parameters"].toObject();
        for (const char* key :
             {"date", "window", "time_base", "rule", "min_segment_minutes", "min_altitude_degrees",
              "sweep_angle_degrees", "required_hours", "latitude", "longitude", "crs"})
            QVERIFY2(params.contains(key), key);
        // Inside a building: flagged, not a silent zero.
        const QJsonObject in = j["points"].toArray()[1].toObject();
        QVERIFY(in["inside"].toBool());
        QCOMPARE(in["sunlit_minutes"].toDouble(), 0.0);
        QVERIFY(j["note"].toString().contains("inside"));
    }

    void presetCsvAndGeoJsonPoints() {
        Run r = cli({"--buildings", path("wall.geojson"), "--points", path("points.geojson"), "--preset",
                     "gb50180-dahan-2h", "--year", "2026", "--out", path("out.csv"), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        const QJsonObject params = j["parameters"].toObject();
        QCOMPARE(params["date"].toString(), QString("2026-01-20"));
        QCOMPARE(params["required_hours"].toDouble(), 2.0);
        QCOMPARE(params["preset"].toObject()["name"].toString(), QString("gb50180-dahan-2h"));
        const QJsonObject g1 = j["points"].toArray()[0].toObject();
        QCOMPARE(g1["id"].toString(), QString("G1"));
        QVERIFY(g1["pass"].toBool()); // ~4.4 h > 2 h
        QFile f(path("out.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith("id,x,y,z,sunlit_minutes,intervals,pass"));
        QVERIFY2(lines[1].startsWith("G1,") && lines[1].contains(",true,"), lines[1].constData());
        // Solar-term dates come from SPA for --year; clock-time presets resolve their IANA zone.
        Run dz = cli({"--buildings", path("wall.geojson"), "--points", path("points.geojson"), "--preset",
                      "gb50180-dongzhi-1h", "--year", "2026", "--json"});
        QVERIFY2(dz.code == 0, dz.err.constData());
        QCOMPARE(dz.json()["parameters"].toObject()["date"].toString(), QString("2026-12-22"));
        Run bre = cli({"--buildings", path("wall.geojson"), "--points", path("points.geojson"), "--preset",
                       "bre-21march-2h", "--year", "2026", "--json"});
        QVERIFY2(bre.code == 0, bre.err.constData());
        QCOMPARE(bre.json()["parameters"].toObject()["tz"].toString(), QString("Europe/London"));
    }

    void helpAndBadInput() {
        Run help = cli({"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("not implemented yet"));
        const QStringList base{"--buildings", path("wall.geojson"), "--points", path("points.csv")};
        const QStringList manual{"--date", "2026-01-20", "--window", "08:00-16:00", "--time-base", "solar"};
        struct Case {
            QStringList args;
            int code;
            const char* says;
        };
        const QList<Case> cases{
            {QStringList{"--buildings", path("wall.geojson")} + manual, 2, "--points is required"},
            {base + manual + QStringList{"--grid", "1"}, 2, "not implemented yet"},
            {base + manual + QStringList{"--windows"}, 2, "not implemented yet"},
            {base + QStringList{"--preset", "no-such-preset"}, 2, "gb50180-dahan-2h"},
            {base, 2, "--preset"},
            {base + manual + QStringList{"--preset", "gb50180-dahan-2h"}, 2, "either"},
            {base + QStringList{"--date", "7000-01-01", "--window", "08:00-16:00", "--time-base", "solar"}, 2,
             "-2000..6000"},
            {base + QStringList{"--date", "2026-01-20", "--window", "16:00-08:00", "--time-base", "solar"}, 2,
             "--window"},
            {base + QStringList{"--date", "2026-01-20", "--window", "08:00-16:00", "--time-base", "clock"}, 2,
             "--tz"},
            {base + manual + QStringList{"--tz", "Mars/Olympus"}, 2, "unknown time zone"},
            {base + manual + QStringList{"--rule", "median"}, 2, "counting rule"},
            {QStringList{"--buildings", path("missing.geojson"), "--points", path("points.csv")} + manual, 1,
             "does not exist"},
            {QStringList{"--buildings", path("empty.geojson"), "--points", path("points.csv")} + manual, 1,
             "empty.geojson"},
            {QStringList{"--buildings", path("wall.geojson"), "--points", path("bad.csv")} + manual, 1,
             "line 2"},
            {QStringList{"--buildings", path("wall.geojson"), "--points", path("nope.csv")} + manual, 1,
             "nope.csv"},
        };
        for (const Case& c : cases) {
            Run r = cli(c.args);
            QVERIFY2(r.code == c.code,
                     qPrintable(c.args.join(' ') + " -> " + QString::number(r.code) + ": " + r.err));
            QVERIFY2(r.err.contains(c.says), qPrintable(c.args.join(' ') + ": " + r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliSunlight)
#include "test_cli_sunlight.moc"
