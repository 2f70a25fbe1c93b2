// Shadow-ray throughput (Embree vs the CGAL reference, same scene, same rays, same run) and the regulator job
// of issue 4: 10,000 windows x 5 sill samples on a 2,000-building demo city, 大寒 8-16 true solar time,
// refined to 1 s. Prints numbers; asserts nothing (a noisy shared machine is no place for timed tests).
#include "gis/analysis/sun_position.h"
#include "gis/analysis/sunlight.h"
#include "gis/analysis/sunlight_preset.h"
#include "gis/demo/demo_city.h"
#include "gis/geom/extrude.h"
#include "gis/geom/shadow_engine.h"

#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string>
#include <thread>

using namespace gis;
using Clock = std::chrono::steady_clock;

namespace {
double since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Window sill samples on south-facing facades: one window per 4 m of wall per storey (3 m), 5 samples along
// a 1.5 m sill at 0.9 m above the floor, normal = the wall's outward normal.
std::vector<analysis::SunlightReceiver> sillSamples(const std::vector<Building>& buildings, int windows) {
    std::vector<analysis::SunlightReceiver> out;
    int made = 0;
    for (const Building& b : buildings) {
        Ring ring = b.footprint.outer;
        if (signedArea(ring) < 0)
            std::reverse(ring.begin(), ring.end());
        for (std::size_t i = 0; i < ring.size() && made < windows; ++i) {
            const Vec2 a = ring[i], c = ring[(i + 1) % ring.size()];
            const Vec2 d = c - a;
            const double len = std::hypot(d.x, d.y);
            if (len < 3)
                continue;
            const Vec3 n{d.y / len, -d.x / len, 0}; // outward for a CCW ring
            if (n.y > -0.5)
                continue; // south-facing facades only
            const int perStorey = int(len / 4), storeys = int(b.height / 3);
            for (int s = 0; s < storeys && made < windows; ++s)
                for (int w = 0; w < perStorey && made < windows; ++w, ++made) {
                    const double centre = (w + 0.5) * len / perStorey;
                    for (int k = 0; k < 5; ++k) {
                        const double t = (centre + (k - 2) * 0.375) / len;
                        out.push_back({std::to_string(made) + "." + std::to_string(k),
                                       {a.x + d.x * t, a.y + d.y * t, b.baseZ + s * 3 + 0.9},
                                       n});
                    }
                }
        }
    }
    return out;
}
} // namespace

