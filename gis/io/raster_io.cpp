#include "gis/io/raster_io.h"

#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"

#include <gdalwarper.h>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string_view>
#include <vector>

namespace gis::io {

Result<LoadedRaster> readDem(const std::string& path, const Crs& target, std::size_t maxCells) {
    initGdal();
    GdalErrorScope errors;
    // The warped VRT reads from the source dataset: the source must outlive it (declared first, destroyed
    // last), since GDALClose deletes a non-shared dataset whatever references it.
    detail::DatasetPtr source;
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
            source = std::move(ds);
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

namespace detail {

bool isImageryDataset(GDALDataset& ds) {
    const int n = ds.GetRasterCount();
    if (n < 1)
        return false;
    for (int b = 1; b <= n; ++b)
        if (ds.GetRasterBand(b)->GetRasterDataType() != GDT_Byte)
            return false;
    if (n >= 3)
        return true;
    GDALRasterBand* first = ds.GetRasterBand(1);
    if (first->GetColorTable())
        return true;
    if (n == 2)
        return ds.GetRasterBand(2)->GetColorInterpretation() == GCI_AlphaBand;
    // A single grey Byte band is taken as heights (an 8-bit DEM), except in formats that never hold them.
    const char* driver = ds.GetDriver() ? ds.GetDriver()->GetDescription() : "";
    return std::string_view(driver) == "JPEG" || std::string_view(driver) == "WEBP";
}

} // namespace detail

namespace {

// Reads one Byte band (averaged or nearest, as `extra` says) into every 4th byte of `out` from `channel` on.
bool readChannel(GDALRasterBand* band, int readW, int readH, RgbaImage& out, int channel,
                 GDALRasterIOExtraArg& extra) {
    return band->RasterIO(GF_Read, 0, 0, readW, readH, out.pixels.data() + channel, out.width, out.height,
                          GDT_Byte, 4, GSpacing(4) * out.width, &extra) == CE_None;
}

} // namespace

Result<LoadedImagery> readImagery(const std::string& path, const Crs& target, std::size_t maxPixels) {
    initGdal();
    GdalErrorScope errors;
    const std::string cannot = "Cannot read imagery '" + path + "': ";
    if (std::error_code ec; path.rfind("/vsi", 0) != 0 && !std::filesystem::exists(path, ec))
        return Error{cannot + "the file does not exist."};
    // The source must stay open while the warped VRT reads from it (declared first, closed last).
    detail::DatasetPtr src = detail::openDataset(path, GDAL_OF_RASTER | GDAL_OF_READONLY);
    if (!src)
        return Error{cannot +
                     (errors.lastError().empty() ? "not a raster GDAL can read" : errors.lastError()) + "."};
    if (!detail::isImageryDataset(*src))
        return Error{cannot +
                     "it is not an 8-bit colour image (RGB, RGBA, grey + alpha or paletted); a single band "
                     "of heights is imported as terrain."};
    double gt[6];
    if (src->GetGeoTransform(gt) != CE_None)
        return Error{cannot +
                     "it is not georeferenced (no geotransform or world file), so it cannot be placed on the "
                     "map; georeference it first (e.g. with QGIS's Georeferencer)."};
    GDALRasterBand* first = src->GetRasterBand(1);
    const bool paletted = src->GetRasterCount() <= 2 && first->GetColorTable() != nullptr;

    std::string dstWkt;
    if (!target.isEmpty() && src->GetSpatialRef()) {
        OGRSpatialReference dst;
        if (dst.SetFromUserInput(target.definition.c_str()) != OGRERR_NONE)
            return Error{cannot + "the project CRS is not understood by GDAL (" + errors.lastError() + ")."};
        if (!dst.IsSame(src->GetSpatialRef())) {
            char* wkt = nullptr;
            dst.exportToWkt(&wkt);
            dstWkt = wkt ? wkt : "";
            CPLFree(wkt);
        }
    }
    const bool skewed =
        gt[2] != 0 || gt[4] != 0 || std::abs(std::abs(gt[1]) - std::abs(gt[5])) > 1e-6 * std::abs(gt[1]);
    detail::DatasetPtr warped;
    GDALDataset* ds = src.get();
    if (!dstWkt.empty() || skewed) {
        // gdalwarp to a VRT (only what is read gets warped): north-up square pixels, and an alpha band so
        // that the corners outside the source are transparent rather than black. Paletted images are warped
        // by nearest neighbour: interpolating palette indices would give unrelated colours.
        CPLStringList args;
        args.AddString("-of");
        args.AddString("VRT");
        if (!dstWkt.empty()) {
            args.AddString("-t_srs");
            args.AddString(dstWkt.c_str());
        }
        args.AddString("-r");
        args.AddString(paletted ? "near" : "bilinear");
        args.AddString("-dstalpha");
        GDALWarpAppOptions* options = GDALWarpAppOptionsNew(args.List(), nullptr);
        GDALDatasetH in = GDALDataset::ToHandle(src.get());
        int usageError = 0;
        GDALDatasetH out = options ? GDALWarp("", nullptr, 1, &in, options, &usageError) : nullptr;
        GDALWarpAppOptionsFree(options);
        if (!out)
            return Error{cannot + "cannot reproject it to the project CRS (" + errors.lastError() +
                         "); warp it first (gdalwarp -t_srs)."};
        warped.reset(GDALDataset::FromHandle(out));
        ds = warped.get();
        if (ds->GetGeoTransform(gt) != CE_None || gt[2] != 0 || gt[4] != 0 ||
            std::abs(std::abs(gt[1]) - std::abs(gt[5])) > 1e-6 * std::abs(gt[1]))
            return Error{cannot + "reprojecting it gave no north-up grid of square pixels; warp it first "
                                  "(gdalwarp -t_srs ... -tr)."};
    }

    LoadedImagery out;
    out.reprojected = warped != nullptr;
    out.sourceWidth = ds->GetRasterXSize();
    out.sourceHeight = ds->GetRasterYSize();
    const std::size_t pixels = std::size_t(out.sourceWidth) * out.sourceHeight;
    int f = 1;
    while (maxPixels > 0 && pixels / (std::size_t(f) * f) > maxPixels)
        ++f;
    out.decimation = f;
    const int w = out.sourceWidth / f, h = out.sourceHeight / f;
    if (w < 1 || h < 1)
        return Error{cannot + "too small to decimate."};
    out.image = RgbaImage(w, h);
    out.cellSize = std::abs(gt[1]) * f;
    out.originX = gt[0];
    out.originY = gt[3];
    RgbaImage& img = out.image;
    const int readW = w * f, readH = h * f;

    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    // Colours are averaged (pixels masked out do not count); palette indices are picked, never averaged.
    extra.eResampleAlg = f > 1 && !paletted ? GRIORA_Average : GRIORA_NearestNeighbour;
    GDALRasterBand* band1 = ds->GetRasterBand(1);
    bool ok = true;
    if (paletted) {
        const GDALColorTable* table = band1->GetColorTable();
        std::array<std::array<std::uint8_t, 4>, 256> lut{};
        for (int i = 0; i < 256; ++i) {
            GDALColorEntry e{0, 0, 0, 255};
            if (i < table->GetColorEntryCount())
                table->GetColorEntryAsRGB(i, &e);
            lut[i] = {std::uint8_t(e.c1), std::uint8_t(e.c2), std::uint8_t(e.c3), std::uint8_t(e.c4)};
        }
        ok = readChannel(band1, readW, readH, img, 0, extra);
        for (std::size_t i = 0; ok && i < img.pixels.size(); i += 4) {
            const auto& c = lut[img.pixels[i]];
            std::copy(c.begin(), c.end(), img.pixels.begin() + std::ptrdiff_t(i));
        }
    } else if (ds->GetRasterCount() >= 3) {
        for (int c = 0; ok && c < 3; ++c)
            ok = readChannel(ds->GetRasterBand(c + 1), readW, readH, img, c, extra);
    } else { // grey (+ alpha)
        ok = readChannel(band1, readW, readH, img, 0, extra);
        for (std::size_t i = 0; ok && i < img.pixels.size(); i += 4)
            img.pixels[i + 1] = img.pixels[i + 2] = img.pixels[i];
    }
    // Alpha: the alpha band, the nodata value or the per-dataset mask (GDAL presents all three as the mask
    // band); combined with the colour table's own alpha for paletted images.
    GDALRasterBand* mask = band1->GetMaskBand();
    if (ok && mask && !(band1->GetMaskFlags() & GMF_ALL_VALID)) {
        std::vector<std::uint8_t> colourAlpha;
        if (paletted)
            for (std::size_t i = 3; i < img.pixels.size(); i += 4)
                colourAlpha.push_back(img.pixels[i]);
        ok = readChannel(mask, readW, readH, img, 3, extra);
        for (std::size_t i = 0; ok && i < colourAlpha.size(); ++i)
            img.pixels[i * 4 + 3] = std::min(img.pixels[i * 4 + 3], colourAlpha[i]);
    } else if (ok && !paletted) {
        for (std::size_t i = 3; i < img.pixels.size(); i += 4)
            img.pixels[i] = 255;
    }
    if (!ok)
        return Error{cannot +
                     (errors.lastError().empty() ? "reading the pixels failed" : errors.lastError()) + "."};
    if (gt[5] > 0) { // south-up: flip rows so row 0 is north
        const std::size_t line = std::size_t(w) * 4;
        for (int row = 0; row < h / 2; ++row)
            std::swap_ranges(img.pixels.begin() + std::ptrdiff_t(row * line),
                             img.pixels.begin() + std::ptrdiff_t((row + 1) * line),
                             img.pixels.begin() + std::ptrdiff_t((h - 1 - row) * line));
        out.originY = gt[3] + gt[5] * readH;
    }
    out.crs.definition = detail::wktOf(ds->GetSpatialRef());
    return out;
}

} // namespace gis::io
