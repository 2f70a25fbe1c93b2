#pragma once
#include "gis/model/crs.h"
#include "gis/model/raster.h"
#include "gis/result.h"

#include <cstddef>
#include <string>

namespace gis::io {

struct LoadedRaster {
    RasterF raster;
    Crs crs;
    int decimation = 1; // > 1: every `decimation` x `decimation` source cells were averaged into one
    int sourceWidth = 0, sourceHeight = 0;
};

// Terrain for the scene and the analyses is capped at this many cells (64 MB of float): larger DEMs are
// read decimated (GDAL averages on read, using overviews when the file has them), so memory stays bounded.
inline constexpr std::size_t kMaxTerrainCells = std::size_t(4096) * 4096;

// Reads band 1 of a north-up raster (GeoTIFF, COG, VRT ...) as float, nodata kept as NaN. When `target` is
// given and differs from the raster's CRS, the raster is warped into it (bilinear). When `maxCells` is not 0
// and the raster has more cells, it is read decimated by the smallest integer factor that fits (square cells
// kept; up to factor-1 columns/rows at the east and south edges are dropped).
Result<LoadedRaster> readDem(const std::string& path, const Crs& target = {}, std::size_t maxCells = 0);
Status writeGeoTiff(const RasterF& raster, const Crs& crs, const std::string& path);

} // namespace gis::io
