// The Embree 3 shadow engine and the engine-independent parallel batch query.
#include "gis/geom/shadow_engine.h"

#include "gis/geom/embree_device.h"

#include <embree3/rtcore.h>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace gis::geom {

bool ShadowEngine::occluded(std::span<const ShadowRay> rays, std::span<std::uint8_t> out, Progress& progress,
                            bool reportProgress) const {
    if (out.size() < rays.size())
        throw std::invalid_argument("ShadowEngine::occluded: output shorter than input");
    constexpr std::size_t kBlock = 4096; // ~0.5 ms of Embree work: cancel is polled often enough
    std::atomic<std::size_t> done{0};
    std::atomic<bool> canceled{false};
    std::mutex report;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rays.size(), kBlock),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                          if (canceled.load(std::memory_order_relaxed) || progress.isCanceled()) {
                              canceled = true;
                              return;
                          }
                          occludedBlock(rays.subspan(r.begin(), r.size()), out.subspan(r.begin(), r.size()));
                          const std::size_t n = done.fetch_add(r.size()) + r.size();
                          if (reportProgress && report.try_lock()) {
                              progress.setFraction(double(n) / double(rays.size()));
                              report.unlock();
                          }
                      });
    return !canceled && !progress.isCanceled();
}

void ShadowEngine::occludedBlock(std::span<const ShadowRay> rays, std::span<std::uint8_t> out) const {
    for (std::size_t i = 0; i < rays.size(); ++i)
        out[i] = occluded(rays[i]) ? 1 : 0;
}

Vec3 meshesCentre(std::span<const TriangleMesh* const> meshes) {
    Vec3 lo{INFINITY, INFINITY, INFINITY}, hi{-INFINITY, -INFINITY, -INFINITY};
    bool any = false;
    for (const TriangleMesh* m : meshes)
        for (const Vec3& v : m->vertices) {
            lo = {std::min(lo.x, v.x), std::min(lo.y, v.y), std::min(lo.z, v.z)};
            hi = {std::max(hi.x, v.x), std::max(hi.y, v.y), std::max(hi.z, v.z)};
            any = true;
        }
    return any ? (lo + hi) * 0.5 : Vec3{};
}

namespace {

using detail::embreeDevice;

class EmbreeShadowEngine final : public ShadowEngine {
public:
    EmbreeShadowEngine(std::span<const TriangleMesh* const> meshes, const Vec3& origin) : mOrigin(origin) {
        mScene = rtcNewScene(embreeDevice());
        // Robust traversal: no ray slips through a shared edge of two triangles (watertight extrusions).
        rtcSetSceneFlags(mScene, RTC_SCENE_FLAG_ROBUST);
        rtcSetSceneBuildQuality(mScene, RTC_BUILD_QUALITY_HIGH);
        for (const TriangleMesh* mesh : meshes) {
            if (mesh->indices.empty())
                continue;
            RTCGeometry g = rtcNewGeometry(embreeDevice(), RTC_GEOMETRY_TYPE_TRIANGLE);
            auto* v = static_cast<float*>(rtcSetNewGeometryBuffer(
                g, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT3, 3 * sizeof(float), mesh->vertices.size()));
            for (std::size_t i = 0; i < mesh->vertices.size(); ++i) {
                const Vec3 p = mesh->vertices[i] - mOrigin;
                v[3 * i] = float(p.x);
                v[3 * i + 1] = float(p.y);
                v[3 * i + 2] = float(p.z);
            }
            auto* idx = static_cast<unsigned*>(rtcSetNewGeometryBuffer(
                g, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3, 3 * sizeof(unsigned), mesh->triangleCount()));
            std::copy(mesh->indices.begin(), mesh->indices.end(), idx);
            rtcSetGeometryBuildQuality(g, RTC_BUILD_QUALITY_HIGH);
            rtcCommitGeometry(g);
            rtcAttachGeometry(mScene, g);
            rtcReleaseGeometry(g);
            mTriangles += mesh->triangleCount();
        }
        rtcCommitScene(mScene);
    }
    ~EmbreeShadowEngine() override { rtcReleaseScene(mScene); }

    std::string name() const override { return "Embree 3"; }
    std::size_t triangleCount() const override { return mTriangles; }

    bool occluded(const ShadowRay& ray) const override {
        if (mTriangles == 0)
            return false;
        RTCIntersectContext ctx;
        rtcInitIntersectContext(&ctx);
        RTCRay r = makeRay(ray);
        rtcOccluded1(mScene, &ctx, &r);
        return r.tfar < 0; // Embree sets tfar to -inf on a hit
    }

    void occludedBlock(std::span<const ShadowRay> rays, std::span<std::uint8_t> out) const override {
        if (mTriangles == 0) {
            std::fill(out.begin(), out.begin() + rays.size(), 0);
            return;
        }
        // A ray stream: Embree packs neighbouring rays (same sun, nearby receivers) into SIMD packets.
        constexpr std::size_t kStream = 256;
        RTCRay buffer[kStream];
        RTCIntersectContext ctx;
        rtcInitIntersectContext(&ctx);
        ctx.flags = RTC_INTERSECT_CONTEXT_FLAG_COHERENT;
        for (std::size_t begin = 0; begin < rays.size(); begin += kStream) {
            const std::size_t n = std::min(kStream, rays.size() - begin);
            for (std::size_t i = 0; i < n; ++i)
                buffer[i] = makeRay(rays[begin + i]);
            rtcOccluded1M(mScene, &ctx, buffer, unsigned(n), sizeof(RTCRay));
            for (std::size_t i = 0; i < n; ++i)
                out[begin + i] = buffer[i].tfar < 0 ? 1 : 0;
        }
    }

private:
    RTCRay makeRay(const ShadowRay& ray) const {
        RTCRay r{};
        const Vec3 o = ray.origin - mOrigin;
        const Vec3 d = ray.direction.normalized();
        r.org_x = float(o.x);
        r.org_y = float(o.y);
        r.org_z = float(o.z);
        r.dir_x = float(d.x);
        r.dir_y = float(d.y);
        r.dir_z = float(d.z);
        r.tnear = 0.0f;
        r.tfar = std::isfinite(ray.maxDistance) ? float(ray.maxDistance) : INFINITY;
        r.mask = 0xFFFFFFFF;
        r.flags = 0;
        return r;
    }

    Vec3 mOrigin;
    RTCScene mScene = nullptr;
    std::size_t mTriangles = 0;
};

} // namespace

std::unique_ptr<ShadowEngine> makeEmbreeShadowEngine(std::span<const TriangleMesh* const> meshes,
                                                     const Vec3& origin) {
    return std::make_unique<EmbreeShadowEngine>(meshes, origin);
}

std::unique_ptr<ShadowEngine>
makeShadowEngine(ShadowEngineKind kind, std::span<const TriangleMesh* const> meshes, const Vec3& origin) {
    return kind == ShadowEngineKind::Embree ? makeEmbreeShadowEngine(meshes, origin)
                                            : makeCgalShadowEngine(meshes, origin);
}

} // namespace gis::geom
