#pragma once
// Pedestrian movement rules for walk mode: the eye stays eyeHeight above the ground (terrain or whatever
// walkable surface is under it) and cannot pass through building walls.
#include "gis/model/project.h"

#include <memory>

namespace gis::geom {
class RayScene;
}

namespace gis::analysis {

class WalkConstraint {
public:
    static constexpr double kEyeHeight = 1.7;
    static constexpr double kBodyRadius = 0.3;

    explicit WalkConstraint(const Project& project);
    ~WalkConstraint();

    // Height of the terrain under (x, y); 0 where there is none. (`aboveZ` is reserved for walkable meshes.)
    double groundHeight(double x, double y, double aboveZ = 1e9) const;
    // Eye position for a pedestrian standing at (x, y).
    Vec3 eyeAt(double x, double y) const;
    // Moves the eye from `from` towards `to` (horizontal intent). Stops short of walls (keeping kBodyRadius),
    // sliding along them when the move is oblique; the result is eyeHeight above the ground.
    Vec3 move(const Vec3& from, const Vec3& to) const;
    // True when a pedestrian can stand at (x, y): outside every footprint and at least kBodyRadius from
    // walls.
    bool canStand(double x, double y) const;
    // The eye of a pedestrian at the standing spot nearest to (x, y), searched in 2 m rings up to
    // `maxRadius`; (x, y) itself when it is free or nothing is found.
    Vec3 nearestStandingEye(double x, double y, double maxRadius = 400.0) const;

private:
    std::unique_ptr<geom::RayScene> mWalls;
    std::shared_ptr<const RasterF> mDem;
    struct Footprint {
        Extent extent;
        const Polygon* polygon;
    };
    std::vector<Polygon> mPolygons;
    std::vector<Footprint> mFootprints;
};

} // namespace gis::analysis
