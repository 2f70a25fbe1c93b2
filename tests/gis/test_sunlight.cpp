// Sunlight engine: analytic long wall (profile angle), pole shadow length, Embree vs CGAL on random scenes,
// bisection against a brute-force 1-second scan, counting rules, true solar time conversion.
#include "gis/analysis/sun_position.h"
#include "gis/analysis/sunlight.h"
#include "gis/geom/extrude.h"
#include "gis/geom/shadow_engine.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace gis;
using namespace gis::analysis;

namespace {
constexpr double kDeg = std::numbers::pi / 180.0;

Building box(double x0, double y0, double x1, double y1, double h, double base = 0) {
    Building b;
    b.footprint.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    b.baseZ = base;
    b.height = h;
    return b;
}

SunObserver observerAt(const GeoLocation& g, const SunlightParameters& p) {
    SunObserver o;
    o.latitude = g.latitude;
    o.longitude = g.longitude;
    o.elevation = g.elevation;
    o.refraction = false;
    o.deltaT = *p.deltaT;
    return o;
}

Vec3 sunDir(const SunPosition& s) {
    const double az = s.azimuth * kDeg, el = s.elevation * kDeg;
    return {std::sin(az) * std::cos(el), std::cos(az) * std::cos(el), std::sin(el)};
}

// Closest distance between segments p1q1 and p2q2 (Ericson, Real-Time Collision Detection 5.1.9).
double segmentDistance(Vec3 p1, Vec3 q1, Vec3 p2, Vec3 q2) {
    const Vec3 d1 = q1 - p1, d2 = q2 - p2, r = p1 - p2;
    const double a = d1.dot(d1), e = d2.dot(d2), f = d2.dot(r);
    double s = 0, t = 0;
    if (a <= 1e-18 && e <= 1e-18)
        return r.length();
    if (a <= 1e-18) {
        t = std::clamp(f / e, 0.0, 1.0);
    } else {
        const double c = d1.dot(r);
        if (e <= 1e-18) {
            s = std::clamp(-c / a, 0.0, 1.0);
        } else {
            const double b = d1.dot(d2), denom = a * e - b * b;
            s = denom > 1e-18 ? std::clamp((b * f - c * e) / denom, 0.0, 1.0) : 0.0;
            t = (b * s + f) / e;
            if (t < 0) {
                t = 0;
                s = std::clamp(-c / a, 0.0, 1.0);
            } else if (t > 1) {
                t = 1;
                s = std::clamp((b - c) / a, 0.0, 1.0);
            }
        }
    }
    return ((p1 + d1 * s) - (p2 + d2 * t)).length();
}

// The long-wall case: analytic lit intervals from SPA by root-finding on the profile angle.
struct WallCase {
    GeoLocation where;
    SunlightParameters params;
    double H = 20, D = 30; // wall height, distance of the receiver from the wall face
};

// Analytic state at UT instant jd: the receiver north of the wall faces south; it is lit iff the sun is
// south of the E-W line and its profile angle on the N-S plane exceeds atan(H/D), or the ray passes a wall
// end.
bool analyticLit(const WallCase& c, const SunObserver& o, double jd, double halfLength) {
    const SunPosition s = sunPosition(jd, o).value();
    const Vec3 d = sunDir(s);
    if (!(s.elevation > c.params.minAltitude) || d.y >= 0)
        return false;
    const double profile = std::atan2(d.z, -d.y);
    if (profile > std::atan2(c.H, c.D))
        return true;
    return std::abs(c.D * d.x / -d.y) > halfLength; // passes beside the wall's end
}

// Lit intervals in seconds of the window (double) by scanning at 30 s and bisecting each change to 1 ms.
std::vector<std::pair<double, double>> analyticIntervals(const WallCase& c, double halfLength) {
    const SunObserver o = observerAt(c.where, c.params);
    auto jdOf = [&](double s) { return julianDayOfWindowSecond(c.params, c.where, s).value(); };
    auto lit = [&](double s) { return analyticLit(c, o, jdOf(s), halfLength); };
    std::vector<std::pair<double, double>> out;
    const double a = c.params.windowStart, b = c.params.windowEnd;
    double start = lit(a) ? a : -1;
    bool prev = start >= 0;
    for (double t = a + 30; t <= b + 1e-9; t += 30) {
        const double tt = std::min(t, b - 1e-6);
        const bool cur = lit(tt);
        if (cur != prev) {
            double lo = tt - 30, hi = tt;
            while (hi - lo > 1e-3)
                (lit(0.5 * (lo + hi)) == prev ? lo : hi) = 0.5 * (lo + hi);
            if (prev)
                out.push_back({start, hi});
            else
                start = hi;
            prev = cur;
        }
    }
    if (prev)
        out.push_back({start, b});
    return out;
}

void checkWall(const WallCase& c) {
    const double halfLength = 1000, thickness = 0.5;
    SunlightInput in;
    in.buildings = {box(-halfLength, -thickness, halfLength, 0, c.H)};
    // Receiver at ground level, D north of the wall face (y = 0), facade normal towards the wall (south).
    const double offset = c.params.receiverOffset;
    in.receivers = {{"r", {0, c.D + offset, 0}, Vec3{0, -1, 0}}};
    in.parameters = c.params;
    in.location = c.where;
    NullProgress progress;
    auto r = computeSunlight(in, progress);
    QVERIFY2(r.isOk(), r.error().c_str());
    const auto& got = r->receivers[0].intervals;
    const auto want = analyticIntervals(c, halfLength);
    QString text;
    for (const auto& i : got)
        text += QString(" [%1 %2]").arg(i.start).arg(i.end);
    text += " vs";
    for (const auto& i : want)
        text += QString(" [%1 %2]").arg(i.first, 0, 'f', 2).arg(i.second, 0, 'f', 2);
    QVERIFY2(!want.empty(), qPrintable("the case must have sun:" + text));
    QVERIFY2(got.size() == want.size(), qPrintable(text));
    double gotTotal = 0, wantTotal = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        // Bisection to 1 s: the reported boundary is the first second of the new state.
        QVERIFY2(std::abs(got[i].start - want[i].first) <= 1.001, qPrintable(text));
        QVERIFY2(std::abs(got[i].end - want[i].second) <= 1.001, qPrintable(text));
        gotTotal += got[i].length();
        wantTotal += want[i].second - want[i].first;
    }
    QVERIFY2(std::abs(gotTotal - wantTotal) <= 60, qPrintable(text)); // the acceptance: 1 minute
    QVERIFY2(std::abs(r->receivers[0].litSeconds - wantTotal) <= 2, qPrintable(text));
}
} // namespace

