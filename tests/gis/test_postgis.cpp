// PostGIS as the shared store against a real PostgreSQL 15 + PostGIS 3 server
// (tests/common/postgis_server.h): the demo city's zones written and read back into a second project,
// overwrite protection, connection errors.
#include "common/postgis_server.h"
#include "gis/demo/demo_city.h"
#include "gis/io/crs_transform.h"
#include "gis/io/import_dataset.h"
#include "gis/io/postgis.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace gis;

namespace {
const Layer* zoneLayer(const Project& p) {
    for (const auto& l : p.layers)
        if (l.kind() == LayerKind::Zones)
            return &l;
    return nullptr;
}
double totalArea(const Layer& l) {
    double a = 0;
    for (const auto& z : std::get<ZoneLayerData>(l.data).zones)
        a += area(z.area);
    return a;
}
std::vector<std::string> classes(const Layer& l) {
    std::vector<std::string> c;
    for (const auto& z : std::get<ZoneLayerData>(l.data).zones)
        c.push_back(z.landClass);
    std::sort(c.begin(), c.end());
    return c;
}
} // namespace

class TestPostgis : public QObject {
    Q_OBJECT
    std::unique_ptr<urbis_test::PostgisServer> mServer;
    std::string conn() const { return mServer->connection().toStdString(); }

private slots:
    void passwordsAreNotShown() {
        QCOMPARE(gis::io::redactPassword("PG:host=h port=5 password=secret dbname=d"),
                 std::string("PG:host=h port=5 password=*** dbname=d"));
        QCOMPARE(gis::io::redactPassword("PG:password='a b' host=h"), std::string("PG:password=*** host=h"));
        QCOMPARE(gis::io::redactPassword("PG:host=h"), std::string("PG:host=h"));
    }
    void initTestCase() { URBIS_START_POSTGIS(mServer); }
    void cleanupTestCase() { mServer.reset(); }

    void roundTrip() {
        const Project city = demo::makeDemoCity();
        const Layer* zones = zoneLayer(city);
        QVERIFY(zones);
        QVERIFY(zones->featureCount() > 0);
        Status s = io::writeZoneLayer(conn(), *zones, city.crs, "zoning", false);
        QVERIFY2(s.isOk(), s.error().c_str());
        QCOMPARE(mServer->sql("SELECT Find_SRID('public', 'zoning', 'geom')"), QString("4547"));

        Project second; // empty: takes the CRS from the database
        NullProgress progress;
        auto report = io::importDataset(conn() + " tables=zoning", second, io::ImportOptions{}, progress);
        QVERIFY2(report.isOk(), report.error().c_str());
        QCOMPARE(report->layers.size(), std::size_t(1));
        const Layer& back = report->layers.front();
        QCOMPARE(back.kind(), LayerKind::Zones);
        QCOMPARE(back.name, std::string("zoning"));
        QCOMPARE(back.featureCount(), zones->featureCount());
        QVERIFY(classes(back) == classes(*zones));
        const double a = totalArea(*zones), b = totalArea(back);
        QVERIFY2(std::abs(a - b) <= 1e-6 * a, qPrintable(QString("area %1 vs %2").arg(a).arg(b)));
        QCOMPARE(io::crsIdentifier(report->datasetCrs), std::string("EPSG:4547"));
        // ids survive as feature ids
        std::vector<std::int64_t> ids, backIds;
        for (const auto& z : std::get<ZoneLayerData>(zones->data).zones)
            ids.push_back(z.id);
        for (const auto& z : std::get<ZoneLayerData>(back.data).zones)
            backIds.push_back(z.id);
        std::sort(ids.begin(), ids.end());
        std::sort(backIds.begin(), backIds.end());
        QVERIFY(ids == backIds);
    }

    void overwriteProtection() {
        const Project city = demo::makeDemoCity();
        const Layer* zones = zoneLayer(city);
        QVERIFY(io::writeZoneLayer(conn(), *zones, city.crs, "kept", false).isOk());
        const QString count = mServer->sql("SELECT count(*) FROM kept");
        QCOMPARE(count, QString::number(zones->featureCount()));

        Layer fewer = *zones;
        std::get<ZoneLayerData>(fewer.data).zones.resize(1);
        Status s = io::writeZoneLayer(conn(), fewer, city.crs, "kept", false);
        QVERIFY(!s.isOk());
        QVERIFY2(s.error().find("'kept' already exists") != std::string::npos, s.error().c_str());
        QVERIFY2(s.error().find("overwrit") != std::string::npos, s.error().c_str());
        QCOMPARE(mServer->sql("SELECT count(*) FROM kept"), count); // intact

        s = io::writeZoneLayer(conn(), fewer, city.crs, "kept", true);
        QVERIFY2(s.isOk(), s.error().c_str());
        QCOMPARE(mServer->sql("SELECT count(*) FROM kept"), QString("1"));
    }

    void badConnection() {
        const Project city = demo::makeDemoCity();
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int freePort = probe.serverPort();
        probe.close();
        const std::string bad =
            "PG:host=127.0.0.1 port=" + std::to_string(freePort) + " dbname=urbis_test user=postgres";
        Status s = io::writeZoneLayer(bad, *zoneLayer(city), city.crs, "zoning", false);
        QVERIFY(!s.isOk());
        QVERIFY2(s.error().find("host 127.0.0.1") != std::string::npos, s.error().c_str());
        QVERIFY2(s.error().find("port " + std::to_string(freePort)) != std::string::npos, s.error().c_str());
        NullProgress progress;
        auto r = io::importDataset(bad, Project{}, io::ImportOptions{}, progress);
        QVERIFY(!r.isOk());
        QVERIFY2(r.error().find("port " + std::to_string(freePort)) != std::string::npos, r.error().c_str());
    }

    void noPostgisExtension() {
        QVERIFY(!mServer->sql("CREATE DATABASE plain").isNull());
        const Project city = demo::makeDemoCity();
        const std::string plain =
            "PG:host=127.0.0.1 port=" + std::to_string(mServer->port()) + " dbname=plain user=postgres";
        Status s = io::writeZoneLayer(plain, *zoneLayer(city), city.crs, "zoning", false);
        QVERIFY(!s.isOk());
        QVERIFY2(s.error().find("CREATE EXTENSION postgis") != std::string::npos, s.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestPostgis)
#include "test_postgis.moc"
