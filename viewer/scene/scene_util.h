#pragma once
// Internal helpers shared by the scene builders (not part of the public viewer API).
#include "gis/model/geometry.h"
#include "gis/model/raster.h"

#include <osg/Array>
#include <osg/Geometry>
#include <osg/ref_ptr>

#include <algorithm>
#include <cstdint>
#include <string>

namespace viewer::detail {

// A Geometry set up for VBO rendering (no display lists), named `name`.
osg::ref_ptr<osg::Geometry> makeGeometry(const std::string& name);

// Vertex relative to the scene origin, in float.
inline osg::Vec3 local(double x, double y, double z, const gis::Vec3& origin) {
    return osg::Vec3(float(x - origin.x), float(y - origin.y), float(z - origin.z));
}

inline osg::Vec4ub rgba(double r, double g, double b, double a = 1.0) {
    auto c = [](double v) { return std::uint8_t(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5); };
    return osg::Vec4ub(c(r), c(g), c(b), c(a));
}

// A value in [0, 1) from an integer, stable across runs (for per-building colour variation).
double hashUnit(std::uint64_t value);

// Grid step (in DEM cells) that keeps a terrain mesh at most ~maxVertices vertices. The default (64k
// vertices, ~128k triangles) bounds the per-frame vertex work under software GL (llvmpipe transforms and sets
// up triangles on one thread): a 360x360 DEM renders every second cell. Zone draping follows the same grid.
int terrainStep(const gis::RasterF& dem, int maxVertices = 1 << 16);

// Terrain height at (x, y) exactly as the terrain mesh renders it (planar on the mesh triangles over the
// terrainStep node grid, clamped to the grid's edge outside it; bilinear DEM sample or nearest valid value
// next to nodata); 0 without a DEM or where it has no data.
double terrainHeight(const gis::RasterF* dem, double x, double y);

} // namespace viewer::detail