class TestSunlight : public QObject {
    Q_OBJECT
private slots:
    void countingRules() {
        const std::vector<LitInterval> iv{{0, 600}, {1000, 1100}, {2000, 4000}, {5000, 5900}};
        QCOMPARE(countedSeconds(iv, {CountingRule::Cumulative, 1, 0}), 600.0 + 100 + 2000 + 900);
        QCOMPARE(countedSeconds(iv, {CountingRule::Longest, 1, 0}), 2000.0);
        QCOMPARE(countedSeconds(iv, {CountingRule::SumOfLongest, 2, 0}), 2900.0);
        QCOMPARE(countedSeconds(iv, {CountingRule::SumOfLongest, 9, 0}), 3600.0);
        // Minimum segment: segments shorter are dropped before counting.
        QCOMPARE(countedSeconds(iv, {CountingRule::Cumulative, 1, 300}), 600.0 + 2000 + 900);
        QCOMPARE(countedSeconds(iv, {CountingRule::Cumulative, 1, 600}), 600.0 + 2000 + 900); // >= kept
        QCOMPARE(countedSeconds(iv, {CountingRule::Cumulative, 1, 601}), 2000.0 + 900);
        QCOMPARE(countedSeconds(iv, {CountingRule::SumOfLongest, 3, 1000}), 2000.0);
        QCOMPARE(countedSeconds({}, {CountingRule::Longest, 1, 0}), 0.0);
        QCOMPARE(segmentsThatCount(iv, 900).size(), std::size_t(2));
        QCOMPARE(formatSeconds(0), std::string("00:00:00"));
        QCOMPARE(formatSeconds(86400), std::string("24:00:00"));
        QCOMPARE(formatSeconds(8 * 3600 + 61), std::string("08:01:01"));
    }

