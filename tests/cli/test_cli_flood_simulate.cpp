// Drives `urbis-cli flood simulate RUN.json --out DIR --json`: a generated run with every kind of input
// (class table Manning's n, rain, point and line inflows, level and free boundaries, gauges) and its outputs;
// a Chicago storm; bad input with clear messages and exit codes; and the Carlisle 2005 event (shared data,
// shortened).
#include "common/cli_runner.h"
#include "common/test_files.h"
#include "gis/io/raster_io.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
using Run = urbis_test::CliRun;

Run simulate(const QString& runJson, const QString& outDir, const QStringList& extra = {"--json"}) {
    return urbis_test::runCli(QStringList{"flood", "simulate", runJson, "--out", outDir} + extra);
}

QString dataDir() {
    const QString env = qEnvironmentVariable("URBIS_DATA_DIR");
    return env.isEmpty() ? QStringLiteral(URBIS_DATA_DIR) : env;
}

// A 60 × 40 grid of 10 m cells in British National Grid: a valley sloping west with a low channel along
// row 20.
constexpr double kX0 = 400000, kY0 = 300400, kCell = 10;
void writeGrids(const QString& dir, const std::string& crs = "EPSG:27700", bool hole = false) {
    gis::RasterF dem(60, 40, kX0, kY0, kCell), classes(60, 40, kX0, kY0, kCell);
    for (int r = 0; r < 40; ++r)
        for (int c = 0; c < 60; ++c) {
            dem.at(c, r) = float(5 + 0.01 * c * kCell / 10 + 0.02 * std::abs(r - 20));
            classes.at(c, r) = c < 30 ? 1.f : 2.f; // grass west, paved east
        }
    if (hole)
        dem.at(30, 10) = NAN;
    QVERIFY(gis::io::writeGeoTiff(dem, gis::Crs{crs}, (dir + "/dem.tif").toStdString()));
    QVERIFY(gis::io::writeGeoTiff(classes, gis::Crs{crs}, (dir + "/landcover.tif").toStdString()));
}

QJsonObject baseRun() {
    return QJsonDocument::fromJson(R"({
      "dem": "dem.tif",
      "manning": {"classes": "landcover.tif", "table": {"1": 0.05, "2": 0.015}},
      "duration_s": 3600,
      "output_every_s": 600,
      "rain": [[0, 30], [1800, 30], [1800, 0]],
      "losses_mm_per_h": 2,
      "inflows": [
        {"name": "culvert", "point": [400555, 300205], "series": [[0, 0], [600, 2], [3600, 0.5]]},
        {"name": "weir", "line": [[400405, 300150], [400405, 300250]], "series": [[0, 1]]}
      ],
      "boundaries": [{"edge": "west", "free": true, "slope": 0.002},
                     {"edge": "east", "level": [[0, 5.0], [3600, 5.8]], "range": [300150, 300250]}],
      "gauges": [{"name": "channel", "x": 400205, "y": 300195}, {"name": "bank", "x": 400305, "y": 300375}]
    })")
        .object();
}

QString writeRun(const QString& dir, const QJsonObject& run, const QString& name = "run.json") {
    const QString path = dir + "/" + name;
    urbis_test::writeText(path, QJsonDocument(run).toJson());
    return path;
}

} // namespace

