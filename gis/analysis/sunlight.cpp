// computeSunlight: sun table (SPA at every second of the window), coarse sampling of every receiver with
// coherent ray streams, bisection of each sun/shadow transition to the second, then the counting rules.
#include "gis/analysis/sunlight.h"

#include "gis/analysis/sun_position.h"
#include "gis/geom/extrude.h"
#include "gis/geom/shadow_engine.h"
#include "gis/io/crs_transform.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <numbers>
#include <unordered_map>

namespace gis::analysis {

namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
}

std::vector<LitInterval> segmentsThatCount(std::span<const LitInterval> intervals, double minSegmentSeconds) {
    std::vector<LitInterval> out;
    for (const LitInterval& i : intervals)
        if (i.length() > 0 && i.length() >= minSegmentSeconds)
            out.push_back(i);
    return out;
}

double countedSeconds(std::span<const LitInterval> intervals, const CountingOptions& options) {
    std::vector<LitInterval> kept = segmentsThatCount(intervals, options.minSegmentSeconds);
    std::vector<double> lengths;
    for (const LitInterval& i : kept)
        lengths.push_back(i.length());
    std::sort(lengths.begin(), lengths.end(), std::greater<>());
    std::size_t n = lengths.size();
    if (options.rule == CountingRule::Longest)
        n = std::min<std::size_t>(n, 1);
    else if (options.rule == CountingRule::SumOfLongest)
        n = std::min<std::size_t>(n, std::size_t(std::max(options.longestCount, 0)));
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += lengths[i];
    return sum;
}