    void trueSolarTimeConversion() {
        // Window seconds in true solar time map to instants whose SPA solar time is that second.
        const GeoLocation cities[] = {
            {39.9042, 116.4074}, {43.8256, 87.6168}, {40.4168, -3.7038}, {-33.8688, 151.2093}};
        for (const auto& g : cities)
            for (int month : {1, 6, 11}) {
                SunlightParameters p;
                p.year = 2026;
                p.month = month;
                p.day = 20;
                p.timeBase = TimeBase::Solar;
                p.deltaT = 69;
                for (double s : {8 * 3600.0, 12 * 3600.0, 15.5 * 3600}) {
                    const double jd = julianDayOfWindowSecond(p, g, s).value();
                    SunObserver o = observerAt(g, p);
                    const double solar = sunPosition(jd, o)->solarTime * 3600.0;
                    QVERIFY2(std::abs(solar - s) < 0.01, qPrintable(QString("%1 vs %2").arg(solar).arg(s)));
                }
            }
    }

    void longWallAnalytic_data() {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<int>("month");
        QTest::addColumn<int>("day");
        QTest::addColumn<int>("timeBase");
        QTest::addColumn<double>("H");
        QTest::addColumn<double>("D");
        QTest::newRow("Beijing 大寒 8-16 solar") << 39.9042 << 116.4074 << 1 << 20 << 0 << 20.0 << 40.0;
        QTest::newRow("Beijing 大寒 full day solar") << 39.9042 << 116.4074 << 1 << 20 << 0 << 12.0 << 30.0;
        QTest::newRow("Guangzhou 冬至 clock UTC") << 23.1291 << 113.2644 << 12 << 22 << 1 << 15.0 << 30.0;
        QTest::newRow("London 21 March clock") << 51.5074 << -0.1278 << 3 << 21 << 1 << 10.0 << 15.0;
        QTest::newRow("Harbin 冬至 solar") << 45.8038 << 126.5349 << 12 << 22 << 0 << 6.0 << 30.0;
    }
    void longWallAnalytic() {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(int, month);
        QFETCH(int, day);
        QFETCH(int, timeBase);
        QFETCH(double, H);
        QFETCH(double, D);
        WallCase c;
        c.where = {lat, lon, 0, 0};
        c.H = H;
        c.D = D;
        c.params.year = 2026;
        c.params.month = month;
        c.params.day = day;
        c.params.deltaT = 69;
        c.params.timeBase = timeBase == 0 ? TimeBase::Solar : TimeBase::Clock;
        const bool fullDay = QString(QTest::currentDataTag()).contains("full") || timeBase == 1;
        c.params.windowStart = fullDay ? 0 : 8 * 3600;
        c.params.windowEnd = fullDay ? 86400 : 16 * 3600;
        checkWall(c);
    }

