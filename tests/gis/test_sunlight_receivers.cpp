// Sunlight receivers: window placement on buildings (counts per storey and facade, sill heights, outward
// normals, unique ids, filters), the whole-window rule (interval intersection), plan grids inside an L-shaped
// AOI with a hole, and the grid's hour raster written as a GeoTIFF and read back.
#include "gis/analysis/sunlight.h"
#include "gis/analysis/sunlight_grid.h"
#include "gis/analysis/sunlight_windows.h"
#include "gis/io/raster_io.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace gis;
using namespace gis::analysis;

namespace {
Building box(std::int64_t id, double x0, double y0, double x1, double y1, double h, int storeys,
             double base = 0, std::string use = "residential") {
    Building b;
    b.id = id;
    b.footprint.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; // CCW
    b.baseZ = base;
    b.height = h;
    b.storeys = storeys;
    b.use = std::move(use);
    return b;
}

Ring square(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

// An L (40 x 40 with the 20 x 20 north-east quarter cut away, area 1200) with a 10 x 10 hole, offset to
// realistic projected coordinates.
constexpr double kE = 500000, kN = 4400000;
Polygon lShape() {
    Polygon p;
    p.outer = {{kE, kN},           {kE + 40, kN},      {kE + 40, kN + 20},
               {kE + 20, kN + 20}, {kE + 20, kN + 40}, {kE, kN + 40}};
    p.holes = {square(kE + 4, kN + 4, kE + 14, kN + 14)};
    normalizeOrientation(p);
    return p;
}
} // namespace

class TestSunlightReceivers : public QObject {
    Q_OBJECT

private slots:
    void windowsOnABox() {
        // 30 m (E-W) x 12 m (N-S), 5 storeys of 3 m on a base at 2 m.
        const std::vector<Building> bs{box(123, 0, 0, 30, 12, 15, 5, 2)};
        WindowOptions o; // 3 m spacing, 0.9 m sill, 5 cm offset, 1 sample
        const WindowReceivers w = windowReceivers(bs, o);
        // Per storey: 10 windows on each 30 m facade, 4 on each 12 m facade.
        QCOMPARE(int(w.windows.size()), 5 * (10 + 4 + 10 + 4));
        QCOMPARE(w.samples.size(), w.windows.size());
        std::map<std::pair<int, int>, int> perStoreyFacade;
        std::set<std::string> ids;
        for (const auto& win : w.windows) {
            ++perStoreyFacade[{win.storey, win.facade}];
            ids.insert(win.id);
            QCOMPARE(win.building, std::int64_t(123));
            // Sill 0.9 m above the floor of the storey.
            QVERIFY(std::abs(win.centre.z - (2 + (win.storey - 1) * 3.0 + 0.9)) < 1e-9);
            // Outward: 5 cm outside the footprint, the normal pointing away from it.
            QVERIFY(!contains(bs[0].footprint, {win.centre.x, win.centre.y}));
            const Vec3 back = win.centre - win.normal * 0.1;
            QVERIFY(contains(bs[0].footprint, {back.x, back.y}));
            QVERIFY(std::abs(win.normal.length() - 1) < 1e-12 && win.normal.z == 0);
            const Vec3 fromCentre = win.centre - Vec3{15, 6, win.centre.z};
            QVERIFY(fromCentre.dot(win.normal) > 0);
            // Distance from the facade plane = the offset.
            const double dist = win.normal.y < -0.5  ? -win.centre.y
                                : win.normal.x > 0.5 ? win.centre.x - 30
                                : win.normal.y > 0.5 ? win.centre.y - 12
                                                     : -win.centre.x;
            QVERIFY(std::abs(dist - 0.05) < 1e-9);
            QCOMPARE(w.samples[win.firstSample].id, win.id);
            QVERIFY(w.samples[win.firstSample].normal.has_value());
        }
        QCOMPARE(ids.size(), w.windows.size());
        QVERIFY(ids.count("b123-s4-f2-w3"));
        for (int s = 1; s <= 5; ++s) {
            QCOMPARE((perStoreyFacade[{s, 1}]), 10); // south facade, edge (0,0)-(30,0)
            QCOMPARE((perStoreyFacade[{s, 2}]), 4);  // east
            QCOMPARE((perStoreyFacade[{s, 3}]), 10); // north
            QCOMPARE((perStoreyFacade[{s, 4}]), 4);  // west
        }
        // South facade windows: centres 3 m apart, centred on the facade; normal (0, -1).
        for (const auto& win : w.windows)
            if (win.storey == 1 && win.facade == 1) {
                QVERIFY(std::abs(win.centre.x - (1.5 + 3 * (win.window - 1))) < 1e-9);
                QVERIFY(std::abs(win.normal.y + 1) < 1e-12);
            }

        // Facing south: only facade 1. Storeys from the height when unknown (14 m / 3 m -> 5).
        WindowOptions south;
        south.facing = WindowFacing::South;
        const WindowReceivers ws = windowReceivers(bs, south);
        QCOMPARE(int(ws.windows.size()), 5 * 10);
        for (const auto& win : ws.windows)
            QCOMPARE(win.facade, 1);
        // True north 100 degrees clockwise from grid north (true bearing = grid bearing - 100): the
        // grid-north facade (grid 0, true 260) and the grid-west one (grid 270, true 170) now face south.
        south.gridConvergence = 100;
        for (const auto& win : windowReceivers(bs, south).windows)
            QVERIFY(win.facade == 3 || win.facade == 4);
        std::vector<Building> unknown{box(7, 0, 0, 30, 12, 14, 0)};
        const auto wu = windowReceivers(unknown, o);
        int maxStorey = 0;
        for (const auto& win : wu.windows)
            maxStorey = std::max(maxStorey, win.storey);
        QCOMPARE(maxStorey, 5);
    }

