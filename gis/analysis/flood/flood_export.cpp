// Polygonizing is GDAL's (GDALPolygonize on the classed raster), not hand-written.
#include "gis/analysis/flood/flood_export.h"

#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/ogr_geometry.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <unordered_map>

namespace gis::analysis::flood {

Result<std::vector<ClassPolygon>> depthClassPolygons(const RasterF& depth) {
    if (depth.isEmpty())
        return Error{"No flood extent: the depth raster is empty."};
    io::initGdal();
    io::GdalErrorScope errors;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* memVector = GetGDALDriverManager()->GetDriverByName("Memory");
    if (!mem || !memVector)
        return Error{"No flood extent: GDAL's in-memory drivers are missing."};
    std::unique_ptr<GDALDataset> raster(mem->Create("", depth.width, depth.height, 1, GDT_Byte, nullptr));
    double gt[6] = {depth.originX, depth.cellSize, 0, depth.originY, 0, -depth.cellSize};
    raster->SetGeoTransform(gt);
    // Class k + 1 per wet cell, 0 dry (masked out).
    std::vector<std::uint8_t> classes(depth.data.size(), 0);
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const float d = depth.data[i];
        if (!depth.isNoData(d))
            classes[i] = std::uint8_t(depthClass(d) + 1);
    }
    GDALRasterBand* band = raster->GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, depth.width, depth.height, classes.data(), depth.width, depth.height,
                       GDT_Byte, 0, 0) != CE_None)
        return Error{"No flood extent: " + errors.lastError()};
    std::unique_ptr<GDALDataset> vectors(memVector->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = vectors->CreateLayer("extent", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn field("cls", OFTInteger);
    layer->CreateField(&field);
    char** options = CSLSetNameValue(nullptr, "8CONNECTED", "8");
    const CPLErr err = GDALPolygonize(GDALRasterBand::ToHandle(band), GDALRasterBand::ToHandle(band),
                                      OGRLayer::ToHandle(layer), 0, options, nullptr, nullptr);
    CSLDestroy(options);
    if (err != CE_None)
        return Error{"No flood extent: GDAL polygonize failed: " + errors.lastError()};
    std::vector<ClassPolygon> out;
    layer->ResetReading();
    while (OGRFeature* f = layer->GetNextFeature()) {
        const OGRGeometry* g = f->GetGeometryRef();
        const int cls = f->GetFieldAsInteger(0);
        if (cls > 0)
            for (Polygon& p : io::detail::polygonsOf(g))
                out.push_back({std::move(p), cls - 1});
        OGRFeature::DestroyFeature(f);
    }
    return out;
}

Status writeFloodGeoPackage(const std::string& path, const Crs& crs, const RasterF& depth,
                            const FloodImpact& impact, const std::vector<Building>& buildings) {
    auto extent = depthClassPolygons(depth);
    if (!extent)
        return Error{extent.error()};
    io::initGdal();
    io::GdalErrorScope errors;
    std::error_code ec;
    std::filesystem::remove(path, ec);
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    io::detail::DatasetPtr ds(gpkg->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return Error{"Cannot write '" + path + "': " + errors.lastError()};
    OGRSpatialReference srs;
    const bool haveSrs = !crs.isEmpty() && srs.SetFromUserInput(crs.definition.c_str()) == OGRERR_NONE;
    if (haveSrs)
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    auto fail = [&](const std::string& what) {
        return Error{"Cannot write " + what + " to '" + path + "': " + errors.lastError()};
    };
    OGRLayer* ext = ds->CreateLayer("flood_extent", haveSrs ? &srs : nullptr, wkbPolygon, nullptr);
    if (!ext)
        return fail("the flood extent");
    for (const char* name : {"depth_from_m", "depth_to_m", "area_m2"}) {
        OGRFieldDefn f(name, OFTReal);
        ext->CreateField(&f);
    }
    ext->StartTransaction();
    for (const ClassPolygon& cp : extent.value()) {
        OGRFeature f(ext->GetLayerDefn());
        f.SetGeometryDirectly(io::detail::toOgr(cp.polygon).release());
        f.SetField(0, kDepthClasses[cp.depthClass]);
        if (cp.depthClass + 1 < int(kDepthClasses.size()))
            f.SetField(1, kDepthClasses[cp.depthClass + 1]);
        f.SetField(2, area(cp.polygon));
        if (ext->CreateFeature(&f) != OGRERR_NONE)
            return fail("the flood extent");
    }
    if (ext->CommitTransaction() != OGRERR_NONE)
        return fail("the flood extent");

    OGRLayer* bl = ds->CreateLayer("affected_buildings", haveSrs ? &srs : nullptr, wkbPolygon, nullptr);
    if (!bl)
        return fail("the affected buildings");
    const std::pair<const char*, OGRFieldType> fields[] = {
        {"building_id", OFTInteger64}, {"name", OFTString},        {"use", OFTString},
        {"max_depth_m", OFTReal},      {"depth_class_m", OFTReal}, {"floor_area_m2", OFTReal}};
    for (const auto& [name, type] : fields) {
        OGRFieldDefn f(name, type);
        bl->CreateField(&f);
    }
    std::unordered_map<std::int64_t, const Building*> byId;
    for (const Building& b : buildings)
        byId.emplace(b.id, &b);
    bl->StartTransaction();
    for (const AffectedBuilding& a : impact.buildings) {
        OGRFeature f(bl->GetLayerDefn());
        if (auto it = byId.find(a.id); it != byId.end())
            f.SetGeometryDirectly(io::detail::toOgr(it->second->footprint).release());
        f.SetField(0, GIntBig(a.id));
        f.SetField(1, a.name.c_str());
        f.SetField(2, a.use.c_str());
        f.SetField(3, a.maxDepth);
        f.SetField(4, kDepthClasses[a.depthClass]);
        f.SetField(5, a.floorArea);
        if (bl->CreateFeature(&f) != OGRERR_NONE)
            return fail("the affected buildings");
    }
    if (bl->CommitTransaction() != OGRERR_NONE)
        return fail("the affected buildings");
    return Status::ok();
}

} // namespace gis::analysis::flood
