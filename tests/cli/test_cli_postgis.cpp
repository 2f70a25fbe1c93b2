// Drives `urbis-cli export-zones` and `urbis-cli info "PG:..."` against a throwaway PostgreSQL + PostGIS
// server (tests/common/postgis_server.h).
#include "common/cli_runner.h"
#include "common/postgis_server.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestCliPostgis : public QObject {
    Q_OBJECT
    std::unique_ptr<urbis_test::PostgisServer> mServer;
    QTemporaryDir mDir;

private slots:
    void initTestCase() { URBIS_START_POSTGIS(mServer); }
    void cleanupTestCase() { mServer.reset(); }

    void exportThenInfo() {
        const QString project = mDir.filePath("demo.gpkg");
        auto demo = urbis_test::runCli({"demo", "--out", project, "--json"});
        QVERIFY2(demo.code == 0, demo.err.constData());
        int zoneCount = -1;
        for (const auto& l : demo.json()["layers"].toArray())
            if (l.toObject()["name"].toString() == "zoning")
                zoneCount = l.toObject()["feature_count"].toInt();
        QVERIFY2(zoneCount > 0, demo.out.constData());

        auto r = urbis_test::runCli({"export-zones", project, "--to", mServer->connection(), "--layer",
                                     "zoning", "--table", "city_zones", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json()["table"].toString(), QString("city_zones"));
        QCOMPARE(r.json()["feature_count"].toInt(), zoneCount);

        auto again = urbis_test::runCli(
            {"export-zones", project, "--to", mServer->connection(), "--table", "city_zones"});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains("already exists") && again.err.contains("--overwrite"),
                 again.err.constData());
        auto over = urbis_test::runCli(
            {"export-zones", project, "--to", mServer->connection(), "--table", "city_zones", "--overwrite"});
        QVERIFY2(over.code == 0, over.err.constData());

        auto info = urbis_test::runCli({"info", mServer->connection(), "--json"});
        QVERIFY2(info.code == 0, info.err.constData());
        QCOMPARE(info.json()["driver"].toString(), QString("PostgreSQL"));
        bool found = false;
        for (const auto& l : info.json()["layers"].toArray()) {
            const QJsonObject o = l.toObject();
            if (o["name"].toString() == "city_zones") {
                found = true;
                QCOMPARE(o["feature_count"].toInt(), zoneCount);
                QCOMPARE(o["crs"].toString(), QString("EPSG:4547"));
            }
        }
        QVERIFY2(found, info.out.constData());
    }

    void usageErrors() {
        QCOMPARE(urbis_test::runCli({"export-zones", "--help"}).code, 0);
        QCOMPARE(urbis_test::runCli({"export-zones", "x.gpkg"}).code, 2);
        QCOMPARE(urbis_test::runCli({"export-zones", "x.gpkg", "--to", "/tmp/not-a-db"}).code, 2);
        auto missing =
            urbis_test::runCli({"export-zones", mDir.filePath("none.gpkg"), "--to", "PG:dbname=x"});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("does not exist"), missing.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliPostgis)
#include "test_cli_postgis.moc"
