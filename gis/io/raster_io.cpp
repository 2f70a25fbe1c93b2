#include "gis/io/raster_io.h"

#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"

#include <gdalwarper.h>

#include <gdal_priv.h>

#include <cmath>
#include <limits>

namespace gis::io {

Result<LoadedRaster> readDem(const std::string& path, const Crs& target, std::size_t maxCells) {
    initGdal();
    GdalErrorScope errors;
    detail::DatasetPtr ds = detail::openDataset(path, GDAL_OF_RASTER | GDAL_OF_READONLY);
    if (ds && !target.isEmpty() && ds->GetSpatialRef()) {
        // Reproject on the fly with GDAL's warper (a VRT, so only what is read is warped).
        OGRSpatialReference dst;
        if (dst.SetFromUserInput(target.definition.c_str()) == OGRERR_NONE &&
            !dst.IsSame(ds->GetSpatialRef())) {
            char* dstWkt = nullptr;
            dst.exportToWkt(&dstWkt);
            GDALDatasetH warped =
                GDALAutoCreateWarpedVRT(ds.get(), nullptr, dstWkt, GRA_Bilinear, 0.0, nullptr);
            CPLFree(dstWkt);
            if (!warped)
                return Error{"Cannot reproject raster '" + path +
                             "' to the project CRS: " + errors.lastError()};
            ds.reset(GDALDataset::FromHandle(warped));
        }
    }
    if (!ds)
        return Error{"Cannot read raster '" + path + "': " +
                     (errors.lastError().empty() ? "not a raster GDAL can read" : errors.lastError()) + "."};
    if (ds->GetRasterCount() < 1)
        return Error{"Cannot read raster '" + path + "': it has no band."};
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None)
        return Error{"Cannot read raster '" + path + "': it is not georeferenced (no geotransform)."};
    if (gt[2] != 0 || gt[4] != 0)
        return Error{"Cannot read raster '" + path +
                     "': rotated rasters are not supported; warp it north-up first "
                     "(gdalwarp)."};
    if (std::abs(std::abs(gt[1]) - std::abs(gt[5])) > 1e-6 * std::abs(gt[1]))
        return Error{"Cannot read raster '" + path +
                     "': cells are not square; resample it first (gdalwarp -tr)."};
    LoadedRaster out;
    out.sourceWidth = ds->GetRasterXSize();
    out.sourceHeight = ds->GetRasterYSize();
    const std::size_t cells = std::size_t(out.sourceWidth) * out.sourceHeight;
    int f = 1;
    while (maxCells > 0 && cells / (std::size_t(f) * f) > maxCells)
        ++f;
    out.decimation = f;
    RasterF& r = out.raster;
    r.width = out.sourceWidth / f;
    r.height = out.sourceHeight / f;
    if (r.width < 1 || r.height < 1)
        return Error{"Cannot read raster '" + path + "': too small to decimate."};
    r.cellSize = std::abs(gt[1]) * f;
    r.originX = gt[0];
    r.originY = gt[3];
    r.data.resize(std::size_t(r.width) * r.height);
    GDALRasterBand* band = ds->GetRasterBand(1);
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    // Averaging ignores nodata cells (GDAL >= 3.1), so holes do not spread into the decimated grid.
    extra.eResampleAlg = f > 1 ? GRIORA_Average : GRIORA_NearestNeighbour;
    if (band->RasterIO(GF_Read, 0, 0, r.width * f, r.height * f, r.data.data(), r.width, r.height,
                       GDT_Float32, 0, 0, &extra) != CE_None)
        return Error{"Cannot read raster '" + path + "': " + errors.lastError() + "."};
    if (gt[5] > 0) { // south-up: flip rows so row 0 is north
        for (int row = 0; row < r.height / 2; ++row)
            std::swap_ranges(r.data.begin() + std::size_t(row) * r.width,
                             r.data.begin() + std::size_t(row + 1) * r.width,
                             r.data.begin() + std::size_t(r.height - 1 - row) * r.width);
        r.originY = gt[3] + gt[5] * r.height * f;
    }
    int hasNoData = 0;
    double nd = band->GetNoDataValue(&hasNoData);
    if (hasNoData)
        for (auto& v : r.data)
            if (v == float(nd))
                v = std::numeric_limits<float>::quiet_NaN();
    out.crs.definition = detail::wktOf(ds->GetSpatialRef());
    return out;
}

Status writeGeoTiff(const RasterF& raster, const Crs& crs, const std::string& path) {
    initGdal();
    GdalErrorScope errors;
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    // DEFLATE is read by every GIS; level 1 with the floating-point predictor compresses DEMs and depth
    // grids almost as well as the default level 6 at a fraction of the time (writing dominated the flood
    // CLI's run time), and GDAL compresses the tiles on all cores.
    char** opts = CSLSetNameValue(nullptr, "COMPRESS", "DEFLATE");
    opts = CSLSetNameValue(opts, "ZLEVEL", "1");
    opts = CSLSetNameValue(opts, "PREDICTOR", "3");
    opts = CSLSetNameValue(opts, "NUM_THREADS", "ALL_CPUS");
    opts = CSLSetNameValue(opts, "TILED", "YES");
    detail::DatasetPtr ds(drv->Create(path.c_str(), raster.width, raster.height, 1, GDT_Float32, opts));
    CSLDestroy(opts);
    if (!ds)
        return Error{"Cannot write '" + path + "': " + errors.lastError()};
    double gt[6] = {raster.originX, raster.cellSize, 0, raster.originY, 0, -raster.cellSize};
    ds->SetGeoTransform(gt);
    if (!crs.isEmpty()) {
        OGRSpatialReference srs;
        if (srs.SetFromUserInput(crs.definition.c_str()) == OGRERR_NONE)
            ds->SetSpatialRef(&srs);
    }
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(std::numeric_limits<float>::quiet_NaN());
    if (band->RasterIO(GF_Write, 0, 0, raster.width, raster.height, const_cast<float*>(raster.data.data()),
                       raster.width, raster.height, GDT_Float32, 0, 0) != CE_None)
        return Error{"Cannot write '" + path + "': " + errors.lastError()};
    return Status::ok();
}

} // namespace gis::io
