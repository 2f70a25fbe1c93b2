// Shadow outlines at one instant, isochrones of an hour map and writing both as vector files.
#include "gis/analysis/isochrones.h"
#include "gis/analysis/shadow_outline.h"
#include "gis/io/vector_write.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace gis;
using namespace gis::analysis;

namespace {

Building box(Ring outer, double height) {
    Building b;
    b.footprint.outer = std::move(outer);
    b.height = height;
    return b;
}

Ring rect(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

// Brute force: p is in shadow when some point of the segment from p towards the sun, up to the roof's
// shadow offset, lies inside the footprint.
bool shadowed(const Building& b, Vec2 p, Vec2 away, double length) {
    for (int i = 0; i <= 400; ++i)
        if (contains(b.footprint, p - away * (length * i / 400.0)))
            return true;
    return false;
}

} // namespace

class TestShadowOutline : public QObject {
    Q_OBJECT
private slots:
    void aBoxCastsItsHeightOverTheTangent() {
        // Sun due south at 45°: a 10 m box's shadow reaches 10 m north of it.
        auto r = shadowOutlines({box(rect(0, 0, 10, 10), 10)}, {180, 45});
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(int(r->polygons.size()), 1);
        QVERIFY(std::abs(r->area - 200) < 1e-6);
        QVERIFY(std::abs(r->longestShadow - 10) < 1e-9);
        const Extent e = r->polygons[0].extent();
        QVERIFY(std::abs(e.maxY - 20) < 1e-9 && std::abs(e.minY) < 1e-9);

        // Sun in the east at 30°: the shadow points west, H / tan(30°) long.
        r = shadowOutlines({box(rect(0, 0, 10, 10), 10)}, {90, 30});
        QVERIFY(r);
        const double len = 10 / std::tan(30 * std::numbers::pi / 180);
        QVERIFY(std::abs(r->polygons[0].extent().minX + len) < 1e-6);
        QVERIFY(std::abs(r->area - 10 * (10 + len)) < 1e-6);
    }

    void aConcaveFootprintMatchesBruteForce() {
        const Building l = box({{0, 0}, {30, 0}, {30, 10}, {10, 10}, {10, 30}, {0, 30}}, 18);
        const SunDirectionGrid sun{215, 28};
        auto r = shadowOutlines({l}, sun);
        QVERIFY(r);
        const double k = std::numbers::pi / 180;
        const Vec2 away{-std::sin(sun.azimuth * k), -std::cos(sun.azimuth * k)};
        const double length = 18 / std::tan(sun.elevation * k);
        int inside = 0, agree = 0;
        for (double y = -60; y < 80; y += 1.0)
            for (double x = -30; x < 80; x += 1.0) {
                const Vec2 p{x + 0.5, y + 0.5};
                bool inOutline = false;
                for (const auto& poly : r->polygons)
                    inOutline = inOutline || contains(poly, p);
                const bool brute = shadowed(l, p, away, length);
                inside += brute;
                agree += inOutline == brute;
            }
        QVERIFY(inside > 500);
        QVERIFY2(agree >= 110 * 140 - 40, "outline and brute force disagree beyond the boundary cells");
    }

    void neighbouringShadowsMerge() {
        auto r = shadowOutlines({box(rect(0, 0, 10, 10), 20), box(rect(0, 25, 10, 35), 5)}, {180, 45});
        QVERIFY(r);
        QCOMPARE(int(r->polygons.size()), 1); // the first shadow (to y = 30) reaches the second building
        r = shadowOutlines({box(rect(0, 0, 10, 10), 5), box(rect(0, 25, 10, 35), 5)}, {180, 45});
        QCOMPARE(int(r->polygons.size()), 2);
    }

    void noSunNoOutlines() {
        QVERIFY(!shadowOutlines({box(rect(0, 0, 10, 10), 10)}, {180, -2}));
        auto empty = shadowOutlines({}, {180, 30});
        QVERIFY(empty && empty->polygons.empty());
    }

    void isochronesFollowTheHourMap() {
        // Hours rising 0.1 h per metre eastwards: the 1 h line lies at x = 10 m, the 2 h line at x = 20 m.
        RasterF hours(40, 20, 0, 20, 1.0, 0.0f);
        for (int row = 0; row < hours.height; ++row)
            for (int col = 0; col < hours.width; ++col)
                hours.at(col, row) = float(hours.cellCenter(col, row).x * 0.1);
        auto lines = isochrones(hours, {1, 2});
        QVERIFY2(lines, lines.error().c_str());
        int seen[3] = {};
        for (const auto& iso : lines.value()) {
            QVERIFY(iso.level == 1 || iso.level == 2);
            seen[int(iso.level)]++;
            for (const Vec2& p : iso.points)
                QVERIFY(std::abs(p.x - iso.level * 10) < 1e-3);
        }
        QVERIFY(seen[1] > 0 && seen[2] > 0);
        QVERIFY(!isochrones(RasterF{}, {1}));
        QVERIFY(!isochrones(hours, {}));
    }

    void outputsAreWrittenAsVectorFiles() {
        QTemporaryDir dir;
        auto r = shadowOutlines({box(rect(0, 0, 10, 10), 10), box(rect(50, 0, 60, 10), 10)}, {180, 45});
        QVERIFY(r);
        for (const char* name : {"shadows.gpkg", "shadows.geojson"}) {
            const std::string path = dir.filePath(name).toStdString();
            QVERIFY(io::writePolygons(path, "shadows", Crs{"EPSG:4547"}, r->polygons, "area", {200, 200}));
            GDALDataset* ds = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR);
            QVERIFY(ds);
            QCOMPARE(int(ds->GetLayer(0)->GetFeatureCount()), 2);
            GDALClose(ds);
        }
        QVERIFY(!io::writePolygons(dir.filePath("x.txt").toStdString(), "s", {}, r->polygons));
        const std::string lines = dir.filePath("iso.gpkg").toStdString();
        QVERIFY(io::writeLines(lines, "isochrones", Crs{"EPSG:4547"}, {{{0, 0}, {1, 1}}}, "hours", {2}));
    }
};

QTEST_APPLESS_MAIN(TestShadowOutline)
#include "test_shadow_outline.moc"
