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
    if (auto z = dem->sample(x, y))
        return *z;
    // Outside the grid or next to nodata: nearest cell with data.
    const int col = std::clamp(int(std::floor((x - dem->originX) / dem->cellSize)), 0, dem->width - 1);
    const int row = std::clamp(int(std::floor((dem->originY - y) / dem->cellSize)), 0, dem->height - 1);
    const float v = dem->at(col, row);
    return dem->isNoData(v) ? 0.0 : double(v);
}

} // namespace viewer::detail
