// The reference shadow engine: a CGAL AABB tree over the triangles in double precision (Simple_cartesian,
// coordinates relative to the origin). Slow but independent of Embree; tests cross-check the two.
#include "gis/geom/shadow_engine.h"

#include <CGAL/AABB_traits.h>
#include <CGAL/AABB_tree.h>
#include <CGAL/AABB_triangle_primitive.h>
#include <CGAL/Simple_cartesian.h>

#include <cmath>
#include <vector>

namespace gis::geom {

namespace {
using K = CGAL::Simple_cartesian<double>;
using Point = K::Point_3;
using Triangle = K::Triangle_3;
using Iterator = std::vector<Triangle>::const_iterator;
using Primitive = CGAL::AABB_triangle_primitive<K, Iterator>;
using Tree = CGAL::AABB_tree<CGAL::AABB_traits<K, Primitive>>;

class CgalShadowEngine final : public ShadowEngine {
public:
    CgalShadowEngine(std::span<const TriangleMesh* const> meshes, const Vec3& origin) : mOrigin(origin) {
        for (const TriangleMesh* m : meshes)
            for (std::size_t t = 0; t < m->triangleCount(); ++t) {
                const Vec3 a = m->vertices[m->indices[3 * t]] - origin;
                const Vec3 b = m->vertices[m->indices[3 * t + 1]] - origin;
                const Vec3 c = m->vertices[m->indices[3 * t + 2]] - origin;
                Triangle tri(Point(a.x, a.y, a.z), Point(b.x, b.y, b.z), Point(c.x, c.y, c.z));
                if (!tri.is_degenerate())
                    mTriangles.push_back(tri);
            }
        mTree.insert(mTriangles.begin(), mTriangles.end());
        mTree.build();
        // A ray of "infinite" length is a segment longer than the scene's diagonal.
        if (!mTriangles.empty()) {
            const auto box = mTree.bbox();
            const double dx = box.xmax() - box.xmin(), dy = box.ymax() - box.ymin(),
                         dz = box.zmax() - box.zmin();
            const double far = std::abs(box.xmin()) + std::abs(box.xmax()) + std::abs(box.ymin()) +
                               std::abs(box.ymax()) + std::abs(box.zmin()) + std::abs(box.zmax());
            mFar = 2 * (std::sqrt(dx * dx + dy * dy + dz * dz) + far) + 1;
        }
    }

    std::string name() const override { return "CGAL AABB tree"; }
    std::size_t triangleCount() const override { return mTriangles.size(); }

    bool occluded(const ShadowRay& ray) const override {
        if (mTriangles.empty())
            return false;
        const Vec3 o = ray.origin - mOrigin;
        const Vec3 d = ray.direction.normalized();
        const double len = std::isfinite(ray.maxDistance) ? ray.maxDistance : mFar;
        const Vec3 e = o + d * len;
        return mTree.do_intersect(K::Segment_3(Point(o.x, o.y, o.z), Point(e.x, e.y, e.z)));
    }

private:
    Vec3 mOrigin;
    std::vector<Triangle> mTriangles;
    Tree mTree;
    double mFar = 1;
};
} // namespace

std::unique_ptr<ShadowEngine> makeCgalShadowEngine(std::span<const TriangleMesh* const> meshes,
                                                   const Vec3& origin) {
    return std::make_unique<CgalShadowEngine>(meshes, origin);
}

} // namespace gis::geom
