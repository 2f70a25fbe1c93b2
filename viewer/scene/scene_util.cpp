#include "viewer/scene/scene_util.h"

#include <cmath>

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

double terrainHeight(const gis::RasterF* dem, double x, double y) {
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
    const int step = terrainStep(*dem);
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

} // namespace viewer::detail
