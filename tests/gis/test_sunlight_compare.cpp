// Scheme comparison: a tower added south of a residential slab makes its named south windows fail; a tower
// added north changes nothing; removing buildings never reduces hours (also on random scenes); proposal
// building lists; mismatched inputs give clear errors.
#include "gis/analysis/sunlight_compare.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <set>

using namespace gis;
using namespace gis::analysis;

namespace {
Building box(std::int64_t id, double x0, double y0, double x1, double y1, double h, int storeys = 0) {
    Building b;
    b.id = id;
    b.footprint.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; // CCW
    b.height = h;
    b.storeys = storeys;
    b.use = "residential";
    return b;
}

// Beijing, 大寒 2026 (20 January), 8-16 true solar time, cumulative, 2 h: GB 50180 table 4.0.9.
SunlightInput beijingInput() {
    SunlightInput in;
    in.location = GeoLocation{39.9, 116.4, 0, 0};
    SunlightParameters& p = in.parameters;
    p.year = 2026;
    p.month = 1;
    p.day = 20;
    p.windowStart = 8 * 3600;
    p.windowEnd = 16 * 3600;
    p.requiredHours = 2.0;
    return in;
}

// A 60 m x 12 m east-west slab, 6 storeys; its south facade is facade 1 (edge (0,0) -> (60,0)).
const Building kSlab = box(1, 0, 0, 60, 12, 18, 6);

const ReceiverChange* findChange(const std::vector<ReceiverChange>& list, const std::string& id) {
    auto it = std::find_if(list.begin(), list.end(), [&](const ReceiverChange& c) { return c.id == id; });
    return it == list.end() ? nullptr : &*it;
}
} // namespace

class TestSunlightCompare : public QObject {
    Q_OBJECT

private slots:
    void towerSouthMakesNamedWindowsFail() {
        SunlightInput in = beijingInput();
        in.buildings = {kSlab};
        const WindowReceivers w = windowReceivers(in.buildings, WindowOptions{});
        in.receivers = w.samples;
        // A 100 m tower 15 m south of the slab's middle, 40 m wide: from the middle ground-floor window it
        // spans azimuths of about 127..233 degrees, i.e. almost the whole 8-16 window on 大寒.
        ProposalChange change;
        change.added = {box(99, 10, -55, 50, -15, 100)};
        NullProgress progress;
        auto run = compareSchemes(in, applyProposal(in.buildings, change), progress, {.windows = &w});
        QVERIFY2(run.isOk(), run.error().c_str());
        const SchemeComparison& c = run->comparison;
        QCOMPARE(c.receivers, w.windows.size());
        QCOMPARE(run->baselineWindows.size(), w.windows.size());
        // Unobstructed, every south window gets the full 8 h and passes; north windows never face the sun.
        for (std::size_t i = 0; i < w.windows.size(); ++i) {
            if (w.windows[i].facade == 1) {
                QVERIFY(std::abs(run->baselineWindows[i].countedSeconds - 8 * 3600.0) < 2);
                QVERIFY(*run->baselineWindows[i].pass);
            }
        }
        // The middle window of the ground floor (window 10 of 20: x = 28.5) and its neighbour fail now.
        for (const char* id : {"b1-s1-f1-w10", "b1-s1-f1-w11", "b1-s2-f1-w10"}) {
            const ReceiverChange* f = findChange(c.newFailures, id);
            QVERIFY2(f, id);
            QCOMPARE(*f->passBefore, true);
            QCOMPARE(*f->passAfter, false);
            QVERIFY(f->afterSeconds < 2 * 3600.0);
            QVERIFY(std::abs(f->deltaSeconds - (f->afterSeconds - f->beforeSeconds)) < 1e-9);
            QVERIFY2(findChange(c.drops, id), id);
            QCOMPARE(w.windows[f->index].id, std::string(id));
        }
        // Only south windows are affected, and the end windows (x = 1.5 and 58.5, the tower well off to
        // the side) keep their requirement.
        for (const auto& f : c.drops)
            QCOMPARE(w.windows[f.index].facade, 1);
        QVERIFY(!findChange(c.newFailures, "b1-s1-f1-w1"));
        QVERIFY(!findChange(c.newFailures, "b1-s6-f1-w20"));
        QVERIFY(c.gains.empty());
        // Counts add up.
        QCOMPARE(c.drops.size() + c.gains.size() + c.unchanged, c.receivers);
        // The 120 north windows fail in both schemes (the sun never reaches them in the window).
        QCOMPARE(c.failingBefore, std::size_t(120));
        QCOMPARE(c.newPasses, std::size_t(0));
        QCOMPARE(c.failingAfter - c.failingBefore, c.newFailures.size());
        QCOMPARE(c.passingBefore + c.failingBefore, c.passingAfter + c.failingAfter);
        qInfo("south tower: %zu drops, %zu new failures", c.drops.size(), c.newFailures.size());
        // Sorted by loss, largest first.
        for (std::size_t i = 1; i < c.drops.size(); ++i)
            QVERIFY(c.drops[i - 1].deltaSeconds <= c.drops[i].deltaSeconds);
    }

