#include "viewer/scene/scene_util.h"

#include <cmath>
#include <limits>
#include <vector>

namespace viewer::detail {

osg::ref_ptr<osg::Geometry> makeGeometry(const std::string& name) {
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setName(name);
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    geometry->setDataVariance(osg::Object::STATIC);
    return geometry;
}

double hashUnit(std::uint64_t v) {
    v ^= v >> 33;
    v *= 0xff51afd7ed558ccdULL;
    v ^= v >> 33;
    v *= 0xc4ceb9fe1a85ec53ULL;
    v ^= v >> 33;
    return double(v >> 11) / double(1ULL << 53);
}

int terrainStep(const gis::RasterF& dem, int maxVertices) {
    int step = 1;
    while (double(dem.width / step + 1) * double(dem.height / step + 1) > maxVertices)
        ++step;
    return step;
}

double terrainHeight(const gis::RasterF* dem, double x, double y, int step) {
    if (!dem || dem->isEmpty())
        return 0.0;
    auto nearest = [&] {
        const int col = std::clamp(int(std::floor((x - dem->originX) / dem->cellSize)), 0, dem->width - 1);
        const int row = std::clamp(int(std::floor((dem->originY - y) / dem->cellSize)), 0, dem->height - 1);
        const float v = dem->at(col, row);
        return dem->isNoData(v) ? 0.0 : double(v);
    };
    if (dem->width < 2 || dem->height < 2)
        return nearest();
    // The mesh node grid: every step-th cell centre plus the last one (as buildTerrainNode samples it).
    if (step <= 0)
        step = terrainStep(*dem);
    auto node = [&](double f, int count, int& i0, int& i1) {
        const int last = (count - 1 + step - 1) / step; // index of the last node (count - 1)
        const int i = std::clamp(int(std::floor(f / step)), 0, last - 1);
        i0 = i * step;
        i1 = std::min((i + 1) * step, count - 1);
        return std::clamp((f - i0) / double(i1 - i0), 0.0, 1.0);
    };
    int c0, c1, r0, r1;
    const double u = node((x - dem->originX) / dem->cellSize - 0.5, dem->width, c0, c1);  // east
    const double v = node((dem->originY - y) / dem->cellSize - 0.5, dem->height, r0, r1); // south
    const float za = dem->at(c0, r0), zb = dem->at(c1, r0), zc = dem->at(c0, r1), zd = dem->at(c1, r1);
    if (dem->isNoData(za) || dem->isNoData(zb) || dem->isNoData(zc) || dem->isNoData(zd)) {
        if (auto z = dem->sample(x, y))
            return *z;
        return nearest();
    }
    // The mesh triangles (a, c, d) and (a, d, b) with the diagonal from north-west to south-east.
    if (v >= u)
        return za + (zd - zc) * u + (zc - za) * v;
    return za + (zb - za) * u + (zd - zb) * v;
}

TerrainLod terrainLod(const gis::RasterF& dem, const gis::Vec3& origin) {
    TerrainLod lod;
    if (dem.isEmpty() || dem.width < 2 || dem.height < 2)
        return lod;
    lod.fineStep = terrainStep(dem);
    lod.coarseStep = lod.fineStep * kTerrainCoarseFactor;
    const auto range = dem.valueRange();
    if (!range)
        return lod;
    const auto [zMin, zMax] = *range;
    const double minX = dem.originX + dem.cellSize / 2, maxX = dem.originX + (dem.width - 0.5) * dem.cellSize;
    const double maxY = dem.originY - dem.cellSize / 2,
                 minY = dem.originY - (dem.height - 0.5) * dem.cellSize;
    lod.centre = local((minX + maxX) / 2, (minY + maxY) / 2, (zMin + zMax) / 2, origin);
    lod.radius = float(std::sqrt((maxX - minX) * (maxX - minX) + (maxY - minY) * (maxY - minY) +
                                 (zMax - zMin) * (zMax - zMin)) /
                       2);
    // Too small a grid to simplify: keep the fine mesh only.
    if ((dem.width - 1) / lod.coarseStep < 2 || (dem.height - 1) / lod.coarseStep < 2)
        return lod;
    // The largest difference between the meshes is at a fine mesh node (both are planar on every fine
    // triangle: the coarse grid is aligned with it and splits its quads along the same diagonal).
    auto nodes = [&](int count) {
        std::vector<int> out;
        for (int i = 0; i < count; i += lod.fineStep)
            out.push_back(i);
        if (out.back() != count - 1)
            out.push_back(count - 1);
        return out;
    };
    for (int r : nodes(dem.height))
        for (int c : nodes(dem.width)) {
            const gis::Vec2 p = dem.cellCenter(c, r);
            const double e = std::abs(terrainHeight(&dem, p.x, p.y, lod.fineStep) -
                                      terrainHeight(&dem, p.x, p.y, lod.coarseStep));
            lod.maxError = std::max(lod.maxError, e);
        }
    // pixel size = on-screen diameter of the bounding sphere, so metres -> pixels is pixelSize / (2 radius).
    lod.switchPixels = float(kTerrainErrorPixels * 2 * lod.radius / std::max(lod.maxError, 1e-3));
    lod.enabled = true;
    return lod;
}

osg::ref_ptr<osg::LOD> makeTerrainLodNode(const TerrainLod& t, const std::string& name) {
    osg::ref_ptr<osg::LOD> lod = new osg::LOD;
    lod->setName(name);
    lod->setRangeMode(osg::LOD::PIXEL_SIZE_ON_SCREEN);
    lod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
    lod->setCenter(t.centre);
    lod->setRadius(t.radius);
    lod->setRange(0, t.switchPixels, std::numeric_limits<float>::max());
    lod->setRange(1, 0.0f, t.switchPixels);
    return lod;
}

} // namespace viewer::detail
