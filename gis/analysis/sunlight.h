#pragma once
// Sunlight hours of receiver points: exact lit intervals by shadow-ray casting (gis/geom/shadow_engine.h)
// with the sun from NREL SPA (sun_position.h). Coarse steps over the analysis window find the sun/shadow
// transitions; each is refined by bisection to the second. Every counting rule (cumulative, longest, sum of
// the N longest, minimum segment) is post-processing of the intervals. One call, computeSunlight(), serves
// the GUI and urbis-cli. Times are seconds from 00:00 of the analysis date in the chosen time base (true
// solar time, or clock time at a UTC offset the caller resolved from an IANA zone).
#include "gis/model/building.h"
#include "gis/model/crs.h"
#include "gis/model/mesh.h"
#include "gis/progress.h"
#include "gis/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gis::geom {
class ShadowEngine;
}

namespace gis::analysis {

enum class TimeBase { Solar, Clock };
enum class CountingRule { Cumulative, Longest, SumOfLongest };

// Seconds in the window's time base, [start, end): lit from `start` (the first lit second) to `end` (the
// first unlit second, or the window end).
struct LitInterval {
    int start = 0;
    int end = 0;
    int length() const { return end - start; }
    bool operator==(const LitInterval&) const = default;
};

struct CountingOptions {
    CountingRule rule = CountingRule::Cumulative;
    int longestCount = 1;         // N of "sum of the N longest" (SumOfLongest); Longest means N = 1
    double minSegmentSeconds = 0; // shorter lit segments are dropped before counting
};

// Seconds that count under the rule (pure function over the intervals).
double countedSeconds(std::span<const LitInterval> intervals, const CountingOptions& options);
// The intervals that survive the minimum segment length.
std::vector<LitInterval> segmentsThatCount(std::span<const LitInterval> intervals, double minSegmentSeconds);

struct SunlightParameters {
    int year = 2026, month = 1, day = 20; // the analysis date (in the time base's calendar)
    int windowStart = 8 * 3600;           // seconds from 00:00 in the time base, 0..86400
    int windowEnd = 16 * 3600;            // > windowStart, <= 86400
    TimeBase timeBase = TimeBase::Solar;  // Solar: true solar time (GB/T 50947); Clock: UTC + utcOffset
    int utcOffsetSeconds = 0;             // Clock: offset of the zone on the date (east positive)
    std::string timeZone;                 // Clock: the zone's name, for the record only
    CountingOptions counting;             // rule and minimum segment
    double minAltitude = 0;               // degrees: the sun must be strictly higher
    double sweepAngle = 0;                // degrees: facade receivers ignore sun flatter than this in plan
    std::optional<double> requiredHours;  // pass = counted hours >= required; empty: no pass/fail
    int coarseStepSeconds = 300;          // coarse sampling step (transitions are then bisected)
    int refineSeconds = 1;                // bisection stops at this resolution (1 s)
    double receiverOffset = 0.01;         // metres along the receiver's normal (up when none)
    bool refraction = false;              // regulations use the geometric sun
    double pressure = 1013.25, temperature = 12; // for refraction, mbar and °C
    std::optional<double> deltaT; // TT − UT in seconds; empty: Espenak–Meeus estimate for the date
};

struct SunlightReceiver {
    std::string id;
    Vec3 position;              // project CRS, metres
    std::optional<Vec3> normal; // facade/ground normal (outward); empty: a free point (no facing test)
};

// Where the scene is on the Earth. `gridConvergence` is the angle in degrees from grid north (the CRS's +y)
// clockwise to true north at the scene (PROJ gives it; 0 on a UTM/Gauss-Kruger central meridian).
struct GeoLocation {
    double latitude = 0, longitude = 0, elevation = 0;
    double gridConvergence = 0;
};

// Latitude/longitude of the receivers' centroid and the grid convergence there, by PROJ from `crs`.
Result<GeoLocation> locateReceivers(std::span<const SunlightReceiver> receivers, const Crs& crs);

struct SunlightInput {
    std::vector<Building> buildings;     // extruded to occluders; also used to flag receivers inside
    std::vector<TriangleMesh> occluders; // terrain, reality meshes, any other triangles
    std::vector<SunlightReceiver> receivers;
    SunlightParameters parameters;
    Crs crs;                                    // of everything above; used when `location` is empty
    std::optional<GeoLocation> location;        // overrides the PROJ lookup (tests, known sites)
    const geom::ShadowEngine* engine = nullptr; // prebuilt engine over the same occluders (optional)
};

struct ReceiverSunlight {
    std::vector<LitInterval> intervals; // every lit interval (before the minimum segment rule)
    double countedSeconds = 0;          // under the counting rule, after the minimum segment rule
    double litSeconds = 0;              // sum of all intervals
    bool inside = false;                // the receiver lies inside a building: never lit, reported
    bool neverFacesSun = false; // the sun is never in front of its facade (above the altitude) in the window
    std::optional<bool> pass;   // empty when no required hours
};

struct SunlightResult {
    std::vector<ReceiverSunlight> receivers; // same order as the input
    GeoLocation location;
    double deltaT = 0;
    double windowStartJd = 0; // JD (UT) of the window start
    std::uint64_t raysCast = 0;
    std::vector<std::string> warnings;
};

// Validates the parameters ("" when valid).
std::string validateSunlightParameters(const SunlightParameters& p);

// JD (UT) of second `s` of the analysis day in the parameters' time base (solar time uses the equation of
// time of SPA at that instant, to well under a millisecond).
Result<double> julianDayOfWindowSecond(const SunlightParameters& p, const GeoLocation& where, double s);

Result<SunlightResult> computeSunlight(const SunlightInput& input, Progress& progress);

// "HH:MM:SS" of seconds from 00:00 (24:00:00 allowed).
std::string formatSeconds(int seconds);

} // namespace gis::analysis
