#include "gis/analysis/walk.h"
#include "gis/demo/demo_city.h"

#include <QTest>

using namespace gis;

namespace {
Project boxOnSlope() {
    Project p;
    p.crs.definition = "EPSG:4547";
    auto dem = std::make_shared<RasterF>(100, 100, 0, 1000, 10);
    for (int r = 0; r < 100; ++r)
        for (int c = 0; c < 100; ++c)
            dem->at(c, r) = float(0.05 * c * 10); // 5% slope rising eastwards
    p.layers.push_back({"t", "T", true, TerrainLayerData{"", dem}});
    Building b;
    b.footprint.outer = {{500, 480}, {520, 480}, {520, 520}, {500, 520}};
    b.baseZ = 20;
    b.height = 30;
    p.layers.push_back({"b", "B", true, BuildingLayerData{{b}}});
    return p;
}
} // namespace

class TestWalk : public QObject {
    Q_OBJECT
private slots:
    void eyeIsAtEyeHeightAboveTheGround() {
        Project p = boxOnSlope();
        analysis::WalkConstraint walk(p);
        Vec3 eye = walk.eyeAt(300, 500);
        QVERIFY(std::abs(eye.z - (p.groundHeight(300, 500) + 1.7)) < 1e-9);
        Vec3 moved = walk.move(eye, {350, 500, 0}); // uphill, nothing in the way
        QVERIFY(std::abs(moved.x - 350) < 1e-9);
        QVERIFY(std::abs(moved.z - (p.groundHeight(350, 500) + 1.7)) < 1e-9);
    }
    void wallsStopTheWalker() {
        Project p = boxOnSlope();
        analysis::WalkConstraint walk(p);
        Vec3 eye = walk.eyeAt(480, 500);
        Vec3 moved = walk.move(eye, {510, 500, 0}); // straight into the west wall at x = 500
        QVERIFY2(moved.x <= 500 - analysis::WalkConstraint::kBodyRadius + 1e-3,
                 std::to_string(moved.x).c_str());
        QVERIFY(moved.x > 499); // it did walk up to the wall
        QVERIFY(std::abs(moved.z - (p.groundHeight(moved.x, moved.y) + 1.7)) < 1e-9);
        // Repeated steps never get through.
        for (int i = 0; i < 50; ++i)
            moved = walk.move(moved, {moved.x + 1, moved.y, 0});
        QVERIFY(moved.x < 500);
    }
    void obliqueMovesSlideAlongTheWall() {
        Project p = boxOnSlope();
        analysis::WalkConstraint walk(p);
        Vec3 eye = walk.eyeAt(499, 490);
        Vec3 moved = walk.move(eye, {505, 496, 0});
        QVERIFY(moved.x < 500);
        QVERIFY(moved.y > 493); // slid northwards along the wall
    }
    void standingSpots() {
        Project p = boxOnSlope();
        analysis::WalkConstraint walk(p);
        QVERIFY(walk.canStand(480, 500));
        QVERIFY(!walk.canStand(510, 500));   // inside the footprint
        QVERIFY(!walk.canStand(499.8, 500)); // closer than the body radius to the wall
        Vec3 eye = walk.nearestStandingEye(510, 500);
        QVERIFY(walk.canStand(eye.x, eye.y));
        QVERIFY(std::hypot(eye.x - 510, eye.y - 500) <= 14.0); // the nearest free ring outside the 20 m box
        QVERIFY(std::abs(eye.z - (p.groundHeight(eye.x, eye.y) + 1.7)) < 1e-9);
        Vec3 free = walk.nearestStandingEye(300, 300);
        QCOMPARE(free.x, 300.0);
        QCOMPARE(free.y, 300.0);
    }
    void demoCityBuildingsAreSolid() {
        Project p = demo::makeDemoCity();
        analysis::WalkConstraint walk(p);
        const auto& bs = std::get<BuildingLayerData>(p.findLayer("buildings")->data).buildings;
        int tested = 0;
        for (std::size_t i = 0; i < bs.size(); i += 25) {
            Extent e = bs[i].footprint.extent();
            Vec2 c = e.center();
            Vec3 start = walk.eyeAt(c.x, e.minY - 15);
            Vec3 end = start;
            for (int k = 0; k < 40; ++k) // walk north towards and past the building
                end = walk.move(end, {end.x, end.y + 1, 0});
            QVERIFY(!contains(bs[i].footprint, {end.x, end.y}));
            ++tested;
        }
        QVERIFY(tested > 5);
    }
};

QTEST_APPLESS_MAIN(TestWalk)
#include "test_walk.moc"
