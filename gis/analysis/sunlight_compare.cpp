// Scheme comparison: two computeSunlight runs over the same receivers and sun, then a per-receiver diff of
// the counted seconds and of pass/fail.
#include "gis/analysis/sunlight_compare.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace gis::analysis {

std::vector<Building> applyProposal(std::span<const Building> baseline, const ProposalChange& change) {
    const std::unordered_set<std::int64_t> removed(change.removed.begin(), change.removed.end());
    std::unordered_set<std::int64_t> changedIds, placed;
    for (const Building& b : change.changed)
        changedIds.insert(b.id);
    std::vector<Building> out;
    out.reserve(baseline.size() + change.added.size() + change.changed.size());
    for (const Building& b : baseline) {
        if (removed.count(b.id))
            continue;
        if (changedIds.count(b.id)) {
            // Every part with this id is replaced by the changed building(s), at the first part's place.
            if (placed.insert(b.id).second)
                for (const Building& c : change.changed)
                    if (c.id == b.id)
                        out.push_back(c);
            continue;
        }
        out.push_back(b);
    }
    for (const Building& c : change.changed)
        if (!placed.count(c.id) && !removed.count(c.id))
            out.push_back(c);
    out.insert(out.end(), change.added.begin(), change.added.end());
    return out;
}

Result<SchemeComparison> compareResults(std::span<const std::string> ids,
                                        std::span<const ReceiverSunlight> before,
                                        std::span<const ReceiverSunlight> after,
                                        const CompareOptions& options) {
    if (before.size() != after.size())
        return Error{"cannot compare schemes: the baseline has " + std::to_string(before.size()) +
                     " receivers and the proposal " + std::to_string(after.size()) +
                     " (compare the same receivers)"};
    if (!ids.empty() && ids.size() != before.size())
        return Error{"cannot compare schemes: " + std::to_string(ids.size()) + " receiver ids for " +
                     std::to_string(before.size()) + " receivers"};
    if (!(options.toleranceSeconds >= 0))
        return Error{"the comparison tolerance must not be negative"};
    SchemeComparison c;
    c.receivers = before.size();
    c.toleranceSeconds = options.toleranceSeconds;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const ReceiverSunlight &b = before[i], &a = after[i];
        ReceiverChange rc;
        rc.index = i;
        if (!ids.empty())
            rc.id = ids[i];
        rc.beforeSeconds = b.countedSeconds;
        rc.afterSeconds = a.countedSeconds;
        rc.deltaSeconds = a.countedSeconds - b.countedSeconds;
        rc.passBefore = b.pass;
        rc.passAfter = a.pass;
        rc.insideAfter = a.inside;
        if (b.pass)
            ++(*b.pass ? c.passingBefore : c.failingBefore);
        if (a.pass)
            ++(*a.pass ? c.passingAfter : c.failingAfter);
        if (b.pass && a.pass && !*b.pass && *a.pass)
            ++c.newPasses;
        if (b.pass && a.pass && *b.pass && !*a.pass)
            c.newFailures.push_back(rc);
        if (rc.deltaSeconds < -options.toleranceSeconds)
            c.drops.push_back(rc);
        else if (rc.deltaSeconds > options.toleranceSeconds)
            c.gains.push_back(rc);
        else
            ++c.unchanged;
    }
    auto byLoss = [](const ReceiverChange& x, const ReceiverChange& y) {
        return x.deltaSeconds != y.deltaSeconds ? x.deltaSeconds < y.deltaSeconds : x.index < y.index;
    };
    std::sort(c.drops.begin(), c.drops.end(), byLoss);
    std::sort(c.newFailures.begin(), c.newFailures.end(), byLoss);
    std::sort(c.gains.begin(), c.gains.end(), [](const ReceiverChange& x, const ReceiverChange& y) {
        return x.deltaSeconds != y.deltaSeconds ? x.deltaSeconds > y.deltaSeconds : x.index < y.index;
    });
    return c;
}

Result<SchemeRun> compareSchemes(const SunlightInput& baseline,
                                 const std::vector<Building>& proposalBuildings, Progress& progress,
                                 const CompareOptions& options) {
    if (options.windows && options.windows->samples.size() != baseline.receivers.size())
        return Error{"cannot compare schemes per window: the windows have " +
                     std::to_string(options.windows->samples.size()) + " sill samples but the input has " +
                     std::to_string(baseline.receivers.size()) + " receivers"};
    if (baseline.receivers.empty())
        return Error{"no receiver points to compare"};
    // One location for both runs, so both see the very same sun at every second.
    SunlightInput base = baseline;
    if (!base.location) {
        auto where = locateReceivers(base.receivers, base.crs);
        if (!where)
            return Error{where.error()};
        base.location = where.value();
    }
    SchemeRun run;
    {
        progress.setMessage("baseline scheme");
        SubProgress sub(progress, 0.0, 0.5);
        auto r = computeSunlight(base, sub);
        if (!r)
            return Error{r.error() == "cancelled" ? r.error() : "baseline: " + r.error()};
        run.baseline = std::move(r.value());
    }
    {
        SunlightInput proposal = base;
        proposal.buildings = proposalBuildings;
        proposal.engine = nullptr; // the prebuilt engine holds the baseline's buildings
        progress.setMessage("proposal scheme");
        SubProgress sub(progress, 0.5, 1.0);
        auto r = computeSunlight(proposal, sub);
        if (!r)
            return Error{r.error() == "cancelled" ? r.error() : "proposal: " + r.error()};
        run.proposal = std::move(r.value());
    }
    std::vector<std::string> ids;
    Result<SchemeComparison> cmp = Error{""};
    if (options.windows) {
        const WindowReceivers& w = *options.windows;
        run.baselineWindows = aggregateWindows(w, run.baseline, base.parameters);
        run.proposalWindows = aggregateWindows(w, run.proposal, base.parameters);
        ids.reserve(w.windows.size());
        for (const auto& win : w.windows)
            ids.push_back(win.id);
        cmp = compareResults(ids, run.baselineWindows, run.proposalWindows, options);
    } else {
        ids.reserve(base.receivers.size());
        for (const auto& r : base.receivers)
            ids.push_back(r.id);
        cmp = compareResults(ids, run.baseline.receivers, run.proposal.receivers, options);
    }
    if (!cmp)
        return Error{cmp.error()};
    run.comparison = std::move(cmp.value());
    progress.setFraction(1.0);
    return run;
}

} // namespace gis::analysis