    void poleShadowLength() {
        // A thin pole of height H: a ground point at distance d along the shadow is dark for d < H/tan(alt)
        // and lit beyond it.
        const double H = 10, w = 0.05;
        for (double hour : {9.0, 10.5, 12.0, 14.25}) {
            SunlightParameters p;
            p.year = 2026;
            p.month = 3;
            p.day = 21;
            p.deltaT = 69;
            p.timeBase = TimeBase::Solar;
            p.windowStart = int(hour * 3600);
            p.windowEnd = p.windowStart + 1;
            const GeoLocation g{30.5928, 114.3055, 0, 0};
            const SunPosition s =
                sunPosition(julianDayOfWindowSecond(p, g, p.windowStart).value(), observerAt(g, p)).value();
            const Vec3 d = sunDir(s);
            const double L = H / std::tan(s.elevation * kDeg);
            const Vec3 away = Vec3{-d.x, -d.y, 0}.normalized();
            SunlightInput in;
            in.buildings = {box(-w, -w, w, w, H)};
            in.location = g;
            in.parameters = p;
            in.parameters.receiverOffset = 0; // free points on the ground, z = 0.001
            for (double f : {0.5, 0.97, 1.03, 1.5}) {
                const Vec3 pos = away * (L * f);
                in.receivers.push_back(
                    {QString::number(f).toStdString(), {pos.x, pos.y, 0.001}, std::nullopt});
            }
            NullProgress progress;
            auto r = computeSunlight(in, progress);
            QVERIFY2(r.isOk(), r.error().c_str());
            QVERIFY2(r->receivers[0].intervals.empty() && r->receivers[1].intervals.empty(),
                     qPrintable(QString("hour %1: inside the shadow of length %2 m").arg(hour).arg(L)));
            QVERIFY2(r->receivers[2].litSeconds == 1 && r->receivers[3].litSeconds == 1,
                     qPrintable(QString("hour %1: beyond the shadow of length %2 m").arg(hour).arg(L)));
        }
    }

    void embreeMatchesCgalOnRandomScenes() {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> u(-50, 50), unit(-1, 1), size(1, 15);
        int compared = 0, grazing = 0;
        for (int scene = 0; scene < 5; ++scene) {
            std::vector<Building> boxes;
            for (int i = 0; i < 40; ++i) {
                const double x = u(rng), y = u(rng), sx = size(rng), sy = size(rng);
                boxes.push_back(box(x, y, x + sx, y + sy, size(rng) * 2, unit(rng) * 3));
            }
            TriangleMesh mesh = geom::extrudeBuildings(boxes, true);
            // Loose random triangles too (a "reality mesh").
            TriangleMesh loose;
            for (int i = 0; i < 200; ++i) {
                const Vec3 c{u(rng), u(rng), u(rng) * 0.3 + 15};
                for (int k = 0; k < 3; ++k)
                    loose.vertices.push_back(c + Vec3{unit(rng), unit(rng), unit(rng)} * 6);
                loose.indices.insert(loose.indices.end(), {std::uint32_t(3 * i), std::uint32_t(3 * i + 1),
                                                           std::uint32_t(3 * i + 2)});
                loose.surfaces.push_back(Surface::Unknown);
                loose.objectIds.push_back(0);
            }
            const Vec3 far{350000, 3400000, 20}; // project-CRS-like coordinates: float BVH relative to origin
            for (auto* m : {&mesh, &loose})
                for (auto& v : m->vertices)
                    v = v + far;
            const std::vector<const TriangleMesh*> meshes{&mesh, &loose};
            auto embree = geom::makeEmbreeShadowEngine(meshes, geom::meshesCentre(meshes));
            auto cgal = geom::makeCgalShadowEngine(meshes, geom::meshesCentre(meshes));
            QCOMPARE(embree->triangleCount(), mesh.triangleCount() + loose.triangleCount());
            std::vector<geom::ShadowRay> rays;
            for (int i = 0; i < 4000; ++i) {
                geom::ShadowRay r{far + Vec3{u(rng), u(rng), u(rng) * 0.4 + 10},
                                  Vec3{unit(rng), unit(rng), unit(rng)}};
                if (r.direction.length() < 1e-3)
                    continue;
                if (i % 3 == 0)
                    r.maxDistance = 5 + std::abs(u(rng));
                rays.push_back(r);
            }
            std::vector<std::uint8_t> a(rays.size()), b(rays.size());
            NullProgress progress;
            QVERIFY(embree->occluded(rays, a, progress));
            QVERIFY(cgal->occluded(rays, b, progress));
            for (std::size_t i = 0; i < rays.size(); ++i) {
                QCOMPARE(a[i] != 0, embree->occluded(rays[i])); // batch == single
                ++compared;
                if (a[i] == b[i])
                    continue;
                // Allowed only for rays grazing an edge within 1e-4 m.
                const Vec3 o = rays[i].origin,
                           e = o + rays[i].direction.normalized() *
                                       (std::isfinite(rays[i].maxDistance) ? rays[i].maxDistance : 1e4);
                double best = 1e9;
                for (const TriangleMesh* m : meshes)
                    for (std::size_t t = 0; t < m->triangleCount(); ++t)
                        for (int k = 0; k < 3; ++k)
                            best =
                                std::min(best, segmentDistance(o, e, m->vertices[m->indices[3 * t + k]],
                                                               m->vertices[m->indices[3 * t + (k + 1) % 3]]));
                QVERIFY2(best < 1e-4,
                         qPrintable(QString("scene %1 ray %2: Embree %3, CGAL %4, nearest edge %5 m")
                                        .arg(scene)
                                        .arg(i)
                                        .arg(a[i])
                                        .arg(b[i])
                                        .arg(best)));
                ++grazing;
            }
        }
        QVERIFY(compared >= 19000);
        QVERIFY2(grazing <= 5, qPrintable(QString("%1 grazing disagreements").arg(grazing)));
        // Same verdicts count both ways: sanity that rays do hit things.
    }

