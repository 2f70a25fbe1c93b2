// describeDataset (urbis-cli info) and importDataset on small files generated here.
#include "common/test_files.h"
#include "gis/demo/demo_city.h"
#include "gis/io/crs_transform.h"
#include "gis/io/dataset_info.h"
#include "gis/io/import_dataset.h"
#include "gis/io/project_file.h"
#include "gis/io/raster_io.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gis;

namespace {
using urbis_test::writeText;

// Three footprints near Wuhan in lon/lat: one with a height, one with storeys, one with an absurd height,
// plus a feature without geometry and a self-intersecting bow-tie.
const char* kBuildingsGeoJson = R"({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
 "features": [
  {"type": "Feature", "id": 1, "properties": {"height": 24.5, "name": "A"},
   "geometry": {"type": "Polygon", "coordinates": [[[114.300, 30.550], [114.3003, 30.550], [114.3003, 30.5502], [114.300, 30.5502], [114.300, 30.550]]]}},
  {"type": "Feature", "id": 2, "properties": {"building:levels": 6},
   "geometry": {"type": "Polygon", "coordinates": [[[114.301, 30.550], [114.3013, 30.550], [114.3013, 30.5502], [114.301, 30.5502], [114.301, 30.550]]]}},
  {"type": "Feature", "id": 3, "properties": {"height": -5},
   "geometry": {"type": "Polygon", "coordinates": [[[114.302, 30.550], [114.3023, 30.550], [114.3023, 30.5502], [114.302, 30.5502], [114.302, 30.550]]]}},
  {"type": "Feature", "id": 4, "properties": {"height": 10}, "geometry": null},
  {"type": "Feature", "id": 5, "properties": {"height": 12},
   "geometry": {"type": "Polygon", "coordinates": [[[114.303, 30.550], [114.3033, 30.5502], [114.3033, 30.550], [114.303, 30.5502], [114.303, 30.550]]]}}
 ]})";
} // namespace

class TestDatasetIo : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;