class TestCliFloodSimulate : public QObject {
    Q_OBJECT
private slots:
    void generatedRunWritesEveryOutput() {
        QTemporaryDir dir;
        writeGrids(dir.path());
        const QString out = dir.path() + "/out";
        Run r = simulate(writeRun(dir.path(), baseRun()), out);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        QVERIFY2(std::abs(j["mass_error_fraction"].toDouble(1)) < 1e-4, r.out.constData());
        QVERIFY(j["max_depth"].toDouble() > 0.05);
        QVERIFY(j["flooded_area_m2"].toDouble() > 1000);
        const QJsonArray gauges = j["gauges"].toArray();
        QCOMPARE(gauges.size(), 2);
        const QJsonObject channel = gauges[0].toObject();
        QCOMPARE(channel["name"].toString(), QString("channel"));
        for (const char* key : {"final_level", "peak_level", "final_depth", "peak_depth"})
            QVERIFY2(channel.contains(key), key);
        QVERIFY(channel["peak_level"].toDouble() >= channel["final_level"].toDouble());
        QVERIFY(channel["peak_depth"].toDouble() > 0);
        const QJsonObject mass = j["mass_balance"].toObject();
        QVERIFY(mass["boundary_out_volume_m3"].toDouble() > 0); // the free west edge drains the valley
        QVERIFY(mass["boundary_in_volume_m3"].toDouble() > 0);  // the east level rises above the ground

        // The max-depth GeoTIFF is on the DEM's grid and CRS, NaN nowhere on this DEM.
        auto depth = gis::io::readDem((out + "/max_depth.tif").toStdString());
        QVERIFY2(depth, depth.error().c_str());
        QCOMPARE(depth->raster.width, 60);
        QCOMPARE(depth->raster.originX, kX0);
        QVERIFY(std::abs(depth->raster.valueRange()->second - j["max_depth"].toDouble()) < 1e-4);
        for (const char* f : {"max_velocity.tif", "max_hazard.tif", "arrival_time.tif", "flood_duration.tif",
                              "final_depth.tif", "max_level.tif"})
            QVERIFY2(QFileInfo::exists(out + "/" + f), f);

        // Gauge CSV: a header and one row per gauge and output time (t = 0, 600, ..., 3600).
        QFile csv(out + "/gauges.csv");
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.front(), QByteArray("gauge,x,y,ground_m,time_s,depth_m,level_m"));
        QCOMPARE(lines.size(), 1 + 2 * 7);