    void batchQueryIsCancellable() {
        std::vector<Building> boxes{box(0, 0, 10, 10, 10)};
        TriangleMesh mesh = geom::extrudeBuildings(boxes, true);
        const std::vector<const TriangleMesh*> meshes{&mesh};
        auto embree = geom::makeEmbreeShadowEngine(meshes, {});
        std::vector<geom::ShadowRay> rays(100000, geom::ShadowRay{{5, -5, 1}, {0, 1, 0}});
        std::vector<std::uint8_t> out(rays.size());
        NullProgress progress;
        QVERIFY(embree->occluded(rays, out, progress));
        QVERIFY(std::all_of(out.begin(), out.end(), [](auto v) { return v == 1; }));
        progress.cancel();
        QVERIFY(!embree->occluded(rays, out, progress));
        // computeSunlight answers "cancelled" too.
        SunlightInput in;
        in.buildings = boxes;
        in.receivers = {{"a", {5, -5, 0}, std::nullopt}};
        in.location = GeoLocation{30, 114, 0, 0};
        auto r = computeSunlight(in, progress);
        QVERIFY(!r.isOk());
        QVERIFY(r.error().find("cancel") != std::string::npos);
    }

    void refinementMatchesBruteForceScan() {
        // A cluster of towers and receivers around it; 5-minute steps + bisection vs every second.
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> u(-60, 60), h(10, 60);
        SunlightInput in;
        for (int i = 0; i < 12; ++i) {
            const double x = u(rng), y = u(rng);
            in.buildings.push_back(box(x, y, x + 12, y + 12, h(rng)));
        }
        for (int i = 0; i < 60; ++i) {
            SunlightReceiver r{std::to_string(i), {u(rng) * 1.5, u(rng) * 1.5, 1.5}, std::nullopt};
            if (i % 2)
                r.normal = Vec3{std::cos(i * 0.7), std::sin(i * 0.7), 0};
            in.receivers.push_back(r);
        }
        in.location = GeoLocation{31.2304, 121.4737, 0, 0};
        in.parameters.year = 2026;
        in.parameters.month = 1;
        in.parameters.day = 20;
        in.parameters.deltaT = 69;
        NullProgress progress;
        auto fast = computeSunlight(in, progress);
        QVERIFY2(fast.isOk(), fast.error().c_str());
        in.parameters.coarseStepSeconds = 1; // brute force: every second of the window
        auto brute = computeSunlight(in, progress);
        QVERIFY2(brute.isOk(), brute.error().c_str());
        int compared = 0, withTransitions = 0;
        for (std::size_t i = 0; i < in.receivers.size(); ++i) {
            const auto& b = brute->receivers[i].intervals;
            // Events shorter than a coarse step can fall between samples: compare only receivers without
            // them.
            bool shortEvent = false;
            for (std::size_t k = 0; k < b.size(); ++k)
                shortEvent |= b[k].length() < 300 || (k > 0 && b[k].start - b[k - 1].end < 300);
            if (shortEvent)
                continue;
            const auto& f = fast->receivers[i].intervals;
            QCOMPARE(f.size(), b.size());
            for (std::size_t k = 0; k < b.size(); ++k) {
                QVERIFY(std::abs(f[k].start - b[k].start) <= 1);
                QVERIFY(std::abs(f[k].end - b[k].end) <= 1);
            }
            ++compared;
            withTransitions += !b.empty() && (b.size() > 1 || b[0].start > in.parameters.windowStart ||
                                              b[0].end < in.parameters.windowEnd);
        }
        QVERIFY2(compared >= 40, qPrintable(QString("only %1 receivers compared").arg(compared)));
        QVERIFY2(withTransitions >= 20, qPrintable(QString("only %1 with transitions").arg(withTransitions)));
        QVERIFY(fast->raysCast * 10 < brute->raysCast);
    }

