// The dynamic (tier 2) flood model against cases with known answers, all generated here: lake at rest, volume
// conservation, the Hunter et al. (2005) wetting front, and synthetic rebuilds of the UK Environment Agency
// benchmark tests 1 and 4 (Néelz & Pender 2013). Plus the Chicago storm, the time series and bad input.
#include "gis/analysis/flood/hydrograph.h"
#include "gis/analysis/flood/inertial_kernel.h"
#include "gis/analysis/flood/inertial_model.h"

#include <QTest>

#include <cmath>

using namespace gis;
using namespace gis::analysis::flood;

namespace {

RasterF grid(int w, int h, double cell, float value = 0) {
    return RasterF(w, h, 0.0, h * cell, cell, value); // origin (0, 0) at the south-west corner
}

InertialResult runOk(const InertialInput& in) {
    Progress progress;
    auto r = runInertialModel(in, progress);
    if (!r)
        qFatal("flood model failed: %s", r.error().c_str());
    return std::move(r).value();
}

TimeSeries series(std::vector<std::pair<double, double>> points) {
    auto s = TimeSeries::fromPoints(std::move(points));
    if (!s)
        qFatal("%s", s.error().c_str());
    return s.value();
}

double volume(const RasterF& depth) {
    double v = 0;
    for (float d : depth.data)
        if (std::isfinite(d))
            v += d;
    return v * depth.cellSize * depth.cellSize;
}

const GaugeSeries& gauge(const InertialResult& r, const std::string& name) {
    for (const auto& g : r.gauges)
        if (g.name == name)
            return g;
    qFatal("no gauge %s", name.c_str());
}

// First output time at which the gauge is deeper than `depth` (inf: never).
double arrival(const GaugeSeries& g, double depth) {
    for (std::size_t i = 0; i < g.times.size(); ++i)
        if (g.depths[i] > depth)
            return g.times[i];
    return INFINITY;
}

} // namespace

class TestFloodDynamic : public QObject {
    Q_OBJECT
private slots:
    void timeSeriesInterpolatesAndIntegrates() {
        auto s = TimeSeries::fromPoints({{0, 0}, {100, 10}, {200, 10}});
        QVERIFY(s);
        QCOMPARE(s->value(50), 5.0);
        QCOMPARE(s->value(-5), 0.0);
        QCOMPARE(s->value(1000), 10.0); // holds the last value
        QCOMPARE(s->integral(0, 200), 500.0 + 1000.0);
        QCOMPARE(s->mean(50, 150), (0.5 * (5 + 10) * 50 + 10 * 50) / 100);
        QCOMPARE(s->integral(150, 300), 1500.0);
        QVERIFY(!TimeSeries::fromPoints({{10, 1}, {5, 2}}));
        QVERIFY(!TimeSeries::fromPoints({}));
        QVERIFY(!TimeSeries::fromPoints({{0, NAN}}));
    }

    void chicagoStormHoldsTheIdfDepth() {
        // i = 1200 / (d + 10)^0.75 mm/h (d minutes): a plausible 100-year IDF curve.
        ChicagoStorm storm{1200, 10, 0.75, 0.4, 2 * 3600, 60};
        auto s = chicagoHyetograph(storm);
        QVERIFY2(s, s.error().c_str());
        const double depth = s->integral(0, 3 * 3600) / 3600.0; // mm
        QVERIFY2(std::abs(depth - idfDepthMm(storm, 120)) < 1e-9, std::to_string(depth).c_str());
        // The peak block sits at r × duration and is the most intense; every window around the peak holds the
        // IDF depth for its length (here 10 min centred as 4 + 6 min).
        double peakT = 0, peak = 0;
        for (auto [t, v] : s->points())
            if (v > peak)
                peak = v, peakT = t;
        QVERIFY(std::abs(peakT - 0.4 * 7200) <= 60);
        QVERIFY2(std::abs(s->integral(2880 - 240, 2880 + 360) / 3600 - idfDepthMm(storm, 10)) < 1e-9,
                 "window");
        QCOMPARE(s->value(8000), 0.0);
        QVERIFY(!chicagoHyetograph({1200, 10, 1.2, 0.4, 3600, 60}));
        QVERIFY(!chicagoHyetograph({1200, 10, 0.75, 1.0, 3600, 60}));
    }

    void inverseCubeRootIsAccurate() {
        double worst = 0;
        for (double x = 1e-3; x < 1e4; x *= 1.01)
            worst = std::max(worst, std::abs(detail::inverseCubeRoot(float(x)) * std::cbrt(x) - 1));
        QVERIFY2(worst < 2e-5, std::to_string(worst).c_str());
    }