        // Run record: every parameter, the DEM's checksum, the mass balance and the software version.
        QFile recordFile(out + "/run_record.json");
        QVERIFY(recordFile.open(QIODevice::ReadOnly));
        const QJsonObject record = QJsonDocument::fromJson(recordFile.readAll()).object();
        QCOMPARE(record["version"].toString(), QString("0.1.0"));
        QFile demFile(dir.path() + "/dem.tif");
        QVERIFY(demFile.open(QIODevice::ReadOnly));
        QCOMPARE(record["dem"].toObject()["sha256"].toString(),
                 QString(QCryptographicHash::hash(demFile.readAll(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(record["run"].toObject()["duration_s"].toDouble(), 3600.0);
        QCOMPARE(record["model"].toObject()["manning"].toString(), QString("raster"));
        QCOMPARE(record["mass_balance"].toObject()["error_fraction"].toDouble(),
                 j["mass_error_fraction"].toDouble());

        // Text output names the files; progress (with the time left) goes to stderr.
        Run text = simulate(writeRun(dir.path(), baseRun()), dir.path() + "/out2", {});
        QVERIFY2(text.code == 0 && text.out.contains("max_depth.tif") && text.out.contains("gauge channel"),
                 text.out.constData());
        QVERIFY2(text.err.contains("left"), text.err.constData());
    }

    void chicagoStormAndSnapshots() {
        QTemporaryDir dir;
        writeGrids(dir.path());
        QJsonObject run = baseRun();
        run.remove("inflows");
        run["rain"] = QJsonObject{
            {"chicago",
             QJsonObject{
                 {"a", 1200}, {"b", 10}, {"c", 0.75}, {"r", 0.4}, {"duration_s", 3600}, {"step_s", 300}}}};
        run["manning"] = 0.03;
        run["write_depth_snapshots"] = true;
        run["depth_threshold"] = 0.01;
        run["speling_mistake"] = 1;
        Run r = simulate(writeRun(dir.path(), run), dir.path() + "/out");
        QVERIFY2(r.code == 0, r.err.constData());
        // 1200 × 60 / 70^0.75 / 60 = 49.3 mm over 60 × 40 cells of 100 m² = 11,800 m³ of rain.
        const double rain = r.json()["mass_balance"].toObject()["rain_volume_m3"].toDouble();
        QVERIFY2(std::abs(rain - 1200.0 * 60 / std::pow(70.0, 0.75) / 60 / 1000 * 2400 * 100) < 1,
                 std::to_string(rain).c_str());
        QCOMPARE(r.json()["outputs"].toObject()["depth_snapshots"].toArray().size(), 7);
        QVERIFY(QFileInfo::exists(dir.path() + "/out/depth_t00001800s.tif"));
        QVERIFY2(r.err.contains("speling_mistake"), r.err.constData()); // unknown keys are warned about
    }

    void badInputIsRefusedClearly() {
        QTemporaryDir dir;
        writeGrids(dir.path());
        auto expectFailure = [&](const QJsonObject& run, const char* needle) {
            Run r = simulate(writeRun(dir.path(), run, "bad.json"), dir.path() + "/bad");
            QVERIFY2(r.code == 1,
                     qPrintable(QString("exit %1 for %2: %3").arg(r.code).arg(needle).arg(QString(r.err))));
            QVERIFY2(r.err.contains(needle),
                     qPrintable(QString("want '%1' in: %2").arg(needle).arg(QString(r.err))));
        };
        QJsonObject run = baseRun();
        run["alpha"] = 1.5;
        expectFailure(run, "alpha");
        run = baseRun();
        run["inflows"] = QJsonArray{
            QJsonObject{{"line", QJsonArray{QJsonArray{400405, 300150}, QJsonArray{399000, 300150}}},
                        {"series", QJsonArray{QJsonArray{0, 1}}}}};
        expectFailure(run, "off the grid");
        run = baseRun();
        run.remove("duration_s");
        expectFailure(run, "'duration_s' is required");
        run = baseRun();
        run["boundaries"] = QJsonArray{QJsonObject{{"edge", "up"}, {"free", true}}};
        expectFailure(run, "boundaries[0].edge");
        run = baseRun();
        run["manning"] = QJsonObject{{"classes", "landcover.tif"}, {"table", QJsonObject{{"1", 0.05}}}};
        expectFailure(run, "land-cover class 2");
        run = baseRun();
        run["rain"] = QJsonArray{QJsonArray{0, 10}, QJsonArray{"soon", 5}};
        expectFailure(run, "'rain' entry 2");
        run = baseRun();
        run["dem"] = "missing.tif";
        expectFailure(run, "cannot be read");

        urbis_test::writeText(dir.path() + "/broken.json", "{\"dem\": ");
        Run broken = simulate(dir.path() + "/broken.json", dir.path() + "/bad");
        QVERIFY(broken.code == 1 && broken.err.contains("not valid JSON"));

        // A geographic DEM is refused (degrees are not cell sizes).
        QTemporaryDir geo;
        gis::RasterF deg(20, 20, 10.0, 50.0, 0.0001, 1.f);
        QVERIFY(gis::io::writeGeoTiff(deg, gis::Crs{"EPSG:4326"}, (geo.path() + "/dem.tif").toStdString()));
        Run g = simulate(writeRun(geo.path(), QJsonObject{{"dem", "dem.tif"}, {"duration_s", 60}}),
                         geo.path() + "/out");
        QVERIFY2(g.code == 1 && g.err.contains("not a projected CRS in metres"), g.err.constData());

        // Interior nodata holes are refused unless asked to treat them as walls.
        QTemporaryDir holed;
        writeGrids(holed.path(), "EPSG:27700", true);
        Run h = simulate(writeRun(holed.path(), baseRun()), holed.path() + "/out");
        QVERIFY2(h.code == 1 && h.err.contains("nodata cells inside") && h.err.contains("gdal_fillnodata"),
                 h.err.constData());
        QJsonObject walls = baseRun();
        walls["nodata_holes"] = "walls";
        Run w = simulate(writeRun(holed.path(), walls), holed.path() + "/out");
        QVERIFY2(w.code == 0 && w.err.contains("treated as walls"), w.err.constData());

        // Usage errors: exit 2.
        QCOMPARE(urbis_test::runCli({"flood", "simulate", dir.path() + "/run.json"}).code, 2);
        QCOMPARE(urbis_test::runCli({"flood", "simulate"}).code, 2);
        QVERIFY(urbis_test::runCli({"flood", "simulate", "--help"}).out.contains("local-inertial"));
    }

    void carlisle2005Shortened() {
        // The LISFLOOD-FP Carlisle test (shared data): 5 m DEM, three river inflows given as flow per unit
        // width (m²/s) at boundary points, times the 5 m cell width = m³/s; a free west edge (slope 0.0006);
        // n 0.055. The first 90 minutes of the event keep the test short; docs/flood-carlisle.md has the full
        // run.
        const QString base = QDir(dataDir()).filePath("flood-carlisle-2005-lisflood");
        if (!QFileInfo::exists(base + "/carlisle-5m-dem.tif")) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable("real test data missing in CI: " + base));
            QSKIP(qPrintable("no shared data at " + base + " (set URBIS_DATA_DIR)"));
        }
        QJsonArray inflows, gauges;
        QFile bci(base + "/original/carlisle.bci");
        QVERIFY(bci.open(QIODevice::ReadOnly));
        for (const QByteArray& line : bci.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() == 5 && f[0] == "P" && f[3] == "QVAR")
                inflows.append(
                    QJsonObject{{"point", QJsonArray{f[1].toDouble(), f[2].toDouble()}},
                                {"series", QJsonObject{{"lisflood_bdy", base + "/original/carlisle.bdy"},
                                                       {"name", QString(f[4])}}},
                                {"scale", 5.0}});
        }
        QCOMPARE(inflows.size(), 23);
        QFile stage(base + "/original/carlisle.stage");
        QVERIFY(stage.open(QIODevice::ReadOnly));
        const QList<QByteArray> s = stage.readAll().simplified().split(' ');
        for (int i = 0; i < s[0].toInt(); ++i)
            gauges.append(QJsonObject{{"name", QString("S%1").arg(i + 1)},
                                      {"x", s[1 + 2 * i].toDouble()},
                                      {"y", s[2 + 2 * i].toDouble()}});
        QTemporaryDir dir;
        const QJsonObject run{
            {"dem", base + "/carlisle-5m-dem.tif"},
            {"manning", 0.055},
            {"duration_s", 5400},
            {"output_every_s", 900},
            {"inflows", inflows},
            {"gauges", gauges},
            {"boundaries", QJsonArray{QJsonObject{{"edge", "west"}, {"free", true}, {"slope", 0.0006}}}}};
        Run r = simulate(writeRun(dir.path(), run), dir.path() + "/out");
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        qInfo("Carlisle, first 90 min: max depth %.2f m, flooded %.0f m², mass error %.2e, %d steps, %.1f s",
              j["max_depth"].toDouble(), j["flooded_area_m2"].toDouble(), j["mass_error_fraction"].toDouble(),
              j["steps"].toInt(), j["wall_seconds"].toDouble());
        QVERIFY(std::abs(j["mass_error_fraction"].toDouble(1)) < 1e-3);
        // The inflow so far (the hydrographs' integral to 90 min × width) is stored on the grid: none has
        // reached the west edge yet, and the river channels hold metres of water.
        const QJsonObject mass = j["mass_balance"].toObject();
        QVERIFY(mass["inflow_volume_m3"].toDouble() > 1e4);
        QVERIFY(j["max_depth"].toDouble() > 1.0 && j["max_depth"].toDouble() < 15);
        QCOMPARE(j["gauges"].toArray().size(), 30);
        // The checksum in the run record matches the data set's manifest (PROVENANCE.md).
        QVERIFY(j["dem_sha256"].toString().startsWith("a6a0a48dfde25502"));
    }
};

QTEST_GUILESS_MAIN(TestCliFloodSimulate)
#include "test_cli_flood_simulate.moc"
