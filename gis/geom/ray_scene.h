#pragma once
// Ray queries over triangle meshes on Embree 3 (Embree types stay in the .cpp). Built once, queried from any
// thread. Coordinates are relative to `origin` internally (float BVH) but the API is in project CRS doubles.
#include "gis/model/mesh.h"

#include <memory>
#include <optional>

namespace gis::geom {

struct RayHit {
    double distance = 0;
    Vec3 point;
    Vec3 normal;
    Surface surface = Surface::Unknown;
    std::uint32_t objectId = 0;
};

class RayScene {
public:
    explicit RayScene(const Vec3& origin = {});
    ~RayScene();
    RayScene(const RayScene&) = delete;
    RayScene& operator=(const RayScene&) = delete;

    void addMesh(const TriangleMesh& mesh);
    void commit();
    bool isEmpty() const;

    std::optional<RayHit> intersect(const Vec3& from, const Vec3& direction, double maxDistance) const;
    bool occluded(const Vec3& from, const Vec3& direction, double maxDistance) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace gis::geom
