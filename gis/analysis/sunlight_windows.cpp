#include "gis/analysis/sunlight_windows.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numbers>

namespace gis::analysis {

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool keepBuilding(const Building& b, const WindowOptions& o) {
    if (!o.buildingIds.empty() &&
        std::find(o.buildingIds.begin(), o.buildingIds.end(), b.id) == o.buildingIds.end())
        return false;
    if (!o.uses.empty()) {
        const std::string use = lower(b.use);
        if (std::none_of(o.uses.begin(), o.uses.end(), [&](const std::string& u) { return lower(u) == use; }))
            return false;
    }
    return true;
}

bool facesSouth(const Vec3& n, double gridConvergence) {
    // Grid bearing of the normal (clockwise from grid north), then true bearing = grid - convergence.
    const double trueBearing = std::atan2(n.x, n.y) * 180.0 / std::numbers::pi - gridConvergence;
    const double fromSouth = std::remainder(trueBearing - 180.0, 360.0);
    return std::abs(fromSouth) < 90.0 - 1e-9;
}
} // namespace

std::string validateWindowOptions(const WindowOptions& o) {
    if (!(o.spacing > 0 && o.spacing <= 1000))
        return "the window spacing must be within 0..1000 m (exclusive of 0)";
    if (!(o.width > 0 && o.width <= 100))
        return "the window width must be within 0..100 m (exclusive of 0)";
    if (!(o.sillHeight >= 0 && o.sillHeight < 100))
        return "the sill height must be within 0..100 m";
    if (!(o.offset >= 0 && o.offset < 10))
        return "the receiver offset from the facade must be within 0..10 m";
    if (o.sillSamples < 1 || o.sillSamples > 100)
        return "the number of sill samples must be within 1..100";
    if (!(o.storeyHeight > 0 && o.storeyHeight <= 100))
        return "the storey height must be within 0..100 m (exclusive of 0)";
    if (!std::isfinite(o.gridConvergence))
        return "the grid convergence must be a finite number";
    return {};
}

WindowReceivers windowReceivers(std::span<const Building> buildings, const WindowOptions& o) {
    WindowReceivers out;
    if (!validateWindowOptions(o).empty())
        return out;
    std::map<std::int64_t, int> parts; // building id -> polygons seen
    for (const Building& b : buildings) {
        if (!keepBuilding(b, o) || !(b.height > 0) || b.footprint.outer.size() < 3)
            continue;
        const int part = ++parts[b.id];
        const int storeys =
            b.storeys > 0 ? b.storeys : std::max(1, int(std::lround(b.height / o.storeyHeight)));
        const double storeyH = b.height / storeys;
        const Ring& ring = b.footprint.outer;
        const std::string prefix =
            "b" + std::to_string(b.id) + (part > 1 ? "p" + std::to_string(part) : std::string());
        for (int s = 1; s <= storeys; ++s) {
            if (o.sillHeight >= storeyH)
                continue; // the sill would be at or above the ceiling
            const double z = b.baseZ + (s - 1) * storeyH + o.sillHeight;
            for (std::size_t e = 0; e < ring.size(); ++e) {
                const Vec2 a = ring[e], c = ring[(e + 1) % ring.size()];
                const double dx = c.x - a.x, dy = c.y - a.y, len = std::hypot(dx, dy);
                if (!(len >= o.width) || len <= 0)
                    continue;
                const Vec3 dir{dx / len, dy / len, 0};
                const Vec3 normal{dir.y, -dir.x, 0}; // right of a CCW edge: outward
                if (o.facing == WindowFacing::South && !facesSouth(normal, o.gridConvergence))
                    continue;
                const int n = std::max(1, int(std::floor(len / o.spacing + 1e-9)));
                const double first = (len - (n - 1) * o.spacing) / 2;
                for (int w = 0; w < n; ++w) {
                    const double t = n == 1 ? len / 2 : first + w * o.spacing;
                    WindowReceiver win;
                    win.building = b.id;
                    win.part = part;
                    win.storey = s;
                    win.facade = int(e) + 1;
                    win.window = w + 1;
                    win.id = prefix + "-s" + std::to_string(s) + "-f" + std::to_string(e + 1) + "-w" +
                             std::to_string(w + 1);
                    win.normal = normal;
                    win.centre = Vec3{a.x, a.y, z} + dir * t + normal * o.offset;
                    win.firstSample = out.samples.size();
                    win.sampleCount = std::size_t(o.sillSamples);
                    for (int k = 0; k < o.sillSamples; ++k) {
                        const double u =
                            o.sillSamples == 1 ? 0.0 : -o.width / 2 + o.width * k / (o.sillSamples - 1);
                        SunlightReceiver r;
                        r.id = o.sillSamples == 1 ? win.id : win.id + "-p" + std::to_string(k + 1);
                        r.position = win.centre + dir * u;
                        r.normal = normal;
                        out.samples.push_back(std::move(r));
                    }
                    out.windows.push_back(std::move(win));
                }
            }
        }
    }
    return out;
}