    void receiverInsideBuildingIsFlagged() {
        SunlightInput in;
        in.buildings = {box(0, 0, 10, 10, 10)};
        in.receivers = {{"in", {5, 5, 2}, std::nullopt}, {"out", {50, 5, 2}, std::nullopt}};
        in.location = GeoLocation{30, 114, 0, 0};
        in.parameters.requiredHours = 1;
        NullProgress progress;
        auto r = computeSunlight(in, progress);
        QVERIFY2(r.isOk(), r.error().c_str());
        QVERIFY(r->receivers[0].inside);
        QCOMPARE(r->receivers[0].litSeconds, 0.0);
        QCOMPARE(r->receivers[0].pass, std::optional<bool>(false));
        QVERIFY(!r->receivers[1].inside);
        QVERIFY(r->receivers[1].litSeconds > 0);
        QVERIFY(!r->warnings.empty());
    }

    void facadeFacingAwayAndPolarNight() {
        SunlightInput in;
        in.receivers = {{"north", {0, 0, 2}, Vec3{0, 1, 0}},
                        {"south", {0, 0, 2}, Vec3{0, -1, 0}},
                        {"east", {0, 0, 2}, Vec3{1, 0, 0}}};
        in.location = GeoLocation{39.9, 116.4, 0, 0};
        NullProgress progress;
        auto r = computeSunlight(in, progress); // no occluders at all: an empty scene
        QVERIFY2(r.isOk(), r.error().c_str());
        QVERIFY(r->receivers[0].neverFacesSun);
        QCOMPARE(r->receivers[0].litSeconds, 0.0);
        QCOMPARE(r->receivers[1].litSeconds, 8 * 3600.0); // 大寒 8-16 in Beijing: sun all window
        in.parameters.windowStart = 0;
        in.parameters.windowEnd = 86400;
        auto whole = computeSunlight(in, progress);
        in.parameters.sweepAngle = 15;
        auto s = computeSunlight(in, progress);
        // Sweep angle 15°: the east facade loses the sun that grazes it near noon (azimuth 165..180°).
        QVERIFY(s->receivers[2].litSeconds < whole->receivers[2].litSeconds - 1800);
        QVERIFY(s->receivers[2].litSeconds > 2 * 3600.0);
        QCOMPARE(s->receivers[1].litSeconds, whole->receivers[1].litSeconds); // winter sun is never that flat
        // Polar night: no sun, a warning, zero hours.
        in.location = GeoLocation{78.2, 15.6, 0, 0};
        in.parameters.sweepAngle = 0;
        auto p = computeSunlight(in, progress);
        QVERIFY2(p.isOk(), p.error().c_str());
        QCOMPARE(p->receivers[1].litSeconds, 0.0);
        QVERIFY(!p->warnings.empty());
        // A date outside SPA's range is an error, not a crash.
        in.parameters.year = 7000;
        QVERIFY(!computeSunlight(in, progress).isOk());
    }
};

QTEST_GUILESS_MAIN(TestSunlight)
#include "test_sunlight.moc"