    void windowSamplesFiltersAndIds() {
        // Three samples across a 1.5 m window: the ends and the centre, along the facade.
        std::vector<Building> bs{box(1, 0, 0, 30, 12, 3, 1), box(2, 100, 0, 110, 10, 6, 2, 0, "commercial"),
                                 box(1, 50, 0, 60, 10, 3, 1)}; // a second part of building 1
        WindowOptions o;
        o.sillSamples = 3;
        const WindowReceivers w = windowReceivers(bs, o);
        std::set<std::string> ids;
        for (const auto& win : w.windows) {
            ids.insert(win.id);
            QCOMPARE(win.sampleCount, std::size_t(3));
            const Vec3 a = w.samples[win.firstSample].position, c = w.samples[win.firstSample + 2].position;
            QVERIFY(std::abs((c - a).length() - 1.5) < 1e-9);
            QVERIFY(std::abs((c - a).dot(win.normal)) < 1e-12);
            QVERIFY(((a + c) * 0.5 - win.centre).length() < 1e-9);
            QVERIFY((w.samples[win.firstSample + 1].position - win.centre).length() < 1e-9);
        }
        QCOMPARE(ids.size(), w.windows.size());
        QVERIFY(ids.count("b1p2-s1-f1-w1"));
        o.uses = {"Residential"};
        for (const auto& win : windowReceivers(bs, o).windows)
            QCOMPARE(win.building, std::int64_t(1));
        o.uses.clear();
        o.buildingIds = {2};
        const auto only2 = windowReceivers(bs, o);
        QCOMPARE(int(only2.windows.size()), 2 * 4 * 3); // 2 storeys, 4 facades of 10 m, 3 windows each
        // Short facades (below one window width) hold none; a bad option gives none and a message.
        std::vector<Building> tiny{box(9, 0, 0, 1, 1, 3, 1)};
        QVERIFY(windowReceivers(tiny, WindowOptions{}).windows.empty());
        WindowOptions bad;
        bad.spacing = 0;
        QVERIFY(!validateWindowOptions(bad).empty());
        QVERIFY(windowReceivers(bs, bad).windows.empty());
    }