    void lakeAtRestStaysStill() {
        // Bumpy ground with islands above the water and a nodata hole; water level 10 m everywhere else.
        InertialInput in;
        in.dem = grid(60, 40, 5);
        for (int r = 0; r < 40; ++r)
            for (int c = 0; c < 60; ++c)
                in.dem.at(c, r) =
                    float(8 + 1.5 * std::sin(c * 0.37) * std::cos(r * 0.23) + 0.01 * ((c * 7 + r * 3) % 11));
        in.dem.at(30, 20) = 11.5f; // an island
        in.dem.at(10, 10) = NAN;   // a nodata hole (a wall)
        in.initialDepth = grid(60, 40, 5);
        for (std::size_t i = 0; i < in.dem.data.size(); ++i)
            in.initialDepth.data[i] = std::isnan(in.dem.data[i]) ? 0.f : std::max(0.f, 10.f - in.dem.data[i]);
        in.manning = 0.03;
        in.durationS = 3600;
        in.outputEveryS = 600;
        const InertialResult r = runOk(in);
        double worst = 0;
        for (std::size_t i = 0; i < in.dem.data.size(); ++i)
            if (!std::isnan(in.dem.data[i]))
                worst = std::max(worst, double(std::abs(r.finalDepth.data[i] - in.initialDepth.data[i])));
        QVERIFY2(worst < 1e-4,
                 std::to_string(worst).c_str()); // float round-off in η = z + h (ulp(10) ≈ 1e-6)
        QVERIFY2(r.maxVelocity.valueRange()->second < 1e-3,
                 std::to_string(r.maxVelocity.valueRange()->second).c_str());
        QVERIFY2(std::abs(r.mass.errorFraction) < 1e-6, std::to_string(r.mass.errorFraction).c_str());
        QVERIFY(std::isnan(r.maxDepth.at(10, 10)));
        QCOMPARE(r.wallCells, 1);
        QVERIFY(r.steps > 100);
    }

    void volumeIsConservedWithInflowsRainAndLosses() {
        // A closed tilted box: a point inflow, a line inflow, rain and losses; every m³ must be accounted
        // for.
        InertialInput in;
        in.dem = grid(80, 50, 10);
        for (int r = 0; r < 50; ++r)
            for (int c = 0; c < 80; ++c)
                in.dem.at(c, r) = float(5 - 0.02 * c + 0.3 * std::sin(r * 0.5));
        in.blocked.assign(in.dem.data.size(), 0);
        for (int r = 20; r < 26; ++r)
            for (int c = 40; c < 44; ++c)
                in.blocked[std::size_t(r) * 80 + c] = 1; // a building
        in.manning = 0.04;
        in.inflows.push_back({"point", {{55, 255}}, series({{0, 0}, {600, 5}, {1800, 0}})});
        in.inflows.push_back({"line", {{105, 105}, {105, 395}}, TimeSeries::constant(2)});
        in.rain = series({{0, 40}, {1200, 40}, {1200, 0}});
        in.lossesMmPerH = 5;
        in.drainageMmPerH = 12;
        in.durationS = 2400;
        in.outputEveryS = 300;
        const InertialResult r = runOk(in);
        const MassBalance& m = r.mass;
        qInfo("mass: initial %.3f final %.3f inflow %.3f rain %.3f loss %.3f in %.3f out %.3f clipped %.3f "
              "error %.3f (%.2e)",
              m.initialVolume, m.finalVolume, m.inflowVolume, m.rainVolume, m.lossVolume, m.boundaryInVolume,
              m.boundaryOutVolume, m.clippedVolume, m.errorVolume, m.errorFraction);
        QVERIFY2(std::abs(m.inflowVolume - (0.5 * 5 * 1800 + 2 * 2400)) < 1e-3 * m.inflowVolume,
                 std::to_string(m.inflowVolume).c_str());
        const int open = 80 * 50 - 24;
        QVERIFY(std::abs(m.rainVolume - 0.040 / 3600 * 1200 * open * 100) < 1e-3 * m.rainVolume);
        QVERIFY(m.lossVolume > 0);
        QCOMPARE(m.boundaryOutVolume, 0.0);
        QVERIFY2(std::abs(m.errorFraction) < 1e-4, std::to_string(m.errorFraction).c_str());
        QVERIFY(std::abs(volume(r.finalDepth) - m.finalVolume) < 1e-6 * m.finalVolume + 1e-6);
        for (int rr = 20; rr < 26; ++rr)
            QVERIFY(std::isnan(r.maxDepth.at(41, rr))); // no water in the building
        QCOMPARE(r.snapshots.size(), std::size_t(9));   // t = 0, 300, ..., 2400
        QCOMPARE(r.snapshots.back().timeS, 2400.0);
    }

