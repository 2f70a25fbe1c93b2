#include "gis/demo/demo_city.h"

#include <QTest>

#include <set>

using namespace gis;

namespace {
const BuildingLayerData& buildings(const Project& p) {
    return std::get<BuildingLayerData>(p.findLayer("buildings")->data);
}
const ZoneLayerData& zones(const Project& p) {
    return std::get<ZoneLayerData>(p.findLayer("zoning")->data);
}
} // namespace

class TestDemoCity : public QObject {
    Q_OBJECT
private slots:
    void hasTheLayersOfACity() {
        Project p = demo::makeDemoCity();
        QCOMPARE(p.crs.definition, std::string("EPSG:4547"));
        QVERIFY(p.terrain() && p.terrain()->dem);
        const auto& bs = buildings(p).buildings;
        QVERIFY2(bs.size() >= 200 && bs.size() <= 1500, std::to_string(bs.size()).c_str());
        std::set<std::string> classes;
        for (const auto& z : zones(p).zones)
            classes.insert(z.landClass);
        QVERIFY(classes.size() >= 5); // R, A, B, M, W, G, E
        QVERIFY(classes.count("R") && classes.count("B") && classes.count("G") && classes.count("E"));
    }
    void isDeterministicPerSeed() {
        Project a = demo::makeDemoCity({.seed = 7}), b = demo::makeDemoCity({.seed = 7});
        Project c = demo::makeDemoCity({.seed = 8});
        QCOMPARE(buildings(a).buildings.size(), buildings(b).buildings.size());
        for (std::size_t i = 0; i < buildings(a).buildings.size(); ++i)
            QCOMPARE(buildings(a).buildings[i].height, buildings(b).buildings[i].height);
        bool differs = buildings(a).buildings.size() != buildings(c).buildings.size();
        for (std::size_t i = 0; !differs && i < buildings(a).buildings.size(); ++i)
            differs = buildings(a).buildings[i].height != buildings(c).buildings[i].height;
        QVERIFY(differs);
    }
    void buildingsStandOnTheTerrainInsideIt() {
        Project p = demo::makeDemoCity();
        const Extent terrain = p.terrain()->dem->extent();
        double tallest = 0;
        int slabsFacingSouth = 0;
        for (const auto& b : buildings(p).buildings) {
            QVERIFY(area(b.footprint) > 10);
            QVERIFY(b.height > 2 && b.height < 400);
            for (const auto& v : b.footprint.outer) {
                QVERIFY(terrain.contains(v.x, v.y));
                QVERIFY(p.groundHeight(v.x, v.y) >= b.baseZ - 0.01); // no floating corner
            }
            tallest = std::max(tallest, b.height);
            Extent e = b.footprint.extent();
            if (b.use == "residential" && e.width() > 2.5 * e.height())
                ++slabsFacingSouth;
        }
        QVERIFY(tallest > 120);         // a centre of towers
        QVERIFY(slabsFacingSouth > 40); // east-west slabs, facades facing south
    }
    void riverValleyIsLowerThanTheHills() {
        Project p = demo::makeDemoCity();
        const auto& dem = *p.terrain()->dem;
        float lo = 1e9f, hi = -1e9f;
        for (float v : dem.data) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        QVERIFY(hi - lo > 20);
        const Vec2 c = dem.extent().center();
        QVERIFY(p.groundHeight(c.x, c.y) < lo + 8); // the river runs through the centre
    }
    void exactCountForBenchmarks() {
        Project p = demo::makeDemoCity({.buildingCount = 10000});
        QCOMPARE(buildings(p).buildings.size(), std::size_t(10000));
    }
    void terrainUriRoundTrips() {
        std::uint32_t seed = 0;
        double size = 0;
        QVERIFY(demo::parseDemoTerrainUri(demo::demoTerrainUri(42, 3600), seed, size));
        QCOMPARE(seed, 42u);
        QCOMPARE(size, 3600.0);
        QVERIFY(!demo::parseDemoTerrainUri("terrain.tif", seed, size));
    }
};

QTEST_APPLESS_MAIN(TestDemoCity)
#include "test_demo_city.moc"