    void wholeWindowRule() {
        const std::vector<std::vector<LitInterval>> lists{
            {{100, 200}, {300, 400}, {500, 900}}, {{150, 350}, {600, 1000}}, {{0, 1000}}};
        const auto x = intersectIntervals(lists);
        QCOMPARE(x, (std::vector<LitInterval>{{150, 200}, {300, 350}, {600, 900}}));
        QVERIFY(intersectIntervals(std::span<const std::vector<LitInterval>>{}).empty());
        const std::vector<std::vector<LitInterval>> disjoint{{{0, 10}}, {{10, 20}}};
        QVERIFY(intersectIntervals(disjoint).empty());

        SunlightParameters p;
        p.requiredHours = 1.0 / 60 * 5; // 5 minutes
        std::vector<ReceiverSunlight> samples(2);
        samples[0].intervals = {{0, 400}};
        samples[1].intervals = {{100, 600}};
        auto win = aggregateWindow(samples, p);
        QCOMPARE(win.intervals, (std::vector<LitInterval>{{100, 400}}));
        QCOMPARE(win.countedSeconds, 300.0);
        QVERIFY(win.pass && *win.pass);
        samples[1].intervals = {{100, 200}};
        win = aggregateWindow(samples, p);
        QVERIFY(win.pass && !*win.pass);
        samples[1].inside = true;
        win = aggregateWindow(samples, p);
        QVERIFY(win.inside && win.intervals.empty() && !*win.pass);
    }

    void wholeWindowOnAShadedFacade() {
        // A south facade with a short wall standing 3 m in front of its west half: windows there are lit less
        // under the whole-window rule than at their centre, never more; north windows never face the sun.
        std::vector<Building> bs{box(1, 0, 0, 30, 12, 6, 2), box(2, 0, -3.5, 14, -3, 4, 1, 0, "wall")};
        WindowOptions o;
        o.sillSamples = 3;
        o.buildingIds = {1};
        const WindowReceivers w = windowReceivers(bs, o);
        SunlightInput in;
        in.buildings = bs;
        in.receivers = w.samples;
        in.location = GeoLocation{40, 116, 0, 0};
        in.parameters.requiredHours = 2;
        in.parameters.deltaT = 69;
        NullProgress progress;
        auto r = computeSunlight(in, progress);
        QVERIFY2(r, r ? "" : r.error().c_str());
        const auto windows = aggregateWindows(w, r.value(), in.parameters);
        QCOMPARE(windows.size(), w.windows.size());
        bool someLess = false;
        for (std::size_t i = 0; i < windows.size(); ++i) {
            const auto& win = w.windows[i];
            for (std::size_t k = 0; k < win.sampleCount; ++k)
                QVERIFY(windows[i].litSeconds <= r->receivers[win.firstSample + k].litSeconds + 1e-9);
            someLess |= windows[i].litSeconds + 60 < r->receivers[win.firstSample + 1].litSeconds;
            if (win.facade == 3)
                QVERIFY(windows[i].neverFacesSun && windows[i].litSeconds == 0 && !*windows[i].pass);
            if (win.facade == 1 && win.storey == 2 && win.window >= 6)
                QVERIFY(*windows[i].pass); // clear of the wall: 8 h of sun on the south facade
        }
        QVERIFY(someLess);
        const auto summary = summarizeWindows(w, windows);
        QCOMPARE(int(summary.size()), 1);
        QCOMPARE(summary[0].windows, int(w.windows.size()));
        QCOMPARE(summary[0].passing + summary[0].failing, summary[0].windows);
    }

    void gridInsideLShapeWithHole() {
        const std::vector<Polygon> aoi{lShape()};
        for (auto [spacing, expected] : {std::pair{1.0, 1100}, {2.0, 275}}) {
            GridOptions o;
            o.spacing = spacing;
            o.height = 1.5;
            o.groundZ = 10;
            auto g = gridReceivers(aoi, o);
            QVERIFY2(g, g ? "" : g.error().c_str());
            QCOMPARE(int(g->receivers.size()), expected);
            QCOMPARE(g->cells.size(), g->receivers.size());
            std::set<std::string> ids;
            for (std::size_t i = 0; i < g->receivers.size(); ++i) {
                const auto& rc = g->receivers[i];
                ids.insert(rc.id);
                QVERIFY(contains(aoi[0], {rc.position.x, rc.position.y}));
                QVERIFY(!contains(aoi[0].holes[0], {rc.position.x, rc.position.y}));
                QCOMPARE(rc.position.z, 11.5);
                QVERIFY(!rc.normal);
                const Vec2 c = g->frame.cellCenter(g->cells[i].first, g->cells[i].second);
                QVERIFY(c.x == rc.position.x && c.y == rc.position.y);
            }
            QCOMPARE(ids.size(), g->receivers.size());
            // Aligned to multiples of the spacing and covering the AOI.
            QCOMPARE(std::fmod(g->frame.originX, spacing), 0.0);
            QCOMPARE(std::fmod(g->frame.originY, spacing), 0.0);
            QVERIFY(g->frame.extent().contains(kE, kN) && g->frame.extent().contains(kE + 40, kN + 40));
        }
        GridOptions bad;
        bad.spacing = 0;
        QVERIFY(!gridReceivers(aoi, bad));
        bad.spacing = -1;
        QVERIFY(!gridReceivers(aoi, bad));
        QVERIFY(!gridReceivers({}, GridOptions{}));
        GridOptions huge;
        huge.spacing = 1000; // no cell centre inside
        auto none = gridReceivers(aoi, huge);
        QVERIFY(!none && QString::fromStdString(none.error()).contains("spacing"));
        // Ground from a DEM where it has a value.
        RasterF dem(100, 100, kE - 10, kN + 60, 1, 25.0f);
        GridOptions onTerrain;
        onTerrain.spacing = 2;
        onTerrain.terrain = &dem;
        auto gt = gridReceivers(aoi, onTerrain);
        QVERIFY(gt);
        QVERIFY(std::abs(gt->receivers[0].position.z - (25 + kTerrainClearance)) < 1e-6);
    }

