#include "gis/analysis/walk.h"

#include "gis/geom/extrude.h"
#include "gis/geom/ray_scene.h"

#include <cmath>

namespace gis::analysis {

WalkConstraint::WalkConstraint(const Project& project) {
    const Vec3 origin = project.origin();
    mWalls = std::make_unique<geom::RayScene>(origin);
    for (const auto& layer : project.layers) {
        if (const auto* b = std::get_if<BuildingLayerData>(&layer.data); b && layer.visible) {
            mWalls->addMesh(geom::extrudeBuildings(b->buildings));
            for (const auto& building : b->buildings)
                mPolygons.push_back(building.footprint);
        }
    }
    mFootprints.reserve(mPolygons.size());
    for (const auto& p : mPolygons)
        mFootprints.push_back({p.extent(), &p});
    mWalls->commit();
    if (const auto* t = project.terrain())
        mDem = t->dem;
}

WalkConstraint::~WalkConstraint() = default;

double WalkConstraint::groundHeight(double x, double y, double aboveZ) const {
    (void)aboveZ;
    if (mDem)
        if (auto h = mDem->sample(x, y))
            return *h;
    return 0.0;
}

Vec3 WalkConstraint::eyeAt(double x, double y) const {
    return {x, y, groundHeight(x, y) + kEyeHeight};
}

Vec3 WalkConstraint::move(const Vec3& from, const Vec3& to) const {
    // Walls are tested with horizontal rays at knee and eye height (a wall stops the walker whatever the
    // slope), then the remaining motion slides along the wall once.
    Vec3 start = eyeAt(from.x, from.y);
    Vec3 delta{to.x - start.x, to.y - start.y, 0};
    for (int attempt = 0; attempt < 2; ++attempt) {
        double len = std::hypot(delta.x, delta.y);
        if (len < 1e-9)
            break;
        Vec3 dir{delta.x / len, delta.y / len, 0};
        double allowed = len;
        Vec3 wallNormal;
        bool blocked = false;
        for (double h : {0.4, kEyeHeight - 0.1}) {
            Vec3 o{start.x, start.y, start.z - kEyeHeight + h};
            if (auto hit = mWalls->intersect(o, dir, len + kBodyRadius)) {
                double free = std::max(0.0, hit->distance - kBodyRadius);
                if (free < allowed) {
                    allowed = free;
                    wallNormal = hit->normal;
                    blocked = true;
                }
            }
        }
        start = eyeAt(start.x + dir.x * allowed, start.y + dir.y * allowed);
        if (!blocked)
            break;
        // Slide: remove the component of the remaining motion into the wall.
        Vec3 rest = dir * (len - allowed);
        Vec3 n{wallNormal.x, wallNormal.y, 0};
        n = n.normalized();
        double into = rest.dot(n);
        delta = rest - n * into;
        delta.z = 0;
    }
    return start;
}

bool WalkConstraint::canStand(double x, double y) const {
    constexpr double r = kBodyRadius;
    constexpr double kPi = 3.14159265358979323846;
    for (const auto& f : mFootprints) {
        const Extent& e = f.extent;
        if (x < e.minX - r || x > e.maxX + r || y < e.minY - r || y > e.maxY + r)
            continue;
        if (contains(*f.polygon, {x, y}))
            return false;
        for (int k = 0; k < 8; ++k) // a body-radius circle around the point must be free too
            if (contains(*f.polygon, {x + r * std::cos(k * kPi / 4), y + r * std::sin(k * kPi / 4)}))
                return false;
    }
    return true;
}

Vec3 WalkConstraint::nearestStandingEye(double x, double y, double maxRadius) const {
    constexpr double kPi = 3.14159265358979323846;
    if (!canStand(x, y)) {
        for (double radius = 2.0; radius <= maxRadius; radius += 2.0) {
            const int steps = std::max(8, int(2 * kPi * radius / 2.0));
            for (int i = 0; i < steps; ++i) {
                const double a = 2 * kPi * i / steps;
                const double cx = x + radius * std::cos(a), cy = y + radius * std::sin(a);
                if (canStand(cx, cy))
                    return eyeAt(cx, cy);
            }
        }
    }
    return eyeAt(x, y);
}

} // namespace gis::analysis
