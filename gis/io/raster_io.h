#pragma once
#include "gis/model/crs.h"
#include "gis/model/raster.h"
#include "gis/result.h"

#include <string>

namespace gis::io {

struct LoadedRaster {
    RasterF raster;
    Crs crs;
};

// Reads band 1 of a north-up raster (GeoTIFF, COG, VRT ...) as float, nodata kept as NaN. When `target` is
// given and differs from the raster's CRS, the raster is warped into it (bilinear).
Result<LoadedRaster> readDem(const std::string& path, const Crs& target = {});
Status writeGeoTiff(const RasterF& raster, const Crs& crs, const std::string& path);

} // namespace gis::io
