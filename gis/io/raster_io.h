#pragma once
#include "gis/model/crs.h"
#include "gis/model/raster.h"
#include "gis/model/rgba_image.h"
#include "gis/result.h"

#include <cstddef>
#include <string>

class GDALDataset;

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

// Imagery read into memory: north-up, square pixels, georeferenced like a RasterF (see ImageryLayerData).
struct LoadedImagery {
    RgbaImage image;
    double originX = 0, originY = 0, cellSize = 1;
    Crs crs;
    int decimation = 1; // > 1: every `decimation` x `decimation` pixels were averaged into one
    int sourceWidth = 0, sourceHeight = 0; // after reprojection, before decimation
    bool reprojected = false;
};

// Imagery is capped like terrain (64 MB of RGBA); the viewer samples it further down to what the GPU takes.
inline constexpr std::size_t kMaxImageryPixels = std::size_t(4096) * 4096;

// Reads an RGB/RGBA image (3 or more Byte bands; bands 1-3 are red, green, blue), a paletted single Byte band
// (the colour table expanded) or grey + alpha (2 Byte bands). Alpha comes from the alpha band, the nodata
// value or the mask, else opaque. When `target` is given and differs from the image's CRS, or the image is
// rotated or has non-square pixels, it is warped (GDAL's warper, bilinear; nearest for paletted images) into
// `target` (or its own CRS) with square pixels; pixels outside the source become transparent. When
// `maxPixels` is not 0 and the image has more pixels, it is read averaged (nearest for paletted images) by
// the smallest integer factor that fits, as readDem does.
Result<LoadedImagery> readImagery(const std::string& path, const Crs& target = {}, std::size_t maxPixels = 0);

namespace detail {
// Whether an open raster is imagery for readImagery (otherwise it is read as terrain): 3 or more Byte bands;
// a single Byte band with a colour table (or JPEG, which never holds heights); grey + alpha Byte bands.
bool isImageryDataset(GDALDataset& ds);
} // namespace detail

} // namespace gis::io