    void towerNorthChangesNothing() {
        SunlightInput in = beijingInput();
        in.buildings = {kSlab};
        const WindowReceivers w = windowReceivers(in.buildings, WindowOptions{});
        in.receivers = w.samples;
        // On 大寒 at 40 N the sun stays south of east-west throughout 8-16 solar time: a tower to the north
        // can shade nothing.
        std::vector<Building> proposal = in.buildings;
        proposal.push_back(box(77, 0, 40, 60, 70, 120));
        NullProgress progress;
        auto run = compareSchemes(in, proposal, progress, {.windows = &w});
        QVERIFY2(run.isOk(), run.error().c_str());
        QVERIFY(run->comparison.drops.empty());
        QVERIFY(run->comparison.newFailures.empty());
        QVERIFY(run->comparison.gains.empty());
        QCOMPARE(run->comparison.unchanged, w.windows.size());
    }

    void removingABuildingNeverReducesHours() {
        // Slab with a tower south of it; the proposal demolishes the tower.
        SunlightInput in = beijingInput();
        in.buildings = {kSlab, box(99, 10, -55, 50, -15, 100)};
        const WindowReceivers w = windowReceivers(std::span(in.buildings).first(1), WindowOptions{});
        in.receivers = w.samples;
        ProposalChange change;
        change.removed = {99};
        const auto proposal = applyProposal(in.buildings, change);
        QCOMPARE(proposal.size(), std::size_t(1));
        NullProgress progress;
        auto run = compareSchemes(in, proposal, progress, {.windows = &w});
        QVERIFY2(run.isOk(), run.error().c_str());
        const SchemeComparison& c = run->comparison;
        QVERIFY(c.drops.empty());
        QVERIFY(c.newFailures.empty());
        QVERIFY(!c.gains.empty());
        QVERIFY(c.newPasses > 0);
        QVERIFY(findChange(c.gains, "b1-s1-f1-w10"));
    }

    void removingBuildingsNeverReducesHoursOnRandomScenes() {
        std::mt19937 rng(4242);
        std::uniform_real_distribution<double> pos(-80, 80), size(5, 25), height(5, 60);
        for (int scene = 0; scene < 3; ++scene) {
            SunlightInput in = beijingInput();
            in.parameters.coarseStepSeconds = 600; // coarse sampling must not break monotonicity either
            for (int i = 0; i < 25; ++i) {
                const double x = pos(rng), y = pos(rng);
                in.buildings.push_back(box(i + 1, x, y, x + size(rng), y + size(rng), height(rng)));
            }
            // Free points on a 10 m grid at 1.5 m, plus facade points of every building.
            for (double x = -90; x <= 90; x += 10)
                for (double y = -90; y <= 90; y += 10)
                    in.receivers.push_back(
                        {QString("p%1_%2").arg(x).arg(y).toStdString(), {x, y, 1.5}, std::nullopt});
            WindowOptions wo;
            wo.spacing = 6;
            const WindowReceivers w = windowReceivers(in.buildings, wo);
            in.receivers.insert(in.receivers.end(), w.samples.begin(), w.samples.end());
            ProposalChange change;
            for (int i = 0; i < 25; i += 3)
                change.removed.push_back(i + 1);
            NullProgress progress;
            auto run = compareSchemes(in, applyProposal(in.buildings, change), progress);
            QVERIFY2(run.isOk(), run.error().c_str());
            const SchemeComparison& c = run->comparison;
            QCOMPARE(c.receivers, in.receivers.size());
            for (const auto& d : c.drops)
                qWarning("scene %d: %s drops by %.0f s", scene, d.id.c_str(), -d.deltaSeconds);
            QVERIFY(c.drops.empty());
            QVERIFY(c.newFailures.empty());
            QVERIFY(!c.gains.empty()); // demolition must free some sun
        }
    }

