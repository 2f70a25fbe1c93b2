#include "gis/analysis/isochrones.h"

#include "gis/io/gdal_log.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

namespace gis::analysis {

Result<std::vector<Isoline>> isochrones(const RasterF& values, const std::vector<double>& levels) {
    if (values.isEmpty())
        return Error{"No isochrones: the hour map is empty."};
    if (levels.empty())
        return Error{"No isochrones: give at least one level (hours)."};
    io::initGdal();
    io::GdalErrorScope errors;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    std::unique_ptr<GDALDataset> raster(
        mem ? mem->Create("", values.width, values.height, 1, GDT_Float32, nullptr) : nullptr);
    if (!raster)
        return Error{"Isochrones: GDAL's in-memory raster driver is missing."};
    double gt[6] = {values.originX, values.cellSize, 0, values.originY, 0, -values.cellSize};
    raster->SetGeoTransform(gt);
    GDALRasterBand* band = raster->GetRasterBand(1);
    constexpr double kNoData = -1e30;
    std::vector<float> data(values.data);
    for (float& v : data)
        if (values.isNoData(v))
            v = float(kNoData);
    if (band->RasterIO(GF_Write, 0, 0, values.width, values.height, data.data(), values.width, values.height,
                       GDT_Float32, 0, 0) != CE_None)
        return Error{"Isochrones: " + errors.lastError()};
    band->SetNoDataValue(kNoData);

    GDALDriver* memVector = GetGDALDriverManager()->GetDriverByName("Memory"); // OGR's (MEM is raster-only)
    std::unique_ptr<GDALDataset> vectors(memVector ? memVector->Create("", 0, 0, 0, GDT_Unknown, nullptr)
                                                   : nullptr);
    OGRLayer* layer = vectors ? vectors->CreateLayer("isochrones", nullptr, wkbLineString, nullptr) : nullptr;
    if (!raster || !layer)
        return Error{"Isochrones: GDAL's in-memory drivers are missing (" + errors.lastError() + ")."};
    OGRFieldDefn field("level", OFTReal);
    layer->CreateField(&field);
    std::string fixed = "FIXED_LEVELS=";
    for (std::size_t i = 0; i < levels.size(); ++i)
        fixed += (i ? "," : "") + std::to_string(levels[i]);
    char** options = nullptr;
    options = CSLAddString(options, fixed.c_str());
    options = CSLAddString(options, "ELEV_FIELD=0");
    options = CSLAddString(options, ("NODATA=" + std::to_string(kNoData)).c_str());
    const CPLErr err = GDALContourGenerateEx(GDALRasterBand::ToHandle(band), OGRLayer::ToHandle(layer),
                                             options, nullptr, nullptr);
    CSLDestroy(options);
    if (err != CE_None)
        return Error{"Isochrones: GDAL contouring failed: " + errors.lastError()};

    std::vector<Isoline> out;
    layer->ResetReading();
    while (OGRFeature* f = layer->GetNextFeature()) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (g && wkbFlatten(g->getGeometryType()) == wkbLineString) {
            const auto* line = g->toLineString();
            Isoline iso;
            iso.level = f->GetFieldAsDouble(0);
            for (int i = 0; i < line->getNumPoints(); ++i)
                iso.points.push_back({line->getX(i), line->getY(i)});
            out.push_back(std::move(iso));
        }
        OGRFeature::DestroyFeature(f);
    }
    return out;
}

} // namespace gis::analysis