int main(int argc, char** argv) {
    int buildingCount = 2000, windowCount = 10000, threads = 0;
    std::size_t cgalRays = 200000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--buildings"))
            buildingCount = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--windows"))
            windowCount = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--threads"))
            threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--cgal-rays"))
            cgalRays = std::size_t(std::atol(argv[i + 1]));
    }
    const int hw = threads > 0 ? threads : tbb::info::default_concurrency();
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(hw));
    std::printf("machine: %u hardware threads, TBB uses %d\n", std::thread::hardware_concurrency(), hw);

    auto t = Clock::now();
    Project city = demo::makeDemoCity({.buildingCount = buildingCount});
    std::vector<Building> buildings;
    for (const Layer& l : city.layers)
        if (const auto* b = std::get_if<BuildingLayerData>(&l.data))
            buildings.insert(buildings.end(), b->buildings.begin(), b->buildings.end());
    TriangleMesh mesh = geom::extrudeBuildings(buildings, true);
    std::vector<const TriangleMesh*> meshes{&mesh};
    TriangleMesh terrain;
    if (const auto* tl = city.terrain(); tl && tl->dem) {
        terrain = geom::terrainMesh(*tl->dem);
        meshes.push_back(&terrain);
    }
    std::size_t triangles = 0;
    for (auto* m : meshes)
        triangles += m->triangleCount();
    std::printf("scene: %zu buildings, %zu triangles (with terrain), generated in %.2f s\n", buildings.size(),
                triangles, since(t));

    const Vec3 origin = geom::meshesCentre(meshes);
    t = Clock::now();
    auto embree = geom::makeEmbreeShadowEngine(meshes, origin);
    const double embreeBuild = since(t);
    t = Clock::now();
    auto cgal = geom::makeCgalShadowEngine(meshes, origin);
    const double cgalBuild = since(t);
    std::printf("build: Embree %.3f s, CGAL AABB tree %.3f s (%.1fx)\n", embreeBuild, cgalBuild,
                cgalBuild / embreeBuild);

    // Receivers and sun directions of the regulator job: 大寒 8-16 true solar time at the demo's location.
    auto receivers = sillSamples(buildings, windowCount);
    analysis::SunlightParameters params;
    auto dahan = analysis::solarTermDate(2026, 300, 8).value();
    params.year = dahan.year;
    params.month = dahan.month;
    params.day = dahan.day;
    params.requiredHours = 2;
    auto where = analysis::locateReceivers(receivers, city.crs).value();
    std::vector<Vec3> suns;
    for (int s = params.windowStart; s < params.windowEnd; s += 300) {
        const double jd = analysis::julianDayOfWindowSecond(params, where, s).value();
        analysis::SunObserver o;
        o.latitude = where.latitude;
        o.longitude = where.longitude;
        o.refraction = false;
        const auto p = analysis::sunPosition(jd, o).value();
        const double az = (p.azimuth + where.gridConvergence) * M_PI / 180, el = p.elevation * M_PI / 180;
        suns.push_back({std::sin(az) * std::cos(el), std::cos(az) * std::cos(el), std::sin(el)});
    }
    std::vector<geom::ShadowRay> rays;
    rays.reserve(receivers.size() * suns.size());
    for (const Vec3& sun : suns)
        for (const auto& r : receivers)
            rays.push_back({r.position + *r.normal * 0.01, sun});
    std::printf("rays: %zu (%zu sill samples x %zu sun positions, 5 min over 大寒 8-16 solar)\n", rays.size(),
                receivers.size(), suns.size());

    std::vector<std::uint8_t> hitsE(rays.size()), hitsC(rays.size());
    NullProgress progress;
    for (int rep = 0; rep < 2; ++rep) {
        t = Clock::now();
        embree->occluded(rays, hitsE, progress, false);
        const double e = since(t);
        std::printf("Embree  batch (%d threads): %.2f M rays/s (%.3f s)\n", hw, rays.size() / e / 1e6, e);
    }
    {
        tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
        t = Clock::now();
        embree->occluded(rays, hitsE, progress, false);
        const double e = since(t);
        std::printf("Embree  batch (1 thread):  %.2f M rays/s\n", rays.size() / e / 1e6);
        // Shuffled order (incoherent): every 7919th ray.
        std::vector<geom::ShadowRay> shuffled(rays.size());
        for (std::size_t i = 0; i < rays.size(); ++i)
            shuffled[i] = rays[(i * 7919) % rays.size()];
        t = Clock::now();
        std::size_t n = std::min<std::size_t>(rays.size(), 2000000);
        for (std::size_t i = 0; i < n; ++i)
            hitsC[i] = embree->occluded(shuffled[i]);
        const double s = since(t);
        std::printf("Embree  single rays, incoherent order (1 thread): %.2f M rays/s\n", n / s / 1e6);
    }
    // CGAL on a spread subset of the same rays.
    const std::size_t stride = std::max<std::size_t>(1, rays.size() / cgalRays);
    std::vector<geom::ShadowRay> subset;
    for (std::size_t i = 0; i < rays.size(); i += stride)
        subset.push_back(rays[i]);
    std::vector<std::uint8_t> subE(subset.size()), subC(subset.size());
    t = Clock::now();
    cgal->occluded(subset, subC, progress, false);
    const double c = since(t);
    t = Clock::now();
    embree->occluded(subset, subE, progress, false);
    const double e2 = since(t);
    std::size_t differ = 0, occluded = 0;
    for (std::size_t i = 0; i < subset.size(); ++i) {
        differ += subE[i] != subC[i];
        occluded += subC[i];
    }
    std::printf("CGAL    batch (%d threads): %.3f M rays/s on %zu rays; Embree on the same: %.2f M rays/s; "
                "ratio %.0fx; verdicts differ on %zu (%.1f%% occluded)\n",
                hw, subset.size() / c / 1e6, subset.size(), subset.size() / e2 / 1e6, c / e2, differ,
                100.0 * occluded / subset.size());

    // The same on a contiguous slice (coherent order: the receivers of a few sun positions).
    {
        const std::size_t n = std::min(cgalRays, rays.size());
        std::span<const geom::ShadowRay> slice(rays.data() + rays.size() / 2, n);
        std::vector<std::uint8_t> sE(n), sC(n);
        t = Clock::now();
        cgal->occluded(slice, sC, progress, false);
        const double cs = since(t);
        t = Clock::now();
        embree->occluded(slice, sE, progress, false);
        const double es = since(t);
        std::size_t d = 0;
        for (std::size_t i = 0; i < n; ++i)
            d += sE[i] != sC[i];
        std::printf(
            "CGAL    batch, contiguous slice of %zu rays: %.3f M rays/s; Embree on the same: %.2f M rays/s; "
            "ratio %.0fx; verdicts differ on %zu\n",
            n, n / cs / 1e6, n / es / 1e6, cs / es, d);
    }

    // The regulator job.
    analysis::SunlightInput input;
    input.receivers = receivers;
    input.parameters = params;
    input.location = where;
    input.engine = embree.get();
    t = Clock::now();
    auto result = analysis::computeSunlight(input, progress);
    const double job = since(t);
    if (!result) {
        std::printf("regulator job failed: %s\n", result.error().c_str());
        return 1;
    }
    std::size_t pass = 0, transitions = 0;
    for (const auto& r : result->receivers) {
        pass += r.pass.value_or(false);
        transitions += r.intervals.size();
    }
    std::printf(
        "regulator job: %zu windows x 5 sill samples, 大寒 %04d-%02d-%02d 8-16 solar, 5 min + bisection "
        "to 1 s: %.2f s (prebuilt Embree scene; + %.2f s build), %.1f M rays, %zu lit intervals, %zu of "
        "%zu samples pass 2 h\n",
        receivers.size() / 5, params.year, params.month, params.day, job, embreeBuild, result->raysCast / 1e6,
        transitions, pass, receivers.size());
    return 0;
}