    void hunterWettingFront() {
        // Hunter et al. (2005): on a flat plane with Manning friction a front advancing at constant speed u
        // has h(x, t) = [(7/3) n² u² (u t − x)]^(3/7) behind x = u t. Impose that depth at x = 0 through a
        // level boundary and compare the profile after an hour.
        //
        // Tolerance: the solution is exact for the zero-inertia (diffusive) equations; the local-inertial
        // ones add ∂q/∂t, whose ratio to the friction slope along this solution is u²/(g h) = Fr²
        // (differentiate h(x, t)). So the model may lie below the solution by O(Fr²), growing towards the
        // thin front. With u = 0.5 m/s and n = 0.03, Fr² ≤ 0.06 for x ≤ 0.8 u t (h ≥ 0.43 m): there we ask
        // for 3 % (observed ≤ 1.9 %, 0.1 % at the boundary). Bates et al. (2010) used u = 1 m/s, n = 0.01,
        // where Fr² reaches 0.2 at mid-profile and the comparison is correspondingly looser (we see 5 % at
        // 0.7 u t).
        const double u = 0.5, n = 0.03, T = 3600;
        auto exact = [&](double x, double t) {
            return t * u > x ? std::pow(7.0 / 3.0 * n * n * u * u * (u * t - x), 3.0 / 7.0) : 0.0;
        };
        InertialInput in;
        const double dx = 10;
        in.dem = grid(300, 3, dx);
        in.manning = n;
        std::vector<std::pair<double, double>> levels;
        for (double t = 0; t <= T + 1; t += 10)
            levels.emplace_back(t, exact(0, t));
        in.boundaries.push_back({Edge::West, EdgeBoundary::Kind::Level, series(levels)});
        in.durationS = T;
        in.outputEveryS = T;
        in.keepSnapshots = false;
        const InertialResult r = runOk(in);
        double worstRel = 0;
        for (int c = 0; (c + 0.5) * dx <= 0.8 * u * T; c += 5) {
            const double x = (c + 0.5) * dx, want = exact(x, T), got = r.finalDepth.at(c, 1);
            worstRel = std::max(worstRel, std::abs(got - want) / want);
            QVERIFY2(std::abs(got - want) < 0.03 * want,
                     qPrintable(QString("x=%1 got %2 want %3").arg(x).arg(got).arg(want)));
        }
        qInfo("Hunter wetting front: worst relative depth error for x <= 0.8 u t: %.2f %%", 100 * worstRel);
        // The front itself: wet (> 1 cm) up to about u t, dry beyond.
        int front = 0;
        for (int c = 0; c < 300; ++c)
            if (r.finalDepth.at(c, 1) > 0.01)
                front = c;
        const double frontX = (front + 0.5) * dx;
        QVERIFY2(std::abs(frontX - u * T) < 0.05 * u * T, std::to_string(frontX).c_str());
        QVERIFY(std::abs(r.mass.errorFraction) < 1e-5);
    }

