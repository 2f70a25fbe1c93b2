#pragma once
// Isochrones of a sunlight-hour map: the lines where a plan grid's hours equal given values (1 h, 2 h, 3 h
// ...), as a regulator draws them around a proposal. Contouring is GDAL's (GDALContourGenerateEx), not
// hand-written.
#include "gis/model/geometry.h"
#include "gis/model/raster.h"
#include "gis/result.h"

#include <vector>

namespace gis::analysis {

struct Isoline {
    double level = 0;         // the value along the line (hours when the raster holds hours)
    std::vector<Vec2> points; // an open or closed polyline in the raster's CRS
};

// Lines at each of `levels` through the raster (cell centres; NaN/nodata cells are left out). Fails on an
// empty raster or no levels.
Result<std::vector<Isoline>> isochrones(const RasterF& values, const std::vector<double>& levels);

} // namespace gis::analysis
