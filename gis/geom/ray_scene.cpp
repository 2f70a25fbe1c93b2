#include "gis/geom/ray_scene.h"

#include "gis/geom/embree_device.h"

#include <embree3/rtcore.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace gis::geom {

namespace detail {
RTCDevice embreeDevice() {
    static RTCDevice device = [] {
        RTCDevice d = rtcNewDevice(nullptr);
        if (!d)
            throw std::runtime_error("Embree: cannot create a device");
        return d;
    }();
    return device;
}
} // namespace detail

struct RayScene::Impl {
    Vec3 origin;
    RTCScene scene = nullptr;
    bool committed = false;
    unsigned geometries = 0;
    // Per geometry: semantics and object ids, indexed by primID.
    std::vector<std::vector<Surface>> surfaces;
    std::vector<std::vector<std::uint32_t>> objects;
};

RayScene::RayScene(const Vec3& origin) : d(std::make_unique<Impl>()) {
    d->origin = origin;
    d->scene = rtcNewScene(detail::embreeDevice());
    rtcSetSceneFlags(d->scene, RTC_SCENE_FLAG_ROBUST);
}

RayScene::~RayScene() {
    if (d->scene)
        rtcReleaseScene(d->scene);
}

void RayScene::addMesh(const TriangleMesh& mesh) {
    if (mesh.indices.empty())
        return;
    RTCGeometry geom = rtcNewGeometry(detail::embreeDevice(), RTC_GEOMETRY_TYPE_TRIANGLE);
    auto* v = static_cast<float*>(rtcSetNewGeometryBuffer(geom, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT3,
                                                          3 * sizeof(float), mesh.vertices.size()));
    for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
        const Vec3 p = mesh.vertices[i] - d->origin;
        v[3 * i] = float(p.x);
        v[3 * i + 1] = float(p.y);
        v[3 * i + 2] = float(p.z);
    }
    auto* idx = static_cast<unsigned*>(rtcSetNewGeometryBuffer(
        geom, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3, 3 * sizeof(unsigned), mesh.triangleCount()));
    std::copy(mesh.indices.begin(), mesh.indices.end(), idx);
    rtcCommitGeometry(geom);
    rtcAttachGeometryByID(d->scene, geom, d->geometries++);
    rtcReleaseGeometry(geom);
    d->surfaces.push_back(mesh.surfaces);
    d->objects.push_back(mesh.objectIds);
    d->committed = false;
}

void RayScene::commit() {
    rtcCommitScene(d->scene);
    d->committed = true;
}

bool RayScene::isEmpty() const {
    return d->geometries == 0;
}

namespace {
RTCRay makeRay(const Vec3& local, const Vec3& dir, double maxDistance) {
    RTCRay r{};
    r.org_x = float(local.x);
    r.org_y = float(local.y);
    r.org_z = float(local.z);
    Vec3 n = dir.normalized();
    r.dir_x = float(n.x);
    r.dir_y = float(n.y);
    r.dir_z = float(n.z);
    r.tnear = 0.0f;
    r.tfar = float(maxDistance);
    r.mask = 0xFFFFFFFF;
    r.flags = 0;
    return r;
}
} // namespace

std::optional<RayHit> RayScene::intersect(const Vec3& from, const Vec3& direction, double maxDistance) const {
    if (!d->committed || d->geometries == 0)
        return std::nullopt;
    RTCIntersectContext ctx;
    rtcInitIntersectContext(&ctx);
    RTCRayHit rh{};
    rh.ray = makeRay(from - d->origin, direction, maxDistance);
    rh.hit.geomID = RTC_INVALID_GEOMETRY_ID;
    rh.hit.instID[0] = RTC_INVALID_GEOMETRY_ID;
    rtcIntersect1(d->scene, &ctx, &rh);
    if (rh.hit.geomID == RTC_INVALID_GEOMETRY_ID)
        return std::nullopt;
    RayHit hit;
    hit.distance = rh.ray.tfar;
    hit.point = from + direction.normalized() * hit.distance;
    hit.normal = Vec3{rh.hit.Ng_x, rh.hit.Ng_y, rh.hit.Ng_z}.normalized();
    const auto& surf = d->surfaces[rh.hit.geomID];
    const auto& obj = d->objects[rh.hit.geomID];
    if (rh.hit.primID < surf.size())
        hit.surface = surf[rh.hit.primID];
    if (rh.hit.primID < obj.size())
        hit.objectId = obj[rh.hit.primID];
    return hit;
}

bool RayScene::occluded(const Vec3& from, const Vec3& direction, double maxDistance) const {
    if (!d->committed || d->geometries == 0)
        return false;
    RTCIntersectContext ctx;
    rtcInitIntersectContext(&ctx);
    RTCRay r = makeRay(from - d->origin, direction, maxDistance);
    rtcOccluded1(d->scene, &ctx, &r);
    return r.tfar < 0; // Embree sets tfar to -inf on a hit
}

} // namespace gis::geom