    void eaTest1PondFillsToTheSill() {
        // Synthetic rebuild of EA benchmark Test 1 (Néelz & Pender 2013, "flooding a disconnected water
        // body"): a 700 m × 100 m strip with 10 m cells and n = 0.03. Ground along x (constant across y): a
        // floodplain rising from 9.9 m at the west edge to 10.1 m at x = 300 m, a sill at 10.25 m for x =
        // 300–310 m, then a pond falling from 10.15 m at x = 310 m to 9.5 m at the closed east edge. The west
        // boundary level rises from 9.7 m to 10.35 m in the first hour, holds until 3 h, falls back to 9.7 m
        // by 5 h and stays there until 20 h: water overtops the sill, fills the pond and must end level at
        // the sill crest.
        InertialInput in;
        in.dem = grid(70, 10, 10);
        for (int c = 0; c < 70; ++c) {
            const double x = (c + 0.5) * 10;
            double zc;
            if (x < 300)
                zc = 9.9 + 0.2 * x / 300;
            else if (x < 310)
                zc = 10.25;
            else
                zc = 10.15 - 0.65 * (x - 310) / 390;
            for (int r = 0; r < 10; ++r)
                in.dem.at(c, r) = float(zc);
        }
        in.manning = 0.03;
        in.boundaries.push_back({Edge::West, EdgeBoundary::Kind::Level,
                                 series({{0, 9.7}, {3600, 10.35}, {10800, 10.35}, {18000, 9.7}})});
        in.gauges = {{"pond", 600, 50}, {"floodplain", 150, 50}};
        in.durationS = 20 * 3600;
        in.outputEveryS = 1800;
        in.keepSnapshots = false;
        const InertialResult r = runOk(in);
        const GaugeSeries& pond = gauge(r, "pond");
        qInfo("EA test 1: pond level %.4f m (peak %.4f m), mass error %.2e, %lld steps", pond.finalLevel,
              pond.peakLevel, r.mass.errorFraction, r.steps);
        QVERIFY2(pond.peakLevel > 10.27, std::to_string(pond.peakLevel).c_str()); // it did overtop the sill
        QVERIFY2(std::abs(pond.finalLevel - 10.25) < 0.02, std::to_string(pond.finalLevel).c_str());
        // Level across the whole pond (no residual slope), and the floodplain drained back out.
        for (int c = 32; c < 70; c += 6)
            QVERIFY(std::abs(r.finalDepth.at(c, 5) + in.dem.at(c, 5) - pond.finalLevel) < 0.005);
        QVERIFY(gauge(r, "floodplain").finalDepth < 0.02);
        QVERIFY2(std::abs(r.mass.errorFraction) < 1e-3, std::to_string(r.mass.errorFraction).c_str());
        QVERIFY(r.mass.boundaryInVolume > 0 && r.mass.boundaryOutVolume > 0);
    }

    void eaTest4BreachFrontArrivesInOrder() {
        // Synthetic EA Test 4: a flat 1000 m × 2000 m plain (n = 0.05, 10 m cells here instead of 5 m to keep
        // the test fast), a breach hydrograph (0 → 20 m³/s over 1 h, held to 3 h, back to 0 at 5.5 h: the
        // report's ~6 h time base) through a 20 m line in the middle of the west side, closed edges, 5 h.
        InertialInput in;
        in.dem = grid(100, 200, 10);
        in.manning = 0.05;
        in.inflows.push_back(
            {"breach", {{5, 991}, {5, 1009}}, series({{0, 0}, {3600, 20}, {10800, 20}, {19800, 0}})});
        in.gauges = {{"P1", 50, 1000},  {"P2", 100, 1000}, {"P3", 200, 1000},
                     {"P4", 300, 1000}, {"P5", 400, 1000}, {"P6", 300, 1300}};
        in.durationS = 5 * 3600;
        in.outputEveryS = 60;
        in.keepSnapshots = false;
        const InertialResult r = runOk(in);
        double previous = -1;
        for (const char* name : {"P1", "P2", "P3", "P4", "P5"}) {
            const GaugeSeries& g = gauge(r, name);
            const double a = arrival(g, 0.01);
            qInfo("EA test 4 %s: arrival %.0f s, peak %.3f m at %.0f s, final %.3f m", name, a, g.peakDepth,
                  g.peakTimeS, g.finalDepth);
            QVERIFY2(std::isfinite(a) && a > previous, name);
            previous = a;
            // Once wet, wet for good (the hydrograph still runs at 5 h).
            for (std::size_t i = 0; i < g.times.size(); ++i)
                if (g.times[i] > a)
                    QVERIFY2(g.depths[i] > 0, name);
        }
        // Arrival-time and duration rasters agree: P1 stays deeper than the 5 cm threshold from arrival to
        // the end.
        const GaugeSeries& p1 = gauge(r, "P1");
        const double arrive = r.arrivalTime.at(p1.col, p1.row), wet = r.floodDuration.at(p1.col, p1.row);
        QVERIFY2(arrive > 0 && std::abs(wet - (in.durationS - arrive)) < 10, // within a few time steps
                 qPrintable(QString("arrival %1 s, duration %2 s").arg(arrive).arg(wet)));
        const GaugeSeries &p3 = gauge(r, "P3"), &p5 = gauge(r, "P5");
        QVERIFY(arrive < r.arrivalTime.at(p3.col, p3.row) &&
                r.arrivalTime.at(p3.col, p3.row) < r.arrivalTime.at(p5.col, p5.row));
        // P6 (300, 1300) is 424 m from the breach: after P4 (300 m), before the end.
        const double a6 = arrival(gauge(r, "P6"), 0.01);
        QVERIFY2(a6 > arrival(gauge(r, "P4"), 0.01) && std::isfinite(a6), std::to_string(a6).c_str());
        // Peak depths fall with distance from the breach.
        QVERIFY(gauge(r, "P1").peakDepth > gauge(r, "P3").peakDepth);
        QVERIFY(gauge(r, "P3").peakDepth > gauge(r, "P5").peakDepth);
        QVERIFY2(std::abs(r.mass.errorFraction) < 1e-3, std::to_string(r.mass.errorFraction).c_str());
        QVERIFY(std::abs(r.mass.inflowVolume -
                         (0.5 * 20 * 3600 + 20 * 7200 + 0.5 * (20 + 20 * 1800.0 / 9000) * 7200)) <
                1e-3 * r.mass.inflowVolume);
    }

