// Drives `urbis-cli sunlight`: the issue's acceptance (a long east-west wall agrees with the analytic lit
// time within 1 minute), presets, CSV output, inside points, windows of a slab behind a wall, a plan-grid
// hour map (GeoTIFF), scheme comparison (--proposal) and the PDF report (--report), bad input and exit codes.
#include "common/cli_runner.h"
#include "gis/analysis/sun_position.h"
#include "gis/io/crs_transform.h"
#include "gis/io/raster_io.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

namespace {
using Run = urbis_test::CliRun;

Run cli(const QStringList& args) {
    return urbis_test::runCli(QStringList{"sunlight"} + args);
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

// A FeatureCollection in UTM 50N of axis-aligned boxes {x0, y0, x1, y1, height, storeys}.
QByteArray boxesGeoJson(const QList<QList<double>>& boxes) {
    QStringList features;
    for (const auto& b : boxes)
        features << QString(R"({"type":"Feature","properties":{"height":%5,"storeys":%6},"geometry":{"type":)"
                            R"("Polygon","coordinates":[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]}})")
                        .arg(b[0], 0, 'f', 2)
                        .arg(b[1], 0, 'f', 2)
                        .arg(b[2], 0, 'f', 2)
                        .arg(b[3], 0, 'f', 2)
                        .arg(b[4])
                        .arg(int(b[5]));
    return (R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},)"
            R"("features":[)" +
            features.join(',') + "]}")
        .toUtf8();
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
        // A slab 60 m x 12 m, 10 storeys of 3 m; a wall 20 m high, 400 m long, 20 m south of it.
        write(path("slab.geojson"), boxesGeoJson({{kX0 - 30, kY0 + 100, kX0 + 30, kY0 + 112, 30, 10}}));
        write(path("slabwall.geojson"), boxesGeoJson({{kX0 - 200, kY0 + 79.5, kX0 + 200, kY0 + 80, 20, 0}}));
        // Proposals for the slab: a 100 m tower 20 m south of its middle, the same tower 30 m north of it.
        write(path("tower-south.geojson"), boxesGeoJson({{kX0 - 20, kY0 + 40, kX0 + 20, kY0 + 80, 100, 30}}));
        write(path("tower-north.geojson"),
              boxesGeoJson({{kX0 - 20, kY0 + 142, kX0 + 20, kY0 + 182, 100, 30}}));
        // The slab with the south tower already built (ids 1 and 2).
        write(path("slab-tower.geojson"), boxesGeoJson({{kX0 - 30, kY0 + 100, kX0 + 30, kY0 + 112, 30, 10},
                                                        {kX0 - 20, kY0 + 40, kX0 + 20, kY0 + 80, 100, 30}}));
        // A plan grid over the long wall: 100 m x 120 m across it, with a small hut south of the wall.
        write(path("site.geojson"), boxesGeoJson({{kX0 - 1000, kY0 - 0.5, kX0 + 1000, kY0, kH, 0},
                                                  {kX0 + 20, kY0 - 40, kX0 + 30, kY0 - 30, 3, 1}}));
        write(
            path("aoi.geojson"),
            QString(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},)"
                    R"("features":[{"type":"Feature","properties":{},)"
                    R"("geometry":{"type":"Polygon","coordinates":[[[%1,%3],[%2,%3],[%2,%4],[%1,%4],)"
                    R"([%1,%3]]]}}]})")
                .arg(kX0 - 52, 0, 'f', 1)
                .arg(kX0 + 52, 0, 'f', 1)
                .arg(kY0 - 60, 0, 'f', 1)
                .arg(kY0 + 60, 0, 'f', 1)
                .toUtf8());
    }

    // Windows of a south-facing slab: on a flat site every window of the south facade passes 大寒 2 h; a 20 m
    // wall 20 m to the south leaves the lowest storeys (sill below the wall's shadow at the noon altitude of
    // ~30 degrees) without sun while storeys above the wall top keep passing.
    void windowsOfASlabBehindAWall() {
        const QStringList common{"--windows", "--preset", "gb50180-dahan-2h", "--year", "2026", "--json"};
        Run open = cli(QStringList{"--buildings", path("slab.geojson")} + common +
                       QStringList{"--out", path("windows.csv")});
        QVERIFY2(open.code == 0, open.err.constData());
        Run walled =
            cli(QStringList{"--buildings", path("slab.geojson"), "--occluders", path("slabwall.geojson")} +
                common);
        QVERIFY2(walled.code == 0, walled.err.constData());
        auto south = [](const Run& r) {
            QMap<QString, QJsonObject> out;
            for (const auto& v : r.json()["points"].toArray()) {
                const QJsonObject p = v.toObject();
                if (p["facade"].toInt() == 1) // the first edge of the CCW ring: the south facade
                    out[p["id"].toString()] = p;
            }
            return out;
        };
        const auto a = south(open), b = south(walled);
        QCOMPARE(open.json()["points"].toArray().size(), 10 * 2 * (20 + 4)); // 3 m spacing
        QCOMPARE(a.size(), 10 * 20);
        QCOMPARE(b.size(), a.size());
        for (const auto& p : a) {
            QVERIFY2(p["pass"].toBool(), qPrintable(p["id"].toString()));
            QCOMPARE(p["building"].toInt(), 1);
            QVERIFY(std::abs(p["z"].toDouble() - ((p["storey"].toInt() - 1) * 3 + 0.9)) < 1e-6);
            QVERIFY(std::abs(p["y"].toDouble() - (kY0 + 100 - 0.05)) < 1e-6);
        }
        int lowFail = 0, topPass = 0;
        for (const auto& p : b) {
            const QJsonObject& before = a[p["id"].toString()];
            QVERIFY(p["sunlit_minutes"].toDouble() <= before["sunlit_minutes"].toDouble() + 1e-6);
            if (p["storey"].toInt() <= 2)
                lowFail += !p["pass"].toBool();
            if (p["storey"].toInt() == 10)
                topPass += p["pass"].toBool();
        }
        QCOMPARE(lowFail, 2 * 20);
        QCOMPARE(topPass, 20);
        // The per-building summary and the window columns of the CSV.
        const QJsonArray summary = walled.json()["windows"].toArray();
        QCOMPARE(summary.size(), 1);
        QCOMPARE(summary[0].toObject()["windows"].toInt(), 480);
        QVERIFY(summary[0].toObject()["failing"].toInt() >= 40);
        QFile f(path("windows.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 481);
        QVERIFY(lines[0].startsWith("id,building,storey,facade,window,x,y,z,sunlit_minutes"));
        // Whole window lit with 3 sill samples, south facades only: never more sun than the sill centre.
        Run whole = cli(QStringList{"--buildings", path("slab.geojson"), "--occluders",
                                    path("slabwall.geojson"), "--sill-samples", "3", "--facing", "south"} +
                        common);
        QVERIFY2(whole.code == 0, whole.err.constData());
        const auto w = south(whole);
        QCOMPARE(whole.json()["points"].toArray().size(), 10 * 20);
        for (const auto& p : w)
            QVERIFY(p["sunlit_minutes"].toDouble() <=
                    b[p["id"].toString()]["sunlit_minutes"].toDouble() + 1e-6);
        QCOMPARE(whole.json()["parameters"].toObject()["window_options"].toObject()["sill_samples"].toInt(),
                 3);
    }

    // A plan grid across the long wall: cells north of it (in its shadow at noon) get fewer hours than cells
    // south of it; the GeoTIFF holds hours, nodata inside the hut and outside the AOI.
    void gridHourMap() {
        Run r = cli({"--buildings", path("site.geojson"), "--grid", "5", "--aoi", path("aoi.geojson"),
                     "--out", path("hours.tif"), "--preset", "gb50180-dahan-2h", "--year", "2026", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.json()["parameters"].toObject().contains("grid_options"));
        auto tif = gis::io::readDem(path("hours.tif").toStdString());
        QVERIFY2(tif, tif ? "" : tif.error().c_str());
        const gis::RasterF& h = tif->raster;
        QCOMPARE(h.cellSize, 5.0);
        double north = 0, south = 0;
        int nNorth = 0, nSouth = 0, nan = 0, hutNan = 0;
        for (int row = 0; row < h.height; ++row)
            for (int c = 0; c < h.width; ++c) {
                const gis::Vec2 p = h.cellCenter(c, row);
                const float v = h.at(c, row);
                if (std::isnan(v)) {
                    ++nan;
                    hutNan += p.x > kX0 + 20 && p.x < kX0 + 30 && p.y > kY0 - 40 && p.y < kY0 - 30;
                    continue;
                }
                QVERIFY(v >= 0 && v <= 8.0001);
                if (p.y > kY0 && p.y < kY0 + 30) {
                    north += v;
                    ++nNorth;
                } else if (p.y < kY0 - 5 && p.x < kX0 + 10) {
                    south += v;
                    ++nSouth;
                }
            }
        QVERIFY(nNorth > 0 && nSouth > 0);
        QVERIFY2(north / nNorth + 1 < south / nSouth,
                 qPrintable(QString("north %1 h, south %2 h").arg(north / nNorth).arg(south / nSouth)));
        QCOMPARE(hutNan, 4);
        QVERIFY(nan >= 4 + 2 * h.height); // the hut, and the outer columns (the AOI ends at +-52 m)
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

    // Scheme comparison: a tower added south of the slab makes the middle south windows fail (named), a
    // tower added north changes nothing, demolishing the tower never takes sun away.
    void proposalComparison() {
        const QStringList common{"--buildings",
                                 path("slab.geojson"),
                                 "--windows",
                                 "--preset",
                                 "gb50180-dahan-2h",
                                 "--year",
                                 "2026",
                                 "--json"};
        Run south = cli(common + QStringList{"--proposal", path("tower-south.geojson")});
        QVERIFY2(south.code == 0, south.err.constData());
        const QJsonObject c = south.json()["comparison"].toObject();
        QCOMPARE(c["mode"].toString(), QString("add"));
        QCOMPARE(c["building_count"].toInt(), 2);
        const QJsonObject counts = c["counts"].toObject();
        QCOMPARE(counts["receivers"].toInt(), 480);
        QCOMPARE(counts["new_failures"].toInt(), c["new_failures"].toArray().size());
        QCOMPARE(counts["drops"].toInt(), c["drops"].toArray().size());
        QCOMPARE(counts["gains"].toInt(), 0);
        QCOMPARE(counts["failing_after"].toInt() - counts["failing_before"].toInt(),
                 counts["new_failures"].toInt());
        QSet<QString> failing;
        for (const auto& v : c["new_failures"].toArray()) {
            const QJsonObject f = v.toObject();
            failing << f["id"].toString();
            QVERIFY(f["pass_before"].toBool() && !f["pass_after"].toBool());
            QVERIFY(f["after_minutes"].toDouble() < 120);
            QVERIFY(std::abs(f["delta_minutes"].toDouble() -
                             (f["after_minutes"].toDouble() - f["before_minutes"].toDouble())) < 1e-6);
            QVERIFY2(f["id"].toString().contains("-f1-"), qPrintable(f["id"].toString())); // south facade
        }
        for (int storey : {1, 5, 10})
            for (int w : {10, 11})
                QVERIFY(failing.contains(QString("b1-s%1-f1-w%2").arg(storey).arg(w)));
        QVERIFY(!failing.contains("b1-s1-f1-w1")); // the west end window keeps its sun
        // Every point carries its proposal result; nothing gains.
        for (const auto& v : south.json()["points"].toArray()) {
            const QJsonObject p = v.toObject();
            const QJsonObject after = p["proposal"].toObject();
            QVERIFY(after.contains("intervals") && after.contains("pass"));
            QVERIFY(after["sunlit_minutes"].toDouble() <= p["sunlit_minutes"].toDouble() + 1.0 / 60);
        }

        Run north = cli(common + QStringList{"--proposal", path("tower-north.geojson")});
        QVERIFY2(north.code == 0, north.err.constData());
        const QJsonObject nc = north.json()["comparison"].toObject()["counts"].toObject();
        QCOMPARE(nc["drops"].toInt(), 0);
        QCOMPARE(nc["new_failures"].toInt(), 0);
        QCOMPARE(nc["unchanged"].toInt(), 480);

        // Demolition: the scene with the tower, the proposal removes it and adds the north tower. The ids are
        // the importer's (FIDs made unique): the slab is the building with 480 windows.
        Run ids = cli(QStringList{"--buildings", path("slab-tower.geojson"), "--windows", "--preset",
                                  "gb50180-dahan-2h", "--year", "2026", "--json"});
        QVERIFY2(ids.code == 0, ids.err.constData());
        QString slabId, towerId;
        for (const auto& v : ids.json()["windows"].toArray())
            (v.toObject()["windows"].toInt() == 480 ? slabId : towerId) =
                QString::number(v.toObject()["building"].toInteger());
        QVERIFY(!slabId.isEmpty() && !towerId.isEmpty());
        Run demolish =
            cli(QStringList{"--buildings", path("slab-tower.geojson"), "--windows", "--building-ids", slabId,
                            "--preset", "gb50180-dahan-2h", "--year", "2026", "--json", "--proposal",
                            path("tower-north.geojson"), "--proposal-remove", towerId});
        QVERIFY2(demolish.code == 0, demolish.err.constData());
        const QJsonObject dc = demolish.json()["comparison"].toObject();
        QCOMPARE(dc["removed"].toArray().size(), 1);
        QCOMPARE(dc["counts"].toObject()["drops"].toInt(), 0);
        QCOMPARE(dc["counts"].toObject()["new_failures"].toInt(), 0);
        QVERIFY(dc["counts"].toObject()["new_passes"].toInt() >= counts["new_failures"].toInt());
        // --proposal-full: the file is the whole proposal (the slab alone: the tower is gone).
        Run full = cli(QStringList{"--buildings", path("slab-tower.geojson"), "--windows", "--building-ids",
                                   slabId, "--preset", "gb50180-dahan-2h", "--year", "2026", "--json",
                                   "--proposal", path("slab.geojson"), "--proposal-full"});
        QVERIFY2(full.code == 0, full.err.constData());
        QCOMPARE(full.json()["comparison"].toObject()["counts"].toObject()["new_passes"].toInt(),
                 dc["counts"].toObject()["new_passes"].toInt());
        // Text output names the new failures.
        Run text = cli({"--buildings", path("slab.geojson"), "--windows", "--preset", "gb50180-dahan-2h",
                        "--year", "2026", "--proposal", path("tower-south.geojson")});
        QVERIFY2(text.code == 0, text.err.constData());
        QVERIFY(text.out.contains("NEW FAIL  b1-s1-f1-w10"));
    }

    // The PDF report: a PDF of several pages whose text holds the window ids, the new failures and the
    // parameters (pdftotext, when installed); JSON on stdout stays valid.
    void pdfReport() {
        const QString pdf = path("report.pdf");
        Run r = cli({"--buildings", path("slab.geojson"), "--windows", "--preset", "gb50180-dahan-2h",
                     "--year", "2026", "--tz", "Asia/Shanghai", "--proposal", path("tower-south.geojson"),
                     "--report", pdf, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.json().contains("comparison"));
        // --tz with a solar-time preset adds clock-time intervals.
        QVERIFY(r.json()["points"].toArray()[0].toObject().contains("intervals_clock"));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        static const QRegularExpression pageObject(R"(/Type\s*/Page(?![s\w]))");
        int pages = 0;
        for (auto it = pageObject.globalMatch(QString::fromLatin1(bytes)); it.hasNext(); it.next())
            ++pages;
        QVERIFY2(pages >= 10, qPrintable(QString("%1 pages").arg(pages))); // 480 windows + comparison
        const QString exe = QStandardPaths::findExecutable("pdftotext");
        if (exe.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: text checks skipped");
        QProcess p;
        p.start(exe, {pdf, "-"});
        QVERIFY(p.waitForFinished(60000));
        const QString text =
            QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
        for (const char* must :
             {"b1-s1-f1-w1", "b1-s10-f1-w20", "b1-s1-f1-w10", "gb50180-dahan-2h", "EPSG:32650",
              "tower-south.geojson", "Asia/Shanghai", "日照分析报告", "方案对比"})
            QVERIFY2(text.contains(QString::fromUtf8(must)), must);
        // The clock-time column: Beijing time = solar time - 12 min - EoT here (117 E, EoT about -11 min).
        QVERIFY(text.contains(QRegularExpression("16:1[0-9]:[0-9]{2}")));
    }

    void helpAndBadInput() {
        Run help = cli({"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("--windows") && help.out.contains("--aoi"));
        const QStringList base{"--buildings", path("wall.geojson"), "--points", path("points.csv")};
        const QStringList manual{"--date", "2026-01-20", "--window", "08:00-16:00", "--time-base", "solar"};
        const QStringList wall{"--buildings", path("wall.geojson")};
        struct Case {
            QStringList args;
            int code;
            const char* says;
        };
        const QList<Case> cases{
            {QStringList{"--buildings", path("wall.geojson")} + manual, 2, "receivers are required"},
            {base + manual + QStringList{"--grid", "1"}, 2, "one kind"},
            {base + manual + QStringList{"--windows"}, 2, "one kind"},
            {wall + manual + QStringList{"--grid", "5"}, 2, "--aoi"},
            {wall + manual + QStringList{"--aoi", path("aoi.geojson")}, 2, "--points"},
            {wall + manual + QStringList{"--grid", "0", "--aoi", path("aoi.geojson")}, 2, "positive"},
            {wall + manual + QStringList{"--grid", "-5", "--aoi", path("aoi.geojson")}, 2, "positive"},
            {wall + manual + QStringList{"--grid", "5", "--aoi", path("no-aoi.geojson")}, 1,
             "no-aoi.geojson"},
            {wall + manual + QStringList{"--windows", "--out", path("w.tif")}, 2, ".tif"},
            {base + manual + QStringList{"--only-use", "residential"}, 2, "--windows"},
            {wall + manual + QStringList{"--windows", "--facing", "west"}, 2, "--facing"},
            {wall + manual + QStringList{"--windows", "--sill-samples", "0"}, 2, "--sill-samples"},
            {wall + manual + QStringList{"--windows", "--only-use", "residential"}, 1, "use"},
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
            {base + manual + QStringList{"--proposal-full"}, 2, "--proposal"},
            {base + manual + QStringList{"--proposal-remove", "1"}, 2, "--proposal"},
            {base + manual + QStringList{"--proposal", path("tower-south.geojson"), "--proposal-remove", "x"},
             2, "--proposal-remove"},
            {base + manual + QStringList{"--report", path("r.txt")}, 2, ".pdf"},
            {base + manual + QStringList{"--proposal", path("no-proposal.geojson")}, 1,
             "no-proposal.geojson"},
            {base + manual + QStringList{"--proposal", path("empty.geojson")}, 1, "empty.geojson"},
            {base + manual +
                 QStringList{"--proposal", path("tower-south.geojson"), "--proposal-remove", "999"},
             1, "999"},
            {base + QStringList{"--preset", "bre-21march-2h", "--tz", "Asia/Shanghai"}, 2,
             "clock-time preset"},
            {base + manual + QStringList{"--report", "/nonexistent-dir/r.pdf"}, 1, "/nonexistent-dir/r.pdf"},
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