private slots:
    void infoOnDemoProject() {
        const QString path = mDir.filePath("demo.gpkg");
        Project p = demo::makeDemoCity();
        QVERIFY(io::writeProject(p, path.toStdString()));
        auto info = io::describeDataset(path.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->format, std::string("Urbis project"));
        QCOMPARE(info->crs, std::string("EPSG:4547"));
        QCOMPARE(info->layers.size(), p.layers.size());
        for (std::size_t i = 0; i < p.layers.size(); ++i) {
            QCOMPARE(info->layers[i].name, p.layers[i].id);
            QCOMPARE(info->layers[i].featureCount, std::int64_t(p.layers[i].featureCount()));
        }
        QVERIFY(info->extentLonLat);
        QVERIFY(info->extentLonLat->minX > 114.2 && info->extentLonLat->maxX < 114.4);
        QVERIFY(info->extentLonLat->minY > 30.5 && info->extentLonLat->maxY < 30.6);
    }
    void infoOnGeoTiff() {
        RasterF dem(30, 20, 528000, 3381000, 5, 1.0f);
        const QString path = mDir.filePath("dem.tif");
        QVERIFY(io::writeGeoTiff(dem, Crs{"EPSG:4547"}, path.toStdString()));
        auto info = io::describeDataset(path.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->driver, std::string("GTiff"));
        QCOMPARE(info->rasterWidth, 30);
        QCOMPARE(info->rasterHeight, 20);
        QCOMPARE(info->crs, std::string("EPSG:4547"));
        QCOMPARE(info->extent.minX, 528000.0);
        QCOMPARE(info->extent.maxY, 3381000.0);
    }
    void infoOnVectorFile() {
        const QString path = mDir.filePath("b.geojson");
        writeText(path, kBuildingsGeoJson);
        auto info = io::describeDataset(path.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->layers.size(), std::size_t(1));
        QCOMPARE(info->layers[0].featureCount, std::int64_t(5));
        QCOMPARE(info->layers[0].geometryType, std::string("Polygon"));
        QCOMPARE(info->crs, std::string("EPSG:4326")); // GDAL reads CRS84 as EPSG:4326 in lon/lat order
    }
    void infoErrors() {
        const QString text = mDir.filePath("readme.txt");
        writeText(text, "hello, this is not a dataset\n");
        auto r = io::describeDataset(text.toStdString());
        QVERIFY(!r);
        QVERIFY2(r.error().find("readme.txt") != std::string::npos &&
                     r.error().find("not a dataset") != std::string::npos,
                 r.error().c_str());
        QVERIFY(!io::describeDataset(mDir.filePath("missing.gpkg").toStdString()));
    }
    void importBuildingsReprojectsAndReports() {
        const QString path = mDir.filePath("buildings.geojson");
        writeText(path, kBuildingsGeoJson);
        Project p = demo::makeDemoCity();
        Progress progress;
        auto r = io::importDataset(path.toStdString(), p, {}, progress);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->layers.size(), std::size_t(1));
        const auto& bs = std::get<BuildingLayerData>(r->layers[0].data).buildings;
        QVERIFY(bs.size() >= 3); // the bow-tie may be repaired into two parts
        QCOMPARE(bs[0].height, 24.5);
        QCOMPARE(bs[1].height, 18.0); // 6 storeys x 3 m
        QCOMPARE(bs[2].height, 10.0); // absurd -5 m replaced by the default
        // Reprojected into the project CRS (EPSG:4547), near the demo city.
        const Extent e = bs[0].footprint.extent();
        QVERIFY(e.minX > 520000 && e.maxX < 540000 && e.minY > 3370000 && e.maxY < 3390000);
        QVERIFY(e.width() > 20 && e.width() < 40);
        QVERIFY(bs[0].baseZ > 0); // placed on the demo terrain
        std::string all;
        for (const auto& w : r->warnings)
            all += w + "\n";
        QVERIFY2(all.find("feature 3") != std::string::npos, all.c_str());
        QVERIFY2(all.find("feature 4") != std::string::npos, all.c_str());
        QVERIFY(all.find("default") != std::string::npos);
        QVERIFY2(all.find("feature 5: invalid geometry") != std::string::npos, all.c_str()); // the bow-tie
        QVERIFY(r->layers[0].id != "buildings"); // unique against the project's layers
        // 5 building features: 1 with a height, 1 from storeys, 2 defaulted (-5 m, and the bow-tie? no: 12
        // m), 1 without geometry skipped.
        QCOMPARE(r->heights.buildings, std::int64_t(5));
        QCOMPARE(r->heights.skipped, std::int64_t(1));
        QCOMPARE(r->heights.withLevels, std::int64_t(1));
        QCOMPARE(r->heights.defaulted, std::int64_t(1));
        QCOMPARE(r->heights.withHeight, std::int64_t(2));
    }
    void farAwayLayerIsWarnedAbout() {
        // Near the demo city: no placement warning.
        const QString near = mDir.filePath("near.geojson");
        writeText(near, kBuildingsGeoJson);
        Project p = demo::makeDemoCity();
        Progress progress;
        auto r = io::importDataset(near.toStdString(), p, {}, progress);
        QVERIFY(r);
        for (const auto& w : r->warnings)
            QVERIFY2(w.find("from the rest of the project") == std::string::npos, w.c_str());
        // The same footprints in Beijing (about 1,000 km away): one warning naming the layer and the causes.
        QByteArray beijing = kBuildingsGeoJson;
        beijing.replace("114.30", "116.40").replace("30.55", "39.90");
        const QString far = mDir.filePath("far.geojson");
        writeText(far, beijing);
        r = io::importDataset(far.toStdString(), p, {}, progress);
        QVERIFY(r);
        std::string placement;
        for (const auto& w : r->warnings)
            if (w.find("from the rest of the project") != std::string::npos)
                placement = w;
        QVERIFY2(placement.find("'far'") != std::string::npos, placement.c_str());
        QVERIFY(placement.find("axis order") != std::string::npos);
        QVERIFY2(placement.find("lat 39.") != std::string::npos, placement.c_str());
    }
    void importWithoutCrsAsksForOne() {
        const QString path = mDir.filePath("nocrs.csv");
        writeText(path, "WKT,height\n\"POLYGON((0 0,10 0,10 10,0 10,0 0))\",5\n");
        Progress progress;
        auto r = io::importDataset(path.toStdString(), Project{}, {}, progress);
        QVERIFY(!r);
        QVERIFY2(r.error().find("--assume-crs") != std::string::npos, r.error().c_str());
        io::ImportOptions o;
        o.assumeCrs = "EPSG:32650";
        auto ok = io::importDataset(path.toStdString(), Project{}, o, progress);
        QVERIFY2(ok, ok.error().c_str());
        QCOMPARE(ok->datasetCrs.definition, std::string("EPSG:32650"));
    }
    void lonLatDataGetsTheLocalUtmZone() {
        const QString path = mDir.filePath("lonlat.geojson");
        writeText(path, kBuildingsGeoJson);
        Progress progress;
        auto r = io::importDataset(path.toStdString(), Project{}, {}, progress);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->datasetCrs.definition, std::string("EPSG:32650")); // 114.3 E, 30.55 N: UTM zone 50 N
        const auto& bs = std::get<BuildingLayerData>(r->layers[0].data).buildings;
        // The footprint's edges: 0.0003 deg of longitude at 30.55 N is 28.76 m on the ground, 0.0002 deg of
        // latitude 22.2 m (UTM scale error here is < 0.1 %; the extent box would also rotate with
        // convergence).
        const auto& ring = bs[0].footprint.outer;
        double longest = 0, shortest = 1e9;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const Vec2 d = ring[(i + 1) % ring.size()] - ring[i];
            longest = std::max(longest, std::hypot(d.x, d.y));
            shortest = std::min(shortest, std::hypot(d.x, d.y));
        }
        QVERIFY2(std::abs(longest - 28.76) < 0.1, std::to_string(longest).c_str());
        QVERIFY2(std::abs(shortest - 22.18) < 0.1, std::to_string(shortest).c_str());
        QCOMPARE(io::utmZoneFor(-2.93, 54.9).definition, std::string("EPSG:32630"));
        QCOMPARE(io::utmZoneFor(151.2, -33.9).definition, std::string("EPSG:32756"));
        QVERIFY(io::isWebMercator(Crs{"EPSG:3857"}));
        QVERIFY(!io::isWebMercator(Crs{"EPSG:32650"}));
    }
    void importDemAsTerrain() {
        RasterF dem(30, 20, 528000, 3381000, 5, 3.0f);
        const QString path = mDir.filePath("terrain.tif");
        QVERIFY(io::writeGeoTiff(dem, Crs{"EPSG:4547"}, path.toStdString()));
        Progress progress;
        auto r = io::importDataset(path.toStdString(), Project{}, {}, progress);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->layers.size(), std::size_t(1));
        QCOMPARE(r->layers[0].kind(), LayerKind::Terrain);
        QVERIFY(io::isProjectedMetric(r->datasetCrs) || !r->datasetCrs.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestDatasetIo)
#include "test_dataset_io.moc"
