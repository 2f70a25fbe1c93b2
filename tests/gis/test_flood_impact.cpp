// Buildings and roads affected by a flood depth raster (gis/analysis/flood/flood_impact.h).
#include "gis/analysis/flood/flood_export.h"
#include "gis/analysis/flood/flood_impact.h"
#include "gis/analysis/flood/project_grid.h"
#include "gis/demo/demo_city.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QTemporaryDir>

#include <QtTest>

using namespace gis;
namespace flood = gis::analysis::flood;

namespace {

Building square(std::int64_t id, double x, double y, double size, double height, int storeys = 0) {
    Building b;
    b.id = id;
    b.footprint.outer = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}};
    b.height = height;
    b.storeys = storeys;
    return b;
}

} // namespace

class TestFloodImpact : public QObject {
    Q_OBJECT
private slots:
    void classesFollowTheRamp() {
        QCOMPARE(flood::depthClass(0.0), -1);
        QCOMPARE(flood::depthClass(0.049), -1);
        QCOMPARE(flood::depthClass(0.05), 0);
        QCOMPARE(flood::depthClass(0.29), 1);
        QCOMPARE(flood::depthClass(0.5), 3);
        QCOMPARE(flood::depthClass(1.99), 4);
        QCOMPARE(flood::depthClass(7.0), 5);
    }

    void waterAtTheWallsCountsForABlockedBuilding() {
        // 100 x 100 m at 1 m cells; water 0.6 m deep in the west half, nothing inside the building (blocked).
        RasterF depth(100, 100, 0, 100, 1.0, 0.0f);
        for (int row = 0; row < 100; ++row)
            for (int col = 0; col < 50; ++col)
                depth.at(col, row) = 0.6f;
        const Building wet = square(1, 40, 40, 9, 12); // x 40..49: its east wall is at the water's edge
        for (int row = 51; row < 60; ++row)            // y 40..49 -> rows 51..59
            for (int col = 40; col < 49; ++col)
                depth.at(col, row) = 0.0f;                  // blocked cells are dry
        const Building dry = square(2, 70, 40, 10, 30, 10); // east half: dry
        const Building shallow = square(3, 20, 80, 5, 6);
        for (int row = 8; row < 28; ++row) // y 72..92, x 12..32: the building and well beyond
            for (int col = 12; col < 32; ++col)
                depth.at(col, row) = 0.07f;
        const auto impact = flood::assessFloodImpact(depth, {wet, dry, shallow}, {});
        QCOMPARE(int(impact.buildings.size()), 2);
        QCOMPARE(impact.buildings[0].id, std::int64_t(1)); // deepest first
        QCOMPARE(impact.buildings[0].maxDepth, 0.6f * 1.0);
        QCOMPARE(impact.buildings[0].depthClass, 3);
        QCOMPARE(impact.buildings[0].floorArea, 81.0 * 4); // 12 m / 3 m = 4 storeys
        QCOMPARE(impact.buildings[1].id, std::int64_t(3));
        QCOMPARE(impact.buildings[1].depthClass, 0);
        QCOMPARE(impact.countByClass[3], 1);
        QCOMPARE(impact.countByClass[0], 1);
        QCOMPARE(impact.floorAreaByClass[0], 25.0 * 2);
    }

    void roadsAboveTheThresholdAreCut() {
        RasterF depth(10, 10, 0, 10, 1.0, 0.0f);
        for (int col = 0; col < 10; ++col)
            depth.at(col, 5) = 0.4f; // y 4..5
        Zone road{7, {{{0, 3}, {10, 3}, {10, 6}, {0, 6}}, {}}, "S", "Riverside Rd"};
        Zone park{8, {{{0, 3}, {10, 3}, {10, 6}, {0, 6}}, {}}, "G", "Park"};
        Zone dryRoad{9, {{{0, 8}, {10, 8}, {10, 10}, {0, 10}}, {}}, "S", "High St"};
        auto impact = flood::assessFloodImpact(depth, {}, {road, park, dryRoad}, 0.3);
        QCOMPARE(int(impact.roadsCut.size()), 1);
        QCOMPARE(impact.roadsCut[0].id, std::int64_t(7));
        QCOMPARE(impact.roadsCut[0].floodedArea, 10.0);
        impact = flood::assessFloodImpact(depth, {}, {road}, 0.5);
        QVERIFY(impact.roadsCut.empty());
    }