std::vector<LitInterval> intersectIntervals(std::span<const std::vector<LitInterval>> lists) {
    if (lists.empty())
        return {};
    std::vector<LitInterval> acc = lists[0];
    for (std::size_t k = 1; k < lists.size() && !acc.empty(); ++k) {
        std::vector<LitInterval> next;
        const auto& b = lists[k];
        std::size_t i = 0, j = 0;
        while (i < acc.size() && j < b.size()) {
            const int s = std::max(acc[i].start, b[j].start), e = std::min(acc[i].end, b[j].end);
            if (s < e)
                next.push_back({s, e});
            (acc[i].end < b[j].end ? i : j) += 1;
        }
        acc = std::move(next);
    }
    return acc;
}

ReceiverSunlight aggregateWindow(std::span<const ReceiverSunlight> samples, const SunlightParameters& p) {
    ReceiverSunlight out;
    if (samples.empty())
        return out;
    std::vector<std::vector<LitInterval>> lists;
    bool allNeverFace = true;
    for (const auto& s : samples) {
        out.inside |= s.inside;
        allNeverFace &= s.neverFacesSun;
        lists.push_back(s.intervals);
    }
    out.neverFacesSun = allNeverFace;
    if (!out.inside)
        out.intervals = intersectIntervals(lists);
    for (const auto& i : out.intervals)
        out.litSeconds += i.length();
    out.countedSeconds = countedSeconds(out.intervals, p.counting);
    if (p.requiredHours)
        out.pass = !out.inside && out.countedSeconds >= *p.requiredHours * 3600.0 - 1e-9;
    return out;
}

std::vector<ReceiverSunlight> aggregateWindows(const WindowReceivers& receivers, const SunlightResult& result,
                                               const SunlightParameters& p) {
    std::vector<ReceiverSunlight> out;
    out.reserve(receivers.windows.size());
    for (const auto& w : receivers.windows) {
        if (w.firstSample + w.sampleCount > result.receivers.size()) {
            out.emplace_back();
            continue;
        }
        out.push_back(aggregateWindow(std::span(result.receivers).subspan(w.firstSample, w.sampleCount), p));
    }
    return out;
}

std::vector<BuildingWindowSummary> summarizeWindows(const WindowReceivers& receivers,
                                                    std::span<const ReceiverSunlight> windowResults) {
    std::vector<BuildingWindowSummary> out;
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < receivers.windows.size() && i < windowResults.size(); ++i) {
        const std::int64_t id = receivers.windows[i].building;
        auto [it, added] = index.try_emplace(id, out.size());
        if (added)
            out.push_back({id, 0, 0, 0});
        BuildingWindowSummary& s = out[it->second];
        ++s.windows;
        if (windowResults[i].pass)
            ++(*windowResults[i].pass ? s.passing : s.failing);
    }
    return out;
}

} // namespace gis::analysis
