// Drives `urbis-cli flood static` and `urbis-cli flood fill`: the JSON contract of the issue, outputs read
// back, 4- vs 8-connectivity through a diagonal wall, seed files, buildings, and bad input (geographic DEMs,
// seeds outside or on nodata, absurd levels, unreadable files) with exit codes and messages.
#include "common/cli_runner.h"
#include "common/test_files.h"
#include "gis/io/raster_io.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

namespace {
using Run = urbis_test::CliRun;

Run cli(const QStringList& args) {
    return urbis_test::runCli(QStringList{"flood"} + args);
}

QString why(const Run& r) {
    return QString("exit %1\nstdout: %2\nstderr: %3").arg(r.code).arg(QString(r.out)).arg(QString(r.err));
}

// A 40 x 30 DEM of 2 m cells in UTM 50N: a bowl at 1 m in the west (cols 0-14) behind a ridge at 6 m
// (col 15), a basin at 2 m in the east; a 2 x 2 nodata hole at cols 5-6, rows 10-11.
constexpr double kX0 = 500000, kY0 = 4400060, kCell = 2;
gis::RasterF bowlDem() {
    gis::RasterF r(40, 30, kX0, kY0, kCell, 2.0f);
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 15; ++x)
            r.at(x, y) = 1.0f;
    for (int y = 0; y < 30; ++y)
        r.at(15, y) = 6.0f;
    for (int y = 10; y < 12; ++y)
        for (int x = 5; x < 7; ++x)
            r.at(x, y) = std::numeric_limits<float>::quiet_NaN();
    return r;
}
} // namespace