    void freeEdgeDrainsASlope() {
        // Rain on a plane tilted towards the east edge, which is a free outflow: at steady state outflow ≈
        // rain.
        InertialInput in;
        in.dem = grid(40, 10, 10);
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 40; ++c)
                in.dem.at(c, r) = float(2 - 0.005 * c * 10);
        in.rain = TimeSeries::constant(36); // 1e-5 m/s
        in.boundaries.push_back({Edge::East, EdgeBoundary::Kind::Free, {}, 0.005});
        in.durationS = 4 * 3600;
        in.outputEveryS = 3600;
        in.keepSnapshots = false;
        const InertialResult r = runOk(in);
        const MassBalance& m = r.mass;
        qInfo("mass: initial %.3f final %.3f inflow %.3f rain %.3f loss %.3f in %.3f out %.3f clipped %.3f "
              "error %.3f (%.2e)",
              m.initialVolume, m.finalVolume, m.inflowVolume, m.rainVolume, m.lossVolume, m.boundaryInVolume,
              m.boundaryOutVolume, m.clippedVolume, m.errorVolume, m.errorFraction);
        QVERIFY(r.mass.boundaryOutVolume > 0.6 * r.mass.rainVolume);
        QVERIFY(std::abs(r.mass.errorFraction) < 1e-4);
    }

    void unstableAndBadInputIsRefused() {
        Progress progress;
        InertialInput in;
        in.dem = grid(20, 20, 5, 1);
        in.durationS = 100;
        in.alpha = 1.5;
        auto r = runInertialModel(in, progress);
        QVERIFY(!r && r.error().find("alpha") != std::string::npos);
        in.alpha = 0.7;
        in.inflows.push_back({"off", {{500, 50}}, TimeSeries::constant(1)});
        r = runInertialModel(in, progress);
        QVERIFY2(!r && r.error().find("off the grid") != std::string::npos, r.error().c_str());
        in.inflows = {{"hole", {{12, 12}}, TimeSeries::constant(1)}};
        in.dem.at(2, 17) = NAN;
        r = runInertialModel(in, progress);
        QVERIFY2(!r && r.error().find("nodata") != std::string::npos, r.error().c_str());
        in.inflows = {{"neg", {{52, 52}}, TimeSeries::constant(-1)}};
        r = runInertialModel(in, progress);
        QVERIFY(!r && r.error().find("negative") != std::string::npos);
        in.inflows.clear();
        in.gauges = {{"far", -10, 10}};
        r = runInertialModel(in, progress);
        QVERIFY(!r && r.error().find("off the grid") != std::string::npos);
        in.gauges.clear();
        in.theta = 0.2;
        QVERIFY(!runInertialModel(in, progress));
        in.theta = 0.7;
        in.manning = 0;
        QVERIFY(!runInertialModel(in, progress));
    }

    void instabilityStopsTheRun() {
        // A speed limit the flow must exceed: the run stops with the time, the cell and what to do.
        Progress progress;
        InertialInput in;
        in.dem = grid(30, 30, 5, 0);
        in.inflows.push_back({"jet", {{75, 75}}, TimeSeries::constant(50)});
        in.durationS = 600;
        in.maxVelocity = 0.05;
        auto r = runInertialModel(in, progress);
        QVERIFY(!r);
        QVERIFY2(r.error().find("unstable") != std::string::npos &&
                     r.error().find("alpha") != std::string::npos &&
                     r.error().find("row") != std::string::npos,
                 r.error().c_str());
    }

    void cancelStopsTheRun() {
        Progress progress;
        progress.cancel();
        InertialInput in;
        in.dem = grid(20, 20, 5, 1);
        auto r = runInertialModel(in, progress);
        QVERIFY(!r && r.error().find("cancelled") != std::string::npos);
    }

    void etaEstimate() {
        QCOMPARE(estimateRemainingSeconds(10, 0.25), 30.0);
        QCOMPARE(estimateRemainingSeconds(10, 0), 0.0);
        QCOMPARE(estimateRemainingSeconds(10, 1), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestFloodDynamic)
#include "test_flood_dynamic.moc"
