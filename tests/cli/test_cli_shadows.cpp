// urbis-cli shadows and isochrones: the contract (JSON keys, files written), the sun at solar noon due
// south, a shadow as long as H / tan(elevation), and clear usage errors.
#include "common/cli_runner.h"
#include "gis/io/raster_io.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>

using Run = urbis_test::CliRun;

class TestCliShadows : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;

    QString path(const char* name) const { return mDir.filePath(name); }

private slots:
    void initTestCase() {
        QFile f(path("b.geojson"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        // A 40 m x 30 m block, 30 m tall, in the demo city's CRS (CGCS2000 GK CM 114E, near Wuhan).
        f.write(
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},
"features":[{"type":"Feature","properties":{"height":30},"geometry":{"type":"Polygon","coordinates":
[[[528800,3380500],[528840,3380500],[528840,3380530],[528800,3380530],[528800,3380500]]]}}]})");
    }

    void solarNoonShadowPointsNorth() {
        const Run r = urbis_test::runCli({"shadows", "--buildings", path("b.geojson"), "--date", "2026-01-20",
                                          "--time", "12:00", "--out", path("s.gpkg"), "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject j = r.json();
        for (const char* key : {"sun_azimuth", "sun_elevation", "polygons", "shadow_area_m2",
                                "longest_shadow_m", "latitude", "longitude", "out"})
            QVERIFY2(j.contains(key), key);
        QVERIFY(std::abs(j["sun_azimuth"].toDouble() - 180) < 0.01); // true solar noon
        const double elevation = j["sun_elevation"].toDouble();
        const double expected = 30 / std::tan(elevation * std::numbers::pi / 180);
        QVERIFY(std::abs(j["longest_shadow_m"].toDouble() - expected) < 1e-6);
        // Footprint plus a 40 m wide band as long as the shadow (the grid is ~0.15° off true north here).
        QVERIFY(std::abs(j["shadow_area_m2"].toDouble() - (1200 + 40 * expected)) < 10);
        GDALAllRegister();
        GDALDataset* ds = GDALDataset::Open(path("s.gpkg").toUtf8().constData(), GDAL_OF_VECTOR);
        QVERIFY(ds);
        QCOMPARE(int(ds->GetLayer(0)->GetFeatureCount()), 1);
        GDALClose(ds);
    }

    void clockTimeNeedsAZone() {
        Run r = urbis_test::runCli({"shadows", "--buildings", path("b.geojson"), "--date", "2026-01-20",
                                    "--time", "10:00", "--time-base", "clock"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--tz"));
        r = urbis_test::runCli({"shadows", "--buildings", path("b.geojson"), "--date", "2026-01-20", "--time",
                                "10:00", "--time-base", "clock", "--tz", "Asia/Shanghai", "--json"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.json()["sun_azimuth"].toDouble() < 180); // morning: the sun is east of south
        r = urbis_test::runCli({"shadows", "--buildings", path("b.geojson"), "--date", "2026-01-20", "--time",
                                "23:00", "--json"});
        QCOMPARE(r.code, 1); // the sun is down
        QVERIFY(r.err.contains("horizon"));
        r = urbis_test::runCli(
            {"shadows", "--buildings", path("missing.geojson"), "--date", "2026-01-20", "--time", "12:00"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("missing.geojson"));
    }

    void isochronesOfAnHourMap() {
        gis::RasterF hours(40, 20, 528000, 3380020, 1.0, 0.0f);
        for (int row = 0; row < hours.height; ++row)
            for (int col = 0; col < hours.width; ++col)
                hours.at(col, row) = float(col * 0.1);
        QVERIFY(gis::io::writeGeoTiff(hours, gis::Crs{"EPSG:4547"}, path("hours.tif").toStdString()));
        Run r = urbis_test::runCli({"isochrones", "--hours", path("hours.tif"), "--levels", "1,2", "--out",
                                    path("iso.geojson"), "--json"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.json()["lines"].toInt() >= 2);
        QVERIFY(QFile::exists(path("iso.geojson")));
        r = urbis_test::runCli(
            {"isochrones", "--hours", path("hours.tif"), "--levels", "two", "--out", path("x.gpkg")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--levels"));
    }
};

QTEST_GUILESS_MAIN(TestCliShadows)
#include "test_cli_shadows.moc"