    void perReceiverModeFlagsPointsInsideANewBuilding() {
        SunlightInput in = beijingInput();
        in.buildings = {kSlab};
        in.receivers = {{"open", {30, -30, 1.5}, std::nullopt}, {"under", {30, -60, 1.5}, std::nullopt}};
        std::vector<Building> proposal{kSlab, box(5, 20, -70, 40, -50, 30)};
        NullProgress progress;
        auto run = compareSchemes(in, proposal, progress);
        QVERIFY2(run.isOk(), run.error().c_str());
        const SchemeComparison& c = run->comparison;
        const ReceiverChange* under = findChange(c.newFailures, "under");
        QVERIFY(under);
        QVERIFY(under->insideAfter);
        QCOMPARE(under->afterSeconds, 0.0);
        QVERIFY(findChange(c.drops, "under"));
        // "open" is north of the new building and loses sun around noon too.
        QVERIFY(findChange(c.drops, "open"));
        QCOMPARE(c.drops.front().id, std::string("under")); // the largest loss first
    }

    void applyProposalReplacesAddsAndRemoves() {
        std::vector<Building> base{box(1, 0, 0, 10, 10, 10), box(2, 20, 0, 30, 10, 10),
                                   box(2, 40, 0, 50, 10, 10), box(3, 60, 0, 70, 10, 10)};
        ProposalChange change;
        change.removed = {3};
        change.changed = {box(2, 20, 0, 50, 10, 45), box(8, 0, 50, 10, 60, 5)};
        change.added = {box(9, 0, -30, 10, -20, 60)};
        const auto out = applyProposal(base, change);
        QCOMPARE(out.size(), std::size_t(4));
        QCOMPARE(out[0].id, std::int64_t(1));
        QCOMPARE(out[1].id, std::int64_t(2)); // both parts of 2 replaced by the one changed building
        QCOMPARE(out[1].height, 45.0);
        QCOMPARE(out[2].id, std::int64_t(8)); // a changed id absent from the baseline is added
        QCOMPARE(out[3].id, std::int64_t(9));
    }

    void errors() {
        std::vector<ReceiverSunlight> a(3), b(2);
        auto r = compareResults({}, a, b, {});
        QVERIFY(!r.isOk());
        QVERIFY2(r.error().find("3") != std::string::npos, r.error().c_str());
        const std::vector<std::string> ids{"x"};
        QVERIFY(!compareResults(ids, a, a, {}).isOk());
        QVERIFY(!compareResults({}, a, a, {.toleranceSeconds = -1}).isOk());
        // Results without pass/fail: drops are still listed, no failures.
        a[0].countedSeconds = 3600;
        std::vector<ReceiverSunlight> after = a;
        after[0].countedSeconds = 1800;
        auto ok = compareResults({}, a, after, {});
        QVERIFY(ok.isOk());
        QCOMPARE(ok->drops.size(), std::size_t(1));
        QCOMPARE(ok->drops[0].deltaSeconds, -1800.0);
        QVERIFY(ok->newFailures.empty());
        QCOMPARE(ok->unchanged, std::size_t(2));
        // Windows that do not match the receivers.
        SunlightInput in = beijingInput();
        in.buildings = {kSlab};
        const WindowReceivers w = windowReceivers(in.buildings, WindowOptions{});
        in.receivers = {{"p", {30, -30, 1.5}, std::nullopt}};
        NullProgress progress;
        QVERIFY(!compareSchemes(in, in.buildings, progress, {.windows = &w}).isOk());
        in.receivers.clear();
        QVERIFY(!compareSchemes(in, in.buildings, progress).isOk());
        // Cancellation.
        in.receivers = {{"p", {30, -30, 1.5}, std::nullopt}};
        progress.cancel();
        auto cancelled = compareSchemes(in, in.buildings, progress);
        QVERIFY(!cancelled.isOk());
        QCOMPARE(cancelled.error(), std::string("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestSunlightCompare)
#include "test_sunlight_compare.moc"
