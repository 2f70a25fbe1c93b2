#pragma once
// Scheme comparison (issue 4, item 7): the same receivers computed against the baseline scene and against a
// proposal that adds, removes or changes buildings. The approval turns on two lists: every receiver whose
// counted hours drop, and every receiver that passed its requirement before and fails after ("falls below
// the standard because of the proposal"). Both come with the hours before and after, to the second.
//
// Typical use (GUI or CLI):
//   ProposalChange change;            // or build the proposal's full building list yourself
//   change.added = {tower};
//   auto run = compareSchemes(baselineInput, applyProposal(baselineInput.buildings, change), progress,
//                             {.windows = &windowReceivers});   // per window; nullptr: per receiver
//   for (const ReceiverChange& c : run->comparison.newFailures) ... c.id, c.beforeSeconds, c.afterSeconds
//
// Or, with two results already computed over the same receivers (e.g. kept from earlier runs):
//   SchemeComparison cmp = compareResults(ids, before.receivers, after.receivers, {});
//
// Notes:
//  - "Counted" seconds are those under the counting rule and minimum segment (ReceiverSunlight::
//    countedSeconds), i.e. what pass/fail is decided on.
//  - Transitions are refined to 1 s, and a changed scene rebuilds the ray-tracing tree, so a receiver the
//    proposal does not touch can move by a second at a grazing transition. A drop is therefore listed only
//    when it exceeds CompareOptions::toleranceSeconds (default 1 s). New failures are listed whatever the
//    size of the drop (pass/fail is what a regulator reads).
//  - A receiver that ends up inside a proposed building (a grid point under a new tower, a window of a
//    building whose footprint grew over it) gets 0 h after and is flagged insideAfter; it is listed like any
//    other drop.
#include "gis/analysis/sunlight.h"
#include "gis/analysis/sunlight_windows.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gis::analysis {

// A proposal as a change to the baseline buildings.
struct ProposalChange {
    std::vector<Building> added;       // new buildings (ids should not collide with the baseline's)
    std::vector<std::int64_t> removed; // ids of baseline buildings demolished (every part with that id)
    std::vector<Building> changed;     // replace every baseline building with the same id (new height,
                                       // footprint...); an id not in the baseline is added
};

// The proposal's buildings: baseline minus removed, with changed ones replaced, plus added (baseline order
// kept, then added). Pure.
std::vector<Building> applyProposal(std::span<const Building> baseline, const ProposalChange& change);

struct ReceiverChange {
    std::size_t index =
        0; // into the compared receivers (input.receivers, or windows.windows when per window)
    std::string id;
    double beforeSeconds = 0, afterSeconds = 0; // counted seconds (counting rule applied)
    double deltaSeconds = 0;                    // after - before (negative: the proposal takes sun away)
    std::optional<bool> passBefore, passAfter;  // empty when no required hours
    bool insideAfter = false;                   // the receiver lies inside a proposed building
};

struct CompareOptions {
    double toleranceSeconds = 1.0; // |delta| <= this is "unchanged" (see the header comment)
    // Compare per window: aggregate the sample results with aggregateWindows (whole-window rule) and compare
    // windows (ReceiverChange::index is then into windows->windows, id the window id). Must be the windows
    // whose samples are the input's receivers. nullptr: compare every receiver as given.
    const WindowReceivers* windows = nullptr;
};

struct SchemeComparison {
    // Sorted by deltaSeconds ascending (largest loss first), then by index.
    std::vector<ReceiverChange> drops;       // delta < -tolerance
    std::vector<ReceiverChange> newFailures; // passBefore == true and passAfter == false (also in drops when
                                             // the drop exceeds the tolerance)
    std::vector<ReceiverChange> gains;       // delta > tolerance (e.g. after a demolition)
    std::size_t receivers = 0;               // compared receivers (or windows)
    std::size_t unchanged = 0;               // |delta| <= tolerance
    // Pass/fail counts over receivers with a requirement.
    std::size_t passingBefore = 0, failingBefore = 0, passingAfter = 0, failingAfter = 0;
    std::size_t newPasses = 0; // failed before, pass after
    double toleranceSeconds = 1.0;
};

// Compares two results of the same receivers (same order; ids name them, may be empty to leave ids blank).
// Error when the sizes differ.
Result<SchemeComparison> compareResults(std::span<const std::string> ids,
                                        std::span<const ReceiverSunlight> before,
                                        std::span<const ReceiverSunlight> after,
                                        const CompareOptions& options);

struct SchemeRun {
    SunlightResult baseline, proposal; // per receiver (sample), as computeSunlight returns them
    std::vector<ReceiverSunlight>
        baselineWindows; // per window when CompareOptions::windows is set, else empty
    std::vector<ReceiverSunlight> proposalWindows;
    SchemeComparison comparison;
};

// Runs computeSunlight twice over the same receivers, parameters, location and non-building occluders:
// once with baseline.buildings, once with proposalBuildings, and compares. baseline.engine (a prebuilt
// shadow engine) is used for the baseline only; the proposal builds its own. The location is resolved once
// (from baseline.location or the CRS) so both runs see the very same sun. Progress: 0..0.5 baseline,
// 0.5..1 proposal; cancellable.
Result<SchemeRun> compareSchemes(const SunlightInput& baseline,
                                 const std::vector<Building>& proposalBuildings, Progress& progress,
                                 const CompareOptions& options = {});

} // namespace gis::analysis
