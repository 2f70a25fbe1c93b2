#pragma once
// Internal helpers shared by the scene builders (not part of the public viewer API).
#include "gis/model/geometry.h"
#include "gis/model/raster.h"

#include <osg/Array>
#include <osg/Geometry>
#include <osg/LOD>
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

// Terrain height at (x, y) exactly as the terrain mesh on the `step` node grid renders it (0: terrainStep,
// the fine mesh; planar on the mesh triangles, clamped to the grid's edge outside it; bilinear DEM sample or
// nearest valid value next to nodata); 0 without a DEM or where it has no data.
double terrainHeight(const gis::RasterF* dem, double x, double y, int step = 0);

// Terrain level of detail. The terrain renders a coarse mesh (every coarseStep-th cell) instead of the fine
// one (terrainStep) while the largest height difference between the two meshes covers less than
// kTerrainErrorPixels on screen (a screen-space geometric error, as terrain engines use). The zones draped on
// the terrain switch with the same LOD parameters, so they always lie on the mesh that renders.
constexpr double kTerrainErrorPixels = 0.75;
constexpr int kTerrainCoarseFactor = 2;
struct TerrainLod {
    bool enabled = false; // false: no coarse mesh (tiny DEM)
    int fineStep = 1;
    int coarseStep = 1;
    double maxError = 0;    // metres, over the fine mesh nodes (both meshes are planar on the fine triangles)
    osg::Vec3 centre;       // local coordinates
    float radius = 0;       // bounding sphere of the terrain
    float switchPixels = 0; // bounding-sphere diameter on screen below which the coarse mesh renders
};
TerrainLod terrainLod(const gis::RasterF& dem, const gis::Vec3& origin);
// An LOD in PIXEL_SIZE_ON_SCREEN mode around the terrain's bounding sphere: child 0 (fine) from switchPixels
// up, child 1 (coarse) below. Add the children after.
osg::ref_ptr<osg::LOD> makeTerrainLodNode(const TerrainLod& lod, const std::string& name);

} // namespace viewer::detail
