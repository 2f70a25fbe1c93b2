#pragma once
// Window receivers of buildings for sunlight analysis (GB/T 50947-2014: the sill of each window, 0.9 m above
// the floor of its storey) and the "whole window lit" rule (满窗日照: every sample along the sill lit at
// once).
//
// Placement, for every building kept by the filters, every storey and every edge ("facade") of the outer ring
// (CCW) at least one window wide:
//  - storeys: Building::storeys, else max(1, round(height / storeyHeight)); storey s (1 = ground floor) has
//    its floor at baseZ + (s - 1) * height / storeys; the sill is sillHeight above it (storeys whose sill
//    would be at or above their ceiling are skipped);
//  - windows: n = max(1, floor(L / spacing)) per facade of length L >= width, centres `spacing` apart and
//    centred on the facade;
//  - the receiver lies `offset` metres outward (to the right of the CCW edge) from the facade, with the
//    horizontal outward normal attached (so the "sun behind the facade" and sweep-angle rules apply);
//  - samples: 1 = the sill centre; N > 1 = N points evenly from one edge of the window to the other.
// Numbering is 1-based: facade f is the edge from outer-ring vertex f to vertex f + 1 (skipped short edges
// keep their number), window w counts along the edge direction. Ids: "b<building id>-s<storey>-f<facade>-
// w<window>"; a second polygon with the same building id (multipolygon parts) gets "b<id>p2-...".
#include "gis/analysis/sunlight.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gis::analysis {

enum class WindowFacing { All, South };

struct WindowOptions {
    double spacing = 3.0;      // metres between window centres along a facade
    double width = 1.5;        // window (sill) width, metres
    double sillHeight = 0.9;   // above the storey floor, metres
    double offset = 0.05;      // outward from the facade plane, metres
    int sillSamples = 1;       // 1: sill centre; N > 1: N points across the window width
    double storeyHeight = 3.0; // when Building::storeys is 0
    WindowFacing facing = WindowFacing::All;
    // South: the facade's outward normal lies within ±90° (exclusive) of true south. Grid convergence (the
    // angle from grid north clockwise to true north, as GeoLocation) turns grid bearings into true ones.
    double gridConvergence = 0;
    std::vector<std::string> uses;         // keep buildings whose `use` is one of these (case-insensitive)
    std::vector<std::int64_t> buildingIds; // keep only these building ids
};

struct WindowReceiver {
    std::string id;
    std::int64_t building = 0;
    int part = 1; // polygon of a multi-polygon building with the same id
    int storey = 0, facade = 0, window = 0;
    Vec3 centre;                                  // sill centre, offset outward
    Vec3 normal;                                  // outward, horizontal, unit
    std::size_t firstSample = 0, sampleCount = 0; // into WindowReceivers::samples
};

struct WindowReceivers {
    std::vector<WindowReceiver> windows;
    std::vector<SunlightReceiver> samples; // what computeSunlight takes; window i owns its sample range
};

// "" when the options are usable, else what is wrong.
std::string validateWindowOptions(const WindowOptions& options);

// Pure geometry: the windows of the buildings (see the header comment). Invalid options give no windows;
// call validateWindowOptions first.
WindowReceivers windowReceivers(std::span<const Building> buildings, const WindowOptions& options);

// Intersection of several receivers' lit intervals (each list sorted, non-overlapping): the seconds at which
// every one is lit. No lists gives none.
std::vector<LitInterval> intersectIntervals(std::span<const std::vector<LitInterval>> lists);

// One window's result under the whole-window rule: its lit intervals are the intersection of its samples'
// intervals; counting rule, minimum segment and pass/fail are applied to those. `inside` when any sample is
// inside a building (the window is then never wholly lit); `neverFacesSun` when every sample never does.
ReceiverSunlight aggregateWindow(std::span<const ReceiverSunlight> samples, const SunlightParameters& p);

// aggregateWindow for every window of `receivers` over `result` (the samples' results, same order).
std::vector<ReceiverSunlight> aggregateWindows(const WindowReceivers& receivers, const SunlightResult& result,
                                               const SunlightParameters& p);

// Per building: windows, passing, failing (windows without pass/fail count in neither).
struct BuildingWindowSummary {
    std::int64_t building = 0;
    int windows = 0, passing = 0, failing = 0;
};
std::vector<BuildingWindowSummary> summarizeWindows(const WindowReceivers& receivers,
                                                    std::span<const ReceiverSunlight> windowResults);

} // namespace gis::analysis