std::string formatSeconds(int seconds) {
    char buf[32];
    const int s = std::max(seconds, 0);
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

std::string validateSunlightParameters(const SunlightParameters& p) {
    if (std::string e = validateUtc({p.year, p.month, p.day, 12, 0, 0}); !e.empty())
        return "analysis date: " + e;
    if (p.windowStart < 0 || p.windowEnd > 86400 || p.windowStart >= p.windowEnd)
        return "the time window must lie within 00:00..24:00 and end after it starts";
    if (p.coarseStepSeconds < 1 || p.coarseStepSeconds > 3600)
        return "the coarse time step must be within 1 s..60 min";
    if (p.refineSeconds != 1)
        return "only a refinement to 1 s is supported";
    if (!(std::abs(p.minAltitude) <= 90))
        return "the minimum sun altitude must be within -90..90 degrees";
    if (!(p.sweepAngle >= 0 && p.sweepAngle < 90))
        return "the sweep angle must be within 0..90 degrees";
    if (p.counting.rule == CountingRule::SumOfLongest && p.counting.longestCount < 1)
        return "the rule 'sum of the N longest segments' needs N >= 1";
    if (!(p.counting.minSegmentSeconds >= 0))
        return "the minimum segment length must not be negative";
    if (p.requiredHours && !(*p.requiredHours >= 0 && *p.requiredHours <= 24))
        return "the required hours must be within 0..24";
    if (!(p.receiverOffset >= 0 && p.receiverOffset < 10))
        return "the receiver offset must be within 0..10 m";
    if (std::abs(p.utcOffsetSeconds) > 18 * 3600)
        return "the UTC offset must be within -18..18 hours";
    return {};
}

Result<GeoLocation> locateReceivers(std::span<const SunlightReceiver> receivers, const Crs& crs) {
    if (receivers.empty())
        return Error{"no receiver points: nothing to locate"};
    if (crs.isEmpty())
        return Error{"the data have no coordinate reference system: the sun's position needs latitude and "
                     "longitude (give the buildings file a CRS)"};
    Vec3 c;
    for (const auto& r : receivers)
        c = c + r.position;
    c = c * (1.0 / double(receivers.size()));
    auto toGeo = io::CrsTransform::create(crs, Crs{"EPSG:4326"});
    auto fromGeo = io::CrsTransform::create(Crs{"EPSG:4326"}, crs);
    if (!toGeo || !fromGeo)
        return Error{"cannot transform the data's CRS to latitude/longitude: " +
                     (toGeo ? fromGeo.error() : toGeo.error())};
    Vec2 ll{c.x, c.y};
    if (!toGeo->transform(ll) || !std::isfinite(ll.x) || !std::isfinite(ll.y))
        return Error{"cannot transform the receivers' centroid to latitude/longitude"};
    GeoLocation g;
    g.longitude = ll.x;
    g.latitude = ll.y;
    g.elevation = c.z;
    // Grid convergence: the grid bearing of true north, from a point a little north (or south) of the
    // centroid.
    const double step = ll.y < 89 ? 1e-4 : -1e-4;
    Vec2 p0 = ll, p1{ll.x, ll.y + step};
    if (fromGeo->transform(p0) && fromGeo->transform(p1)) {
        const Vec2 d = (p1 - p0) * (step > 0 ? 1.0 : -1.0);
        g.gridConvergence = std::atan2(d.x, d.y) / kDeg;
    }
    return g;
}

namespace {
double dayJd(const SunlightParameters& p) {
    return julianDay({p.year, p.month, p.day, 0, 0, 0});
}

SunObserver observerFor(const SunlightParameters& p, const GeoLocation& where) {
    SunObserver o;
    o.latitude = where.latitude;
    o.longitude = where.longitude;
    o.elevation = where.elevation;
    o.pressure = p.pressure;
    o.temperature = p.temperature;
    o.refraction = p.refraction;
    o.deltaT = p.deltaT ? *p.deltaT : estimateDeltaT(p.year, p.month);
    return o;
}

// Solar time: UT = s − longitude/15 h − EoT(UT); EoT changes by < 1 s per hour, so a few fixed-point steps
// converge to microseconds. Returns the JD and the equation of time (minutes) used.
Result<std::pair<double, double>> solarSecondToJd(const SunlightParameters& p, const SunObserver& o,
                                                  double s) {
    const double jd0 = dayJd(p);
    double eot = 0, jd = 0;
    for (int i = 0; i < 4; ++i) {
        jd = jd0 + (s - o.longitude * 240.0 - eot * 60.0) / 86400.0;
        auto sun = sunPosition(jd, o);
        if (!sun)
            return Error{sun.error()};
        eot = sun->equationOfTime;
    }
    return std::pair{jd0 + (s - o.longitude * 240.0 - eot * 60.0) / 86400.0, eot};
}

struct SunSample {
    Vec3 dir; // unit vector towards the sun in grid coordinates (x east-ish, y grid north, z up)
    double elevation = 0;
};

// Uniform grid over building footprints, for "is this receiver inside a building?".
class InsideIndex {
public:
    explicit InsideIndex(std::span<const Building> buildings) : mBuildings(buildings) {
        for (std::size_t i = 0; i < buildings.size(); ++i) {
            const Extent e = buildings[i].footprint.extent();
            if (e.isEmpty())
                continue;
            for (long long cx = cell(e.minX); cx <= cell(e.maxX); ++cx)
                for (long long cy = cell(e.minY); cy <= cell(e.maxY); ++cy)
                    mCells[key(cx, cy)].push_back(std::uint32_t(i));
        }
    }
    bool inside(const Vec3& p) const {
        auto it = mCells.find(key(cell(p.x), cell(p.y)));
        if (it == mCells.end())
            return false;
        for (std::uint32_t i : it->second) {
            const Building& b = mBuildings[i];
            if (p.z > b.baseZ && p.z < b.baseZ + b.height && contains(b.footprint, {p.x, p.y}))
                return true;
        }
        return false;
    }

private:
    static constexpr double kCell = 50.0;
    static long long cell(double v) { return (long long)std::floor(v / kCell); }
    static long long key(long long x, long long y) { return x * 73856093LL ^ y * 19349663LL; }
    std::span<const Building> mBuildings;
    std::unordered_map<long long, std::vector<std::uint32_t>> mCells;
};

struct Prepared {
    Vec3 origin;
    Vec3 normal;
    Vec3 planNormal; // unit horizontal part of a facade normal
    bool hasNormal = false, facade = false, inside = false;
};
} // namespace

Result<double> julianDayOfWindowSecond(const SunlightParameters& p, const GeoLocation& where, double s) {
    if (p.timeBase == TimeBase::Clock)
        return dayJd(p) + (s - p.utcOffsetSeconds) / 86400.0;
    auto r = solarSecondToJd(p, observerFor(p, where), s);
    if (!r)
        return Error{r.error()};
    return r->first;
}

Result<SunlightResult> computeSunlight(const SunlightInput& input, Progress& progress) {
    const SunlightParameters& p = input.parameters;
    if (std::string e = validateSunlightParameters(p); !e.empty())
        return Error{e};
    if (input.receivers.empty())
        return Error{"no receiver points"};
    SunlightResult result;
    if (input.location) {
        result.location = *input.location;
    } else {
        auto where = locateReceivers(input.receivers, input.crs);
        if (!where)
            return Error{where.error()};
        result.location = where.value();
    }
    const SunObserver observer = observerFor(p, result.location);
    if (std::string e = validateObserver(observer); !e.empty())
        return Error{e};
    result.deltaT = observer.deltaT;

    // 1. The sun at every second of the window (SPA, in parallel).
    progress.setMessage("sun positions");
    const int ws = p.windowStart, we = p.windowEnd, count = we - ws;
    std::vector<double> jds(std::size_t(count) + 0);
    if (p.timeBase == TimeBase::Clock) {
        for (int i = 0; i < count; ++i)
            jds[i] = dayJd(p) + (ws + i - p.utcOffsetSeconds) / 86400.0;
    } else {
        auto a = solarSecondToJd(p, observer, ws), b = solarSecondToJd(p, observer, we);
        if (!a || !b)
            return Error{a ? b.error() : a.error()};
        const double eotA = a->second, eotB = b->second;
        for (int i = 0; i < count; ++i) {
            const double eot = eotA + (eotB - eotA) * double(i) / double(count);
            jds[i] = dayJd(p) + (ws + i - observer.longitude * 240.0 - eot * 60.0) / 86400.0;
        }
    }
    result.windowStartJd = jds.front();
    std::vector<SunSample> sun(jds.size());
    {
        const double g = result.location.gridConvergence * kDeg;
        std::atomic<bool> bad{false};
        std::string error;
        std::mutex errorMutex;
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, jds.size(), 1024),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                              std::vector<SunPosition> pos(r.size());
                              Status s =
                                  sunPositions(std::span(jds).subspan(r.begin(), r.size()), observer, pos);
                              if (!s) {
                                  std::lock_guard lock(errorMutex);
                                  bad = true;
                                  error = s.error();
                                  return;
                              }
                              for (std::size_t i = 0; i < r.size(); ++i) {
                                  const double az = pos[i].azimuth * kDeg + g, el = pos[i].elevation * kDeg;
                                  sun[r.begin() + i] = {{std::sin(az) * std::cos(el),
                                                         std::cos(az) * std::cos(el), std::sin(el)},
                                                        pos[i].elevation};
                              }
                          });
        if (bad)
            return Error{error};
    }
    if (std::none_of(sun.begin(), sun.end(), [&](const SunSample& s) { return s.elevation > p.minAltitude; }))
        result.warnings.push_back("the sun never rises above " + std::to_string(p.minAltitude) +
                                  " degrees in the window (polar night or a window at night): every receiver "
                                  "gets 0 h");
    if (progress.isCanceled())
        return Error{"cancelled"};

    // 2. Occluders.
    progress.setMessage("building the shadow-ray scene");
    std::unique_ptr<geom::ShadowEngine> ownEngine;
    const geom::ShadowEngine* engine = input.engine;
    TriangleMesh extruded;
    if (!engine) {
        extruded = geom::extrudeBuildings(input.buildings, true);
        std::vector<const TriangleMesh*> meshes{&extruded};
        for (const auto& m : input.occluders)
            meshes.push_back(&m);
        ownEngine = geom::makeEmbreeShadowEngine(meshes, geom::meshesCentre(meshes));
        engine = ownEngine.get();
    }
    const InsideIndex insideIndex(input.buildings);

    // 3. Coarse samples: every step from the window start, and the last second of the window.
    std::vector<int> coarse; // indices into `sun`
    for (int i = 0; i < count; i += p.coarseStepSeconds)
        coarse.push_back(i);
    if (coarse.back() != count - 1)
        coarse.push_back(count - 1);

    const double sinSweep = std::sin(p.sweepAngle * kDeg);
    auto sunAllows = [&](const Prepared& r, int i) {
        const SunSample& s = sun[i];
        if (!(s.elevation > p.minAltitude))
            return false;
        if (!r.hasNormal)
            return true;
        if (s.dir.dot(r.normal) <= 0) // the sun is behind the facade
            return false;
        if (r.facade && p.sweepAngle > 0) {
            const double h = std::hypot(s.dir.x, s.dir.y);
            if (h <= 0 || (s.dir.x * r.planNormal.x + s.dir.y * r.planNormal.y) / h <= sinSweep)
                return false;
        }
        return true;
    };

    result.receivers.resize(input.receivers.size());
    progress.setMessage("casting shadow rays");
    constexpr std::size_t kBlock = 64;
    const std::size_t blocks = (input.receivers.size() + kBlock - 1) / kBlock;
    std::atomic<std::size_t> blocksDone{0};
    std::atomic<std::uint64_t> rays{0};
    std::atomic<bool> canceled{false};
    std::mutex report;
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const tbb::blocked_range<std::size_t>& br) {
            std::vector<Prepared> prep;
            std::vector<geom::ShadowRay> batch;
            std::vector<std::uint32_t> batchOwner;
            std::vector<std::uint8_t> hits, state;
            for (std::size_t b = br.begin(); b != br.end(); ++b) {
                if (canceled.load(std::memory_order_relaxed) || progress.isCanceled()) {
                    canceled = true;
                    return;
                }
                const std::size_t first = b * kBlock, n = std::min(kBlock, input.receivers.size() - first);
                std::uint64_t localRays = 0;
                prep.assign(n, {});
                for (std::size_t k = 0; k < n; ++k) {
                    const SunlightReceiver& rc = input.receivers[first + k];
                    Prepared& r = prep[k];
                    if (rc.normal && rc.normal->length() > 0) {
                        r.hasNormal = true;
                        r.normal = rc.normal->normalized();
                        const double h = std::hypot(r.normal.x, r.normal.y);
                        r.facade = std::abs(r.normal.z) < 0.9 && h > 0;
                        if (r.facade)
                            r.planNormal = {r.normal.x / h, r.normal.y / h, 0};
                    }
                    r.origin = rc.position + (r.hasNormal ? r.normal : Vec3{0, 0, 1}) * p.receiverOffset;
                    r.inside = insideIndex.inside(rc.position) || insideIndex.inside(r.origin);
                }
                // Coarse pass: one coherent stream per sun position over the block's receivers.
                state.assign(n * coarse.size(), 0);
                for (std::size_t c = 0; c < coarse.size(); ++c) {
                    batch.clear();
                    batchOwner.clear();
                    for (std::size_t k = 0; k < n; ++k)
                        if (!prep[k].inside && sunAllows(prep[k], coarse[c])) {
                            batch.push_back({prep[k].origin, sun[coarse[c]].dir});
                            batchOwner.push_back(std::uint32_t(k));
                        }
                    hits.resize(batch.size());
                    engine->occludedBlock(batch, hits);
                    localRays += batch.size();
                    for (std::size_t j = 0; j < batch.size(); ++j)
                        state[batchOwner[j] * coarse.size() + c] = hits[j] ? 0 : 1;
                }
                // Transitions: bisection to the second between coarse samples of different state.
                for (std::size_t k = 0; k < n; ++k) {
                    ReceiverSunlight& out = result.receivers[first + k];
                    const Prepared& r = prep[k];
                    out.inside = r.inside;
                    if (r.inside) {
                        if (p.requiredHours)
                            out.pass = false;
                        continue;
                    }
                    if (r.hasNormal) {
                        bool faces = false;
                        for (int i = 0; i < count && !faces; i += 60)
                            faces = sunAllows(r, i);
                        out.neverFacesSun = !faces && !sunAllows(r, count - 1);
                    }
                    auto lit = [&](int i) {
                        if (!sunAllows(r, i))
                            return false;
                        ++localRays;
                        return !engine->occluded(geom::ShadowRay{r.origin, sun[i].dir});
                    };
                    const std::uint8_t* st = &state[k * coarse.size()];
                    int start = st[0] ? 0 : -1;
                    for (std::size_t c = 1; c < coarse.size(); ++c) {
                        if (st[c] == st[c - 1])
                            continue;
                        int lo = coarse[c - 1], hi = coarse[c]; // state(lo) != state(hi)
                        const bool loLit = st[c - 1] != 0;
                        while (hi - lo > p.refineSeconds) {
                            const int mid = lo + (hi - lo) / 2;
                            (lit(mid) == loLit ? lo : hi) = mid;
                        }
                        if (loLit) {
                            out.intervals.push_back({ws + start, ws + hi});
                            start = -1;
                        } else {
                            start = hi;
                        }
                    }
                    if (start >= 0)
                        out.intervals.push_back({ws + start, we});
                    for (const auto& i : out.intervals)
                        out.litSeconds += i.length();
                    out.countedSeconds = countedSeconds(out.intervals, p.counting);
                    if (p.requiredHours)
                        out.pass = out.countedSeconds >= *p.requiredHours * 3600.0 - 1e-9;
                }
                rays += localRays;
                const std::size_t d = ++blocksDone;
                if (report.try_lock()) {
                    progress.setFraction(double(d) / double(blocks));
                    report.unlock();
                }
            }
        });
    if (canceled || progress.isCanceled())
        return Error{"cancelled"};
    progress.setFraction(1.0);
    result.raysCast = rays;
    std::size_t inside = 0;
    for (const auto& r : result.receivers)
        inside += r.inside;
    if (inside)
        result.warnings.push_back(std::to_string(inside) +
                                  " receiver point(s) lie inside a building: reported with 0 h and flagged "
                                  "'inside'");
    return result;
}

} // namespace gis::analysis
