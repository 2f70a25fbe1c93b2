#include "gis/io/dataset_info.h"

#include "gis/io/citygml_import.h"
#include "gis/io/cityjson.h"
#include "gis/io/crs_transform.h"
#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/postgis.h"
#include "gis/io/project_file.h"

#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

namespace gis::io {

using detail::hasSqliteHeader;
using detail::wktOf;

namespace fs = std::filesystem;

namespace {
std::optional<Extent> toLonLat(const Extent& e, const std::string& crs) {
    if (e.isEmpty() || crs.empty())
        return std::nullopt;
    auto t = CrsTransform::create(Crs{crs}, Crs{"EPSG:4326"});
    if (!t)
        return std::nullopt;
    Extent out = t->transform(e);
    return out.isEmpty() ? std::nullopt : std::optional<Extent>(out);
}

Result<DatasetInfo> describeProject(const std::string& path) {
    auto project = readProject(path);
    if (!project)
        return Error{project.error()};
    DatasetInfo info;
    info.path = path;
    info.driver = "GPKG";
    info.driverLongName = "GeoPackage";
    info.format = "Urbis project";
    info.schemaVersion = Project::kSchemaVersion;
    const Project& p = project.value();
    info.crs = crsIdentifier(p.crs);
    info.crsName = crsName(p.crs);
    for (const auto& l : p.layers) {
        LayerSummary s;
        s.name = l.id;
        s.featureCount = std::int64_t(l.featureCount());
        s.extent = l.extent();
        s.crs = info.crs;
        switch (l.kind()) {
        case LayerKind::Buildings:
            s.kind = "buildings";
            s.geometryType = "Polygon";
            break;
        case LayerKind::Zones:
            s.kind = "zones";
            s.geometryType = "Polygon";
            break;
        case LayerKind::Terrain:
            s.kind = "terrain";
            s.geometryType = "Raster";
            break;
        case LayerKind::CityModel:
            s.kind = "city_model";
            s.geometryType = "TIN";
            break;
        case LayerKind::Imagery:
            s.kind = "imagery";
            s.geometryType = "Raster";
            break;
        }
        s.extentLonLat = toLonLat(s.extent, p.crs.definition);
        info.extent.include(s.extent);
        info.layers.push_back(std::move(s));
    }
    info.extentLonLat = toLonLat(info.extent, p.crs.definition);
    return info;
}

Result<DatasetInfo> describeCityModel(const std::string& path, bool cityGml = false) {
    Progress progress;
    auto model = cityGml ? readCityGml(path, {}, progress) : readCityJson(path, {}, progress, true);
    if (!model)
        return Error{model.error()};
    const CityJsonModel& m = model.value();
    DatasetInfo info;
    info.path = path;
    info.driver = cityGml ? "CityGML" : "CityJSON";
    info.driverLongName = cityGml ? "CityGML" : m.sequence ? "CityJSONSeq" : "CityJSON";
    info.format = info.driverLongName + (m.version.empty() ? "" : " " + m.version);
    if (!m.crs.isEmpty()) {
        info.crs = crsIdentifier(m.crs);
        info.crsName = crsName(m.crs);
    }
    info.extent = m.extent;
    info.extentLonLat = toLonLat(m.extent, m.crs.definition);
    info.cityObjects = m.typeCounts;
    info.lods = m.lods;
    LayerSummary s;
    s.name = fs::path(path).stem().string();
    if (s.name.size() > 5 && s.name.compare(s.name.size() - 5, 5, ".city") == 0)
        s.name.resize(s.name.size() - 5);
    s.geometryType = "TIN";
    s.featureCount = 0;
    for (const auto& [type, count] : m.typeCounts)
        s.featureCount += count;
    s.extent = m.extent;
    s.extentLonLat = info.extentLonLat;
    s.crs = info.crs;
    s.kind = "city_model";
    info.layers.push_back(std::move(s));
    return info;
}
} // namespace

Result<DatasetInfo> describeDataset(const std::string& path) {
    initGdal();
    GdalErrorScope errors;
    std::error_code ec;
    const bool postgis = isPostgisConnection(path); // a database, not a file
    if (!postgis && !fs::exists(path, ec))
        return Error{"'" + path + "' does not exist."};
    if (!postgis && fs::is_directory(path, ec))
        return Error{"'" + path + "' is a folder, not a dataset."};
    if (!postgis && isCityJson(path)) // before GDAL, which would describe it as GeoJSON
        return describeCityModel(path);
    if (!postgis && isCityGml(path)) // before GDAL, whose GML driver sees no geometry in CityGML buildings
        return describeCityModel(path, true);
    if (!postgis && isUrbisProject(path))
        return describeProject(path);

    const char* pgDrivers[] = {"PostgreSQL", nullptr}; // not PostGISRaster, which also takes "PG:"
    detail::DatasetPtr ds =
        postgis ? detail::openDataset(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, pgDrivers)
                : detail::openDataset(path, GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY);
    if (!ds && postgis)
        return Error{"Cannot connect to PostgreSQL at " + describePostgisConnection(path) +
                     (errors.lastError().empty() ? std::string() : " (" + errors.lastError() + ")") +
                     ". Check that the server is running and accepts connections there, that the "
                     "database exists, and the user name and password."};
    if (!ds && hasSqliteHeader(path))
        return Error{"'" + path + "' is a damaged SQLite/GeoPackage file (" +
                     (errors.lastError().empty() ? std::string("it cannot be opened") : errors.lastError()) +
                     "); restore it from a backup."};
    if (!ds)
        return Error{"'" + path + "' is not a dataset GDAL can read" +
                     (errors.lastError().empty() ? std::string(" (unknown or damaged format)")
                                                 : " (" + errors.lastError() + ")") +
                     "."};
    DatasetInfo info;
    info.path = isPostgisConnection(path) ? redactPassword(path) : path;
    info.driver = ds->GetDriver()->GetDescription();
    info.driverLongName = ds->GetDriver()->GetMetadataItem(GDAL_DMD_LONGNAME);
    info.format = info.driverLongName;

    if (info.driver == "GPKG" || info.driver == "SQLite") {
        const std::string verdict = detail::sqliteQuickCheck(*ds);
        if (verdict != "ok")
            return Error{"'" + path + "' is damaged (" + (verdict.empty() ? errors.lastError() : verdict) +
                         ")."};
        if (!errors.lastError().empty())
            return Error{"'" + path + "' is damaged (" + errors.lastError() + ")."};
    }

    if (ds->GetRasterCount() > 0) {
        info.rasterWidth = ds->GetRasterXSize();
        info.rasterHeight = ds->GetRasterYSize();
        info.rasterBands = ds->GetRasterCount();
        std::string wkt = wktOf(ds->GetSpatialRef());
        info.crs = wkt.empty() ? "" : crsIdentifier(Crs{wkt});
        info.crsName = wkt.empty() ? "" : crsName(Crs{wkt});
        LayerSummary s;
        double gt[6];
        if (ds->GetGeoTransform(gt) == CE_None) {
            s.extent.include(gt[0], gt[3]);
            s.extent.include(gt[0] + gt[1] * info.rasterWidth + gt[2] * info.rasterHeight,
                             gt[3] + gt[4] * info.rasterWidth + gt[5] * info.rasterHeight);
        }
        s.name = fs::path(path).stem().string();
        s.geometryType = "Raster";
        s.featureCount = 1;
        s.crs = info.crs;
        s.extentLonLat = toLonLat(s.extent, wkt);
        info.layers.push_back(std::move(s));
    }

    std::string datasetWkt;
    for (int i = 0; i < ds->GetLayerCount(); ++i) {
        OGRLayer* l = ds->GetLayer(i);
        LayerSummary s;
        s.name = l->GetName();
        s.geometryType = OGRGeometryTypeToName(l->GetGeomType());
        s.featureCount = l->GetFeatureCount(TRUE);
        OGREnvelope env;
        if (l->GetGeomType() != wkbNone && l->GetExtent(&env, TRUE) == OGRERR_NONE) {
            s.extent.include(env.MinX, env.MinY);
            s.extent.include(env.MaxX, env.MaxY);
        }
        std::string wkt = wktOf(l->GetSpatialRef());
        if (!wkt.empty()) {
            s.crs = crsIdentifier(Crs{wkt});
            s.extentLonLat = toLonLat(s.extent, wkt);
            if (datasetWkt.empty())
                datasetWkt = wkt;
        }
        info.layers.push_back(std::move(s));
    }
    if (!datasetWkt.empty() && info.crs.empty()) {
        info.crs = crsIdentifier(Crs{datasetWkt});
        info.crsName = crsName(Crs{datasetWkt});
    }
    // Layers may be in different CRSs (a GeoPackage with a raster in another CRS): the native extent covers
    // the layers in the dataset CRS; the lon/lat extent covers every layer that could be placed.
    Extent lonLat;
    for (const auto& l : info.layers) {
        if (l.crs == info.crs)
            info.extent.include(l.extent);
        if (l.extentLonLat)
            lonLat.include(*l.extentLonLat);
    }
    if (!lonLat.isEmpty())
        info.extentLonLat = lonLat;
    if (!errors.lastError().empty() && info.layers.empty())
        return Error{"'" + path + "' could not be read: " + errors.lastError() + "."};
    return info;
}

} // namespace gis::io
