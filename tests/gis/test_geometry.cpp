#include "gis/geom/extrude.h"
#include "gis/geom/triangulate.h"
#include "gis/model/geometry.h"

#include <QTest>

using namespace gis;

namespace {
double triangulatedArea(const geom::Triangulation& t) {
    double a = 0;
    for (const auto& tri : t.triangles) {
        const Vec2 &p = t.points[tri[0]], &q = t.points[tri[1]], &r = t.points[tri[2]];
        a += ((q.x - p.x) * (r.y - p.y) - (r.x - p.x) * (q.y - p.y)) / 2;
    }
    return a;
}

Polygon squareWithHole() {
    Polygon p;
    p.outer = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    p.holes = {{{3, 3}, {3, 7}, {7, 7}, {7, 3}}};
    return p;
}

// Signed volume of a closed mesh (divergence theorem); positive when faces wind outwards.
double meshVolume(const TriangleMesh& m) {
    double v = 0;
    for (std::size_t i = 0; i < m.indices.size(); i += 3) {
        const Vec3 &a = m.vertices[m.indices[i]], &b = m.vertices[m.indices[i + 1]],
                   &c = m.vertices[m.indices[i + 2]];
        v += a.dot(b.cross(c)) / 6.0;
    }
    return v;
}
} // namespace

class TestGeometry : public QObject {
    Q_OBJECT
private slots:
    void areaAndOrientation() {
        Polygon p = squareWithHole();
        std::reverse(p.outer.begin(), p.outer.end()); // clockwise outer
        p.outer.push_back(p.outer.front());           // repeated closing vertex
        normalizeOrientation(p);
        QCOMPARE(p.outer.size(), std::size_t(4));
        QVERIFY(signedArea(p.outer) > 0);
        QVERIFY(signedArea(p.holes[0]) < 0);
        QCOMPARE(area(p), 100.0 - 16.0);
        QVERIFY(contains(p, {1, 1}));
        QVERIFY(!contains(p, {5, 5})); // in the hole
        QVERIFY(!contains(p, {11, 5}));
    }
    void triangulateWithHole() {
        Polygon p = squareWithHole();
        normalizeOrientation(p);
        auto t = geom::triangulate(p);
        QVERIFY(!t.triangles.empty());
        QCOMPARE(triangulatedArea(t), 84.0);
        for (const auto& tri : t.triangles) { // no triangle inside the hole
            Vec2 c = (t.points[tri[0]] + t.points[tri[1]] + t.points[tri[2]]) * (1.0 / 3);
            QVERIFY(contains(p, c));
        }
    }
    void triangulateSteinerAndSplit() {
        Polygon p{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}, {}};
        std::vector<Vec2> grid;
        for (int i = -5; i <= 105; i += 10)
            for (int j = -5; j <= 105; j += 10)
                grid.push_back({double(i), double(j)});
        auto t = geom::triangulate(p, 10.0, grid);
        QCOMPARE(triangulatedArea(t), 10000.0);
        // 40 boundary points + 100 interior grid points (those outside are dropped).
        QCOMPARE(t.points.size(), std::size_t(40 + 100));
        for (const auto& tri : t.triangles)
            for (int k = 0; k < 3; ++k) {
                const Vec2 &a = t.points[tri[k]], &b = t.points[tri[(k + 1) % 3]];
                QVERIFY(std::hypot(a.x - b.x, a.y - b.y) < 16);
            }
    }
    void degenerateInputGivesNothing() {
        QVERIFY(geom::triangulate(Polygon{{{0, 0}, {1, 1}}, {}}).triangles.empty());
        QVERIFY(geom::triangulate(Polygon{}).triangles.empty());
    }
    void extrudedPrismIsClosedAndOutward() {
        Building b;
        b.footprint = squareWithHole();
        normalizeOrientation(b.footprint);
        b.baseZ = 5;
        b.height = 12;
        auto m = geom::extrudeBuildings(std::span<const Building>(&b, 1), true);
        QCOMPARE(m.surfaces.size(), m.triangleCount());
        QCOMPARE(m.objectIds.size(), m.triangleCount());
        QVERIFY(std::abs(meshVolume(m) - 84.0 * 12) < 1e-6);
        int walls = 0, roofs = 0;
        for (auto s : m.surfaces) {
            walls += s == Surface::Wall;
            roofs += s == Surface::Roof;
        }
        QCOMPARE(walls, 2 * 8);
        QVERIFY(roofs >= 8);
    }
    void terrainMeshCoversRaster() {
        RasterF dem(4, 3, 100, 200, 10, 1.0f);
        dem.at(1, 1) = std::numeric_limits<float>::quiet_NaN();
        auto m = geom::terrainMesh(dem);
        QCOMPARE(m.vertices.size(), std::size_t(11)); // 12 cells minus one nodata
        // 6 quads = 12 triangles; the 4 quads touching the nodata vertex lose the triangles that use it.
        QVERIFY(m.triangleCount() < 12 && m.triangleCount() >= 6);
        for (std::size_t i = 0; i < m.indices.size(); i += 3) { // upward facing
            const Vec3 &a = m.vertices[m.indices[i]], &b = m.vertices[m.indices[i + 1]],
                       &c = m.vertices[m.indices[i + 2]];
            QVERIFY((b - a).cross(c - a).z > 0);
        }
    }
    void rasterSampling() {
        RasterF dem(2, 2, 0, 20, 10);
        dem.data = {0, 10, 20, 30};          // row 0 is north
        QCOMPARE(*dem.sample(5, 15), 0.0);   // centre of cell (0,0)
        QCOMPARE(*dem.sample(15, 5), 30.0);  // centre of cell (1,1)
        QCOMPARE(*dem.sample(10, 10), 15.0); // between all four
        QVERIFY(!dem.sample(-1, 10));
        QVERIFY(!dem.sample(25, 10));
    }
};

QTEST_APPLESS_MAIN(TestGeometry)
#include "test_geometry.moc"