class TestCliFloodStatic : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;
    QString path(const QString& name) const { return mDir.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(mDir.isValid());
        QVERIFY(gis::io::writeGeoTiff(bowlDem(), gis::Crs{"EPSG:32650"}, path("dem.tif").toStdString()));
        // The same grid labelled as degrees.
        gis::RasterF deg = bowlDem();
        deg.originX = 116.3;
        deg.originY = 39.9;
        deg.cellSize = 0.0001;
        QVERIFY(gis::io::writeGeoTiff(deg, gis::Crs{"EPSG:4326"}, path("deg.tif").toStdString()));
        // 7 x 7 of ground 0 with a one-cell wall of 10 m on the anti-diagonal.
        gis::RasterF wall(7, 7, kX0, kY0, 1.0, 0.0f);
        for (int i = 0; i < 7; ++i)
            wall.at(i, 6 - i) = 10.0f;
        QVERIFY(gis::io::writeGeoTiff(wall, gis::Crs{"EPSG:32650"}, path("wall.tif").toStdString()));
        urbis_test::writeText(
            path("seeds.csv"),
            QString("id,x,y\n1,%1,%2\n").arg(kX0 + 3, 0, 'f', 1).arg(kY0 - 3, 0, 'f', 1).toUtf8());
        // A north-south line down the east basin.
        urbis_test::writeText(
            path("river.geojson"),
            QString(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},)"
                    R"("features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString",)"
                    R"("coordinates":[[%1,%2],[%1,%3]]}}]})")
                .arg(kX0 + 61, 0, 'f', 1)
                .arg(kY0 - 1, 0, 'f', 1)
                .arg(kY0 - 59, 0, 'f', 1)
                .toUtf8());
        // A 10 m x 10 m building in the west bowl, covering 25 cells.
        urbis_test::writeText(
            path("building.geojson"),
            QString(
                R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},)"
                R"("features":[{"type":"Feature","properties":{"height":10},"geometry":{"type":"Polygon",)"
                R"("coordinates":[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]}}]})")
                .arg(kX0 + 20, 0, 'f', 1)
                .arg(kY0 - 30, 0, 'f', 1)
                .arg(kX0 + 30, 0, 'f', 1)
                .arg(kY0 - 20, 0, 'f', 1)
                .toUtf8());
        urbis_test::writeText(path("garbage.geojson"), "this is not GeoJSON");
        urbis_test::writeText(path("far.csv"), "x,y\n1000,2000\n");
    }

    void staticContract() {
        const Run r = cli({"static", "--dem", path("dem.tif"), "--level", "3", "--seed",
                           QString("%1,%2").arg(kX0 + 3).arg(kY0 - 3), "--out", path("depth.tif"),
                           "--class-out", path("classes.tif"), "--json"});
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        const QJsonObject j = r.json();
        for (const char* key : {"flooded_cells", "area_m2", "volume_m3", "max_depth", "unconnected_cells",
                                "unconnected_area_m2", "level", "connectivity", "dem"})
            QVERIFY2(j.contains(key), key);
        // The west bowl: 15 x 30 cells minus the 4-cell hole, 2 m deep; the east basin is below 3 m but
        // behind the 6 m ridge.
        QCOMPARE(j["flooded_cells"].toInt(), 446);
        QCOMPARE(j["area_m2"].toDouble(), 446 * 4.0);
        QCOMPARE(j["volume_m3"].toDouble(), 446 * 4.0 * 2);
        QCOMPARE(j["max_depth"].toDouble(), 2.0);
        QCOMPARE(j["unconnected_cells"].toInt(), 24 * 30);
        QCOMPARE(j["connectivity"].toInt(), 8);
        auto depth = gis::io::readDem(path("depth.tif").toStdString());
        QVERIFY(depth);
        QCOMPARE(depth->raster.at(0, 0), 2.0f);
        QCOMPARE(depth->raster.at(30, 10), 0.0f);
        QVERIFY(std::isnan(depth->raster.at(5, 10))); // nodata never floods
        auto classes = gis::io::readDem(path("classes.tif").toStdString());
        QVERIFY(classes);
        QCOMPARE(classes->raster.at(30, 10), 2.0f);
        QCOMPARE(classes->raster.at(15, 10), 0.0f);
    }

    void edgeSeedsAndLevelAboveTheRidge() {
        const Run r = cli({"static", "--dem", path("dem.tif"), "--level", "6.5", "--edge", "--json"});
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        QCOMPARE(r.json()["flooded_cells"].toInt(), 40 * 30 - 4);
        QCOMPARE(r.json()["unconnected_cells"].toInt(), 0);
    }

    void connectivityThroughADiagonalWall() {
        const QStringList base{"static",
                               "--dem",
                               path("wall.tif"),
                               "--level",
                               "5",
                               "--seed",
                               QString("%1,%2").arg(kX0 + 0.5).arg(kY0 - 0.5),
                               "--json"};
        const Run eight = cli(base);
        const Run four = cli(base + QStringList{"--connectivity", "4"});
        QVERIFY2(eight.code == 0 && four.code == 0, qPrintable(why(four)));
        QCOMPARE(eight.json()["flooded_cells"].toInt(), 42);
        QCOMPARE(four.json()["flooded_cells"].toInt(), 21);
        QCOMPARE(four.json()["unconnected_cells"].toInt(), 21);
    }

    void seedFilesAndBuildings() {
        Run r = cli(
            {"static", "--dem", path("dem.tif"), "--level", "3", "--seed-file", path("seeds.csv"), "--json"});
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        QCOMPARE(r.json()["flooded_cells"].toInt(), 446);
        r = cli({"static", "--dem", path("dem.tif"), "--level", "3", "--seed-file", path("river.geojson"),
                 "--json"});
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        QCOMPARE(r.json()["seed_cells"].toInt(), 30);
        QCOMPARE(r.json()["flooded_cells"].toInt(), 24 * 30);
        r = cli({"static", "--dem", path("dem.tif"), "--level", "3", "--seed-file", path("seeds.csv"),
                 "--buildings", path("building.geojson"), "--json"});
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        QCOMPARE(r.json()["buildings_burned_cells"].toInt(), 25);
        QCOMPARE(r.json()["flooded_cells"].toInt(), 446 - 25);
        // The extent and the building with water at its walls, as a GeoPackage.
        r = cli({"static", "--dem", path("dem.tif"), "--level", "3", "--seed-file", path("seeds.csv"),
                 "--buildings", path("building.geojson"), "--extent-out", path("flood.gpkg"), "--json"});
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        QCOMPARE(r.json()["affected_buildings"].toInt(), 1);
        QCOMPARE(r.json()["extent_out"].toString(), path("flood.gpkg"));
        QVERIFY(QFile::exists(path("flood.gpkg")));
        r = cli({"static", "--dem", path("dem.tif"), "--level", "3", "--seed-file", path("seeds.csv"),
                 "--buildings", path("building.geojson"), "--building-mode", "raised", "--raise", "1.5",
                 "--json"});
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        QCOMPARE(r.json()["flooded_cells"].toInt(), 446);
        QCOMPARE(r.json()["volume_m3"].toDouble(), (446 * 2.0 - 25 * 1.5) * 4);
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("says");
        const QString seed = QString("%1,%2").arg(kX0 + 3).arg(kY0 - 3);
        QTest::newRow("geographic DEM")
            << QStringList{"static", "--dem", path("deg.tif"), "--level", "3", "--edge"} << 1
            << QStringList{"deg.tif", "degrees", "gdalwarp -t_srs EPSG:326"};
        QTest::newRow("seed outside")
            << QStringList{"static", "--dem", path("dem.tif"), "--level", "3", "--seed", "1000,2000"} << 1
            << QStringList{"Seed point 1 (1000.00, 2000.00)", "outside", "dem.tif"};
        QTest::newRow("seed on nodata") << QStringList{"static",
                                                       "--dem",
                                                       path("dem.tif"),
                                                       "--level",
                                                       "3",
                                                       "--seed",
                                                       QString("%1,%2").arg(kX0 + 11).arg(kY0 - 21)}
                                        << 1 << QStringList{"Seed point 1", "nodata", "dem.tif"};
        QTest::newRow("absurd level")
            << QStringList{"static", "--dem", path("dem.tif"), "--level", "9500", "--seed", seed} << 1
            << QStringList{"9000", "dem.tif"};
        QTest::newRow("level far below the ground")
            << QStringList{"static", "--dem", path("dem.tif"), "--level", "-2000", "--seed", seed} << 1
            << QStringList{"1000 m below", "dem.tif"};
        QTest::newRow("missing DEM") << QStringList{"static",  "--dem", path("none.tif"),
                                                    "--level", "3",     "--edge"}
                                     << 1 << QStringList{"none.tif"};
        QTest::newRow("unreadable seed file")
            << QStringList{"static", "--dem",       path("dem.tif"),        "--level",
                           "3",      "--seed-file", path("garbage.geojson")}
            << 1 << QStringList{"garbage.geojson"};
        QTest::newRow("seed file outside")
            << QStringList{"static", "--dem", path("dem.tif"), "--level", "3", "--seed-file", path("far.csv")}
            << 1 << QStringList{"far.csv", "Seed point 1", "outside", "dem.tif"};
        QTest::newRow("no seeds") << QStringList{"static", "--dem", path("dem.tif"), "--level", "3"} << 2
                                  << QStringList{"--seed"};
        QTest::newRow("bad connectivity") << QStringList{"static", "--dem",  path("dem.tif"),  "--level",
                                                         "3",      "--edge", "--connectivity", "6"}
                                          << 2 << QStringList{"4 or 8"};
        QTest::newRow("bad seed text")
            << QStringList{"static", "--dem", path("dem.tif"), "--level", "3", "--seed", "here"} << 2
            << QStringList{"X,Y"};
        QTest::newRow("fill geographic")
            << QStringList{"fill", "--dem", path("deg.tif"), "--out", path("f.tif")} << 1
            << QStringList{"deg.tif", "gdalwarp"};
        QTest::newRow("fill without out")
            << QStringList{"fill", "--dem", path("dem.tif")} << 2 << QStringList{"--out"};
        QTest::newRow("fill unwritable out")
            << QStringList{"fill", "--dem", path("dem.tif"), "--out", path("no/such/dir/f.tif")} << 1
            << QStringList{"no/such/dir/f.tif"};
    }
    void badInput() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QStringList, says);
        const Run r = cli(args);
        QVERIFY2(r.code == code, qPrintable(why(r)));
        for (const QString& s : says)
            QVERIFY2(r.err.contains(s.toUtf8()), qPrintable("expected '" + s + "' in: " + r.err));
        QVERIFY(r.out.isEmpty());
    }

    void fillContract() {
        const Run r =
            cli({"fill", "--dem", path("dem.tif"), "--out", path("filled.tif"), "--depth-out",
                 path("sink.tif"), "--flow-dir-out", path("dir.tif"), "--flow-acc-out", path("acc.tif"),
                 "--rain", "500", "--runoff", "0.5", "--ponding-out", path("pond.tif"), "--json"});
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        const QJsonObject j = r.json();
        for (const char* key : {"sink_cells", "sink_volume_m3", "max_depth", "out", "depth_out", "ponding"})
            QVERIFY2(j.contains(key), key);
        // Nothing here is a sink: both basins reach the DEM's border (an outlet).
        QCOMPARE(j["sink_cells"].toInt(), 0);
        auto filled = gis::io::readDem(path("filled.tif").toStdString());
        auto dem = gis::io::readDem(path("dem.tif").toStdString());
        QVERIFY(filled && dem);
        for (std::size_t i = 0; i < dem->raster.data.size(); ++i)
            QVERIFY(std::isnan(dem->raster.data[i]) || filled->raster.data[i] >= dem->raster.data[i]);
        const QJsonObject p = j["ponding"].toObject();
        QCOMPARE(p["runoff_volume_m3"].toDouble(), 0.5 * p["rain_volume_m3"].toDouble());
        QVERIFY(std::abs(p["ponded_volume_m3"].toDouble() + p["drained_volume_m3"].toDouble() -
                         p["runoff_volume_m3"].toDouble()) < 1e-6 * p["runoff_volume_m3"].toDouble());
        auto acc = gis::io::readDem(path("acc.tif").toStdString());
        QVERIFY(acc);
        // A closed bowl: the whole DEM is a sink below the frame at 9 m.
        gis::RasterF bowl = dem->raster;
        for (int y = 0; y < bowl.height; ++y)
            for (int x = 0; x < bowl.width; ++x)
                if (x == 0 || y == 0 || x == bowl.width - 1 || y == bowl.height - 1)
                    bowl.at(x, y) = 9.0f;
        QVERIFY(gis::io::writeGeoTiff(bowl, gis::Crs{"EPSG:32650"}, path("bowl.tif").toStdString()));
        const Run b = cli({"fill", "--dem", path("bowl.tif"), "--out", path("bowl_filled.tif"), "--json"});
        QVERIFY2(b.code == 0, qPrintable(why(b)));
        QCOMPARE(b.json()["sink_cells"].toInt(), 38 * 28 - 4);
        QCOMPARE(b.json()["max_depth"].toDouble(), 8.0);
    }
};

QTEST_GUILESS_MAIN(TestCliFloodStatic)
#include "test_cli_flood_static.moc"