    void gridRasterGeoTiffRoundTrip() {
        const std::vector<Polygon> aoi{lShape()};
        GridOptions o;
        o.spacing = 2;
        auto g = gridReceivers(aoi, o);
        QVERIFY(g);
        std::vector<ReceiverSunlight> results(g->receivers.size());
        for (std::size_t i = 0; i < results.size(); ++i)
            results[i].countedSeconds = 900.0 * double(i % 17); // 0 .. 4 h in quarter hours
        results[5].inside = true;
        const RasterF hours = gridHoursRaster(g.value(), results);
        QTemporaryDir dir;
        const std::string path = dir.filePath("hours.tif").toStdString();
        QVERIFY(io::writeGeoTiff(hours, Crs{"EPSG:32650"}, path));
        auto back = io::readDem(path);
        QVERIFY2(back, back ? "" : back.error().c_str());
        const RasterF& r = back->raster;
        QCOMPARE(r.width, g->frame.width);
        QCOMPARE(r.height, g->frame.height);
        QCOMPARE(r.originX, g->frame.originX);
        QCOMPARE(r.originY, g->frame.originY);
        QCOMPARE(r.cellSize, 2.0);
        QVERIFY(back->crs.definition.find("32650") != std::string::npos ||
                back->crs.definition.find("UTM zone 50N") != std::string::npos);
        std::set<std::pair<int, int>> receiverCells;
        for (std::size_t i = 0; i < results.size(); ++i) {
            const auto [c, row] = g->cells[i];
            receiverCells.insert({c, row});
            const float v = r.at(c, row);
            if (i == 5)
                QVERIFY(std::isnan(v)); // inside a building: nodata
            else
                QCOMPARE(double(v), results[i].countedSeconds / 3600.0);
        }
        int nodata = 0;
        for (int row = 0; row < r.height; ++row)
            for (int c = 0; c < r.width; ++c)
                if (!receiverCells.count({c, row})) {
                    QVERIFY(std::isnan(r.at(c, row))); // outside the AOI or in its hole
                    ++nodata;
                }
        QVERIFY(nodata >= 25 + 100); // the hole and the cut-away quarter
    }

    void aoiFromAFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("aoi.geojson");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // A 0.001 degree square near 117 E (the central meridian of UTM 50N), in WGS 84.
        f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"park"},)"
                R"("geometry":{"type":"Polygon","coordinates":[[[117,40],[117.001,40],[117.001,40.001],)"
                R"([117,40.001],[117,40]]]}}]})");
        f.close();
        auto polys = readAoiPolygons(path.toStdString(), Crs{"EPSG:32650"});
        QVERIFY2(polys, polys ? "" : polys.error().c_str());
        QCOMPARE(int(polys->size()), 1);
        const Extent e = polys.value()[0].extent();
        QVERIFY(std::abs(e.minX - 500000) < 1 && e.width() > 80 && e.width() < 90 && e.height() > 105 &&
                e.height() < 115);
        auto missing = readAoiPolygons(dir.filePath("nope.geojson").toStdString(), Crs{"EPSG:32650"});
        QVERIFY(!missing && QString::fromStdString(missing.error()).contains("nope.geojson"));
    }
};

QTEST_GUILESS_MAIN(TestSunlightReceivers)
#include "test_sunlight_receivers.moc"
