#include "gis/io/vector_write.h"

#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/ogr_geometry.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <functional>

namespace gis::io {

namespace {

std::string driverFor(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".gpkg")
        return "GPKG";
    if (ext == ".geojson" || ext == ".json")
        return "GeoJSON";
    if (ext == ".shp")
        return "ESRI Shapefile";
    return {};
}

Status write(const std::string& path, const std::string& layerName, const Crs& crs, OGRwkbGeometryType type,
             std::size_t count, const std::string& valueName, const std::vector<double>& values,
             const std::function<OGRGeometry*(std::size_t)>& geometry) {
    const std::string driverName = driverFor(path);
    if (driverName.empty())
        return Error{"Cannot write '" + path + "': use a .gpkg, .geojson or .shp file name."};
    if (!values.empty() && values.size() != count)
        return Error{"Cannot write '" + path + "': internal error (one value per feature expected)."};
    initGdal();
    GdalErrorScope errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    std::error_code ec;
    std::filesystem::remove(path, ec); // GDAL's Create does not replace every format
    detail::DatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return Error{"Cannot write '" + path + "': " + errors.lastError()};
    OGRSpatialReference srs;
    const bool haveSrs = !crs.isEmpty() && srs.SetFromUserInput(crs.definition.c_str()) == OGRERR_NONE;
    if (haveSrs)
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer(layerName.c_str(), haveSrs ? &srs : nullptr, type, nullptr);
    if (!layer)
        return Error{"Cannot write '" + path + "': " + errors.lastError()};
    if (!valueName.empty()) {
        OGRFieldDefn field(valueName.c_str(), OFTReal);
        layer->CreateField(&field);
    }
    layer->StartTransaction();
    for (std::size_t i = 0; i < count; ++i) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetGeometryDirectly(geometry(i));
        if (!valueName.empty() && !values.empty())
            feature.SetField(0, values[i]);
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            return Error{"Cannot write feature " + std::to_string(i) + " to '" + path +
                         "': " + errors.lastError()};
    }
    if (layer->CommitTransaction() != OGRERR_NONE)
        return Error{"Cannot write '" + path + "': " + errors.lastError()};
    return Status::ok();
}

} // namespace

Status writePolygons(const std::string& path, const std::string& layerName, const Crs& crs,
                     const std::vector<Polygon>& polygons, const std::string& valueName,
                     const std::vector<double>& values) {
    return write(path, layerName, crs, wkbPolygon, polygons.size(), valueName, values,
                 [&](std::size_t i) { return detail::toOgr(polygons[i]).release(); });
}

Status writeLines(const std::string& path, const std::string& layerName, const Crs& crs,
                  const std::vector<std::vector<Vec2>>& lines, const std::string& valueName,
                  const std::vector<double>& values) {
    return write(path, layerName, crs, wkbLineString, lines.size(), valueName, values, [&](std::size_t i) {
        auto* line = new OGRLineString;
        for (const Vec2& p : lines[i])
            line->addPoint(p.x, p.y);
        return static_cast<OGRGeometry*>(line);
    });
}

} // namespace gis::io
