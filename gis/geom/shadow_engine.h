#pragma once
// Shadow rays ("is anything between this point and the sun?") against every occluder of a scene: extruded
// buildings, terrain, any TriangleMesh. Two engines behind one small interface:
//  - Embree 3 (production): float BVH relative to an origin, single rays and coherent ray streams;
//  - a CGAL AABB tree in double precision (reference, used by tests to cross-check Embree).
// Embree and CGAL types stay in the .cpp files. Engines are immutable once built and may be queried from any
// thread; the batch query runs in parallel with TBB and polls Progress for cancellation.
#include "gis/model/mesh.h"
#include "gis/progress.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>

namespace gis::geom {

struct ShadowRay {
    Vec3 origin;    // project CRS, metres
    Vec3 direction; // towards the light; need not be normalised
    double maxDistance = std::numeric_limits<double>::infinity();
};

class ShadowEngine {
public:
    virtual ~ShadowEngine() = default;
    virtual std::string name() const = 0;
    virtual std::size_t triangleCount() const = 0;

    // True when a triangle lies on the ray within (0, maxDistance].
    virtual bool occluded(const ShadowRay& ray) const = 0;

    // out[i] = occluded(rays[i]) (1/0) for every ray, in parallel (TBB). Returns false, with `out` partly
    // written, when progress was cancelled. Progress fractions are reported only when `reportProgress`.
    bool occluded(std::span<const ShadowRay> rays, std::span<std::uint8_t> out, Progress& progress,
                  bool reportProgress = true) const;

    // Rays of one block, sequentially on the calling thread (engines may trace them as a coherent stream).
    virtual void occludedBlock(std::span<const ShadowRay> rays, std::span<std::uint8_t> out) const;
};

enum class ShadowEngineKind { Embree, CgalAabb };

// Builds an engine over the meshes. `origin` is the local origin of the float BVH (use a point near the
// scene's centre); the CGAL engine uses it too (its coordinates are doubles). Never null; an engine over no
// triangles reports every ray as unoccluded.
std::unique_ptr<ShadowEngine>
makeShadowEngine(ShadowEngineKind kind, std::span<const TriangleMesh* const> meshes, const Vec3& origin);
std::unique_ptr<ShadowEngine> makeEmbreeShadowEngine(std::span<const TriangleMesh* const> meshes,
                                                     const Vec3& origin);
std::unique_ptr<ShadowEngine> makeCgalShadowEngine(std::span<const TriangleMesh* const> meshes,
                                                   const Vec3& origin);

// The centre of the meshes' bounding box (a good `origin`); {0,0,0} for no vertices.
Vec3 meshesCentre(std::span<const TriangleMesh* const> meshes);

} // namespace gis::geom