    void nodataAndEmptyInputsAreDry() {
        RasterF depth(5, 5, 0, 5, 1.0, 0.0f);
        depth.noData = -9999.0f;
        for (auto& v : depth.data)
            v = -9999.0f;
        QVERIFY(flood::assessFloodImpact(depth, {square(1, 1, 1, 2, 5)}, {}).buildings.empty());
        QVERIFY(flood::assessFloodImpact(RasterF{}, {square(1, 1, 1, 2, 5)}, {}).buildings.empty());
    }

    void extentPolygonsPerDepthClass() {
        // Two pools: 0.2 m (class 0.1–0.3) 10 x 5 cells, and 1.5 m (class 1–2) 4 x 4 cells, at 2 m cells.
        RasterF depth(30, 20, 1000, 2000, 2.0, 0.0f);
        for (int row = 2; row < 7; ++row)
            for (int col = 2; col < 12; ++col)
                depth.at(col, row) = 0.2f;
        for (int row = 10; row < 14; ++row)
            for (int col = 20; col < 24; ++col)
                depth.at(col, row) = 1.5f;
        auto polygons = flood::depthClassPolygons(depth);
        QVERIFY2(polygons, polygons.error().c_str());
        QCOMPARE(int(polygons->size()), 2);
        double shallow = 0, deep = 0;
        for (const auto& cp : polygons.value())
            (cp.depthClass == 1 ? shallow : deep) += area(cp.polygon);
        QCOMPARE(shallow, 10 * 5 * 4.0);
        QCOMPARE(deep, 4 * 4 * 4.0);

        // The GeoPackage: both layers, the building with its footprint.
        const Building b = square(5, 1044, 1972, 4, 9);
        const auto impact = flood::assessFloodImpact(depth, {b}, {});
        QCOMPARE(int(impact.buildings.size()), 1);
        QTemporaryDir dir;
        const std::string path = dir.filePath("flood.gpkg").toStdString();
        QVERIFY(flood::writeFloodGeoPackage(path, Crs{"EPSG:4547"}, depth, impact, {b}));
        GDALAllRegister();
        GDALDataset* ds = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR);
        QVERIFY(ds);
        QCOMPARE(int(ds->GetLayerByName("flood_extent")->GetFeatureCount()), 2);
        OGRLayer* bl = ds->GetLayerByName("affected_buildings");
        QCOMPARE(int(bl->GetFeatureCount()), 1);
        OGRFeature* f = bl->GetNextFeature();
        QCOMPARE(f->GetFieldAsDouble("max_depth_m"), 1.5);
        QVERIFY(f->GetGeometryRef() != nullptr);
        OGRFeature::DestroyFeature(f);
        GDALClose(ds);
    }

    void theDemoCityAsAHydrologyGrid() {
        const Project demo = demo::makeDemoCity();
        auto grid = flood::projectHydrologyGrid(demo, 10.0, {flood::BuildingMode::Blocked});
        QVERIFY2(grid, grid.error().c_str());
        QCOMPARE(grid->dem.cellSize, 10.0);
        QVERIFY(grid->dem.width >= 350 && grid->dem.width <= 360);
        for (const Building& b : grid->buildings)
            QVERIFY(b.use != "bridge"); // bridges would dam the river
        std::size_t blocked = 0, nodata = 0;
        for (std::size_t i = 0; i < grid->blocked.size(); ++i) {
            blocked += grid->blocked[i];
            nodata += grid->blocked[i] && std::isnan(grid->dem.data[i]);
        }
        QVERIFY(blocked > 1000);
        QCOMPARE(nodata, blocked); // blocked buildings are walls in the DEM the tiers run on

        auto table = flood::defaultLandCoverTable();
        QVERIFY2(table, table.error().c_str());
        const RasterF codes = flood::landCoverFromZones(grid.value(), table.value());
        const flood::FloodSeeds river = flood::waterBodySeeds(grid->zones);
        QCOMPARE(int(river.areas.size()), 1);
        int counts[256] = {};
        for (std::size_t i = 0; i < codes.data.size(); ++i)
            if (!std::isnan(codes.data[i]))
                counts[int(codes.data[i])]++;
        QVERIFY(counts[1] > 1000);  // roofs
        QVERIFY(counts[2] > 1000);  // streets (outside any zone) are paved
        QVERIFY(counts[3] > 100);   // parks
        QVERIFY(counts[6] > 100);   // the river
        QVERIFY(counts[50] > 1000); // built plots
        auto n =
            flood::landCoverProperty(codes, grid->dem, table.value(), flood::LandCoverProperty::ManningN);
        QVERIFY(n);
    }
};

QTEST_APPLESS_MAIN(TestFloodImpact)
#include "test_flood_impact.moc"
