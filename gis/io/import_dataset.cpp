#include "gis/io/import_dataset.h"

#include "gis/io/citygml_import.h"
#include "gis/io/cityjson.h"
#include "gis/io/crs_transform.h"
#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/import_common.h"
#include "gis/io/ogr_geometry.h"
#include "gis/io/postgis.h"
#include "gis/io/raster_io.h"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include <iconv.h>

namespace gis::io {

using detail::wktOf;

namespace fs = std::filesystem;

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Whether two CRS definitions (EPSG codes, WKT, PROJ strings) describe the same CRS.
bool sameCrs(const Crs& a, const Crs& b) {
    if (a.definition == b.definition)
        return true;
    OGRSpatialReference sa, sb;
    return sa.SetFromUserInput(a.definition.c_str()) == OGRERR_NONE &&
           sb.SetFromUserInput(b.definition.c_str()) == OGRERR_NONE && sa.IsSame(&sb);
}

} // namespace

namespace detail {

double minGround(const Project& project, const Polygon& p) {
    if (!project.terrain())
        return 0;
    double z = 1e18;
    for (const auto& v : p.outer)
        z = std::min(z, project.groundHeight(v.x, v.y));
    return z < 1e17 ? z : 0;
}

// Decides the project CRS for a dataset CRS: the project's; else the dataset's when it is projected in true
// metres; else (lon/lat, Web Mercator) the UTM zone at the centre of `extent` (in the dataset CRS), so that
// lengths, areas and heights are real metres.
Result<Crs> targetCrs(const Project& project, const Crs& dataCrs, const Extent& extent,
                      const std::string& path) {
    if (!project.crs.isEmpty())
        return project.crs;
    if (dataCrs.isEmpty())
        return Error{"'" + path +
                     "' has no coordinate reference system; give one (CLI: --assume-crs EPSG:xxxx)."};
    if (isProjectedMetric(dataCrs) && !isWebMercator(dataCrs))
        return dataCrs;
    auto toLonLat = CrsTransform::create(dataCrs, Crs{"EPSG:4326"});
    Vec2 centre = extent.center();
    if (!toLonLat || extent.isEmpty() || !toLonLat->transform(centre))
        return Error{"'" + path + "' is in '" + crsName(dataCrs) +
                     "', which is not a projected CRS in metres, and its extent cannot be placed; create the "
                     "project in a projected CRS first (e.g. the local UTM or Gauss-Kruger zone)."};
    return utmZoneFor(centre.x, centre.y);
}

} // namespace detail

using detail::minGround;
using detail::targetCrs;

namespace {
Result<ImportReport> readDataset(const std::string& source, const Project& project,
                                 const ImportOptions& options, Progress& progress);
} // namespace

Result<ImportReport> importDataset(const std::string& source, const Project& project,
                                   const ImportOptions& options, Progress& progress) {
    auto report = readDataset(source, project, options, progress);
    if (report) {
        const Crs crs = project.crs.isEmpty() ? report->datasetCrs : project.crs;
        for (auto& w : placementWarnings(project, report->layers, crs))
            report->warnings.push_back(std::move(w));
    }
    return report;
}

std::vector<std::string> placementWarnings(const Project& project, const std::vector<Layer>& layers,
                                           const Crs& crs) {
    std::vector<std::string> warnings;
    auto toLonLat = CrsTransform::create(crs, Crs{"EPSG:4326"});
    for (const Layer& layer : layers) {
        const Extent e = layer.extent();
        if (e.isEmpty())
            continue;
        std::string where;
        if (toLonLat) {
            const Extent ll = toLonLat->transform(e);
            if (!ll.isEmpty()) {
                char buf[160];
                std::snprintf(buf, sizeof buf, "lon %.5f..%.5f, lat %.5f..%.5f", ll.minX, ll.maxX, ll.minY,
                              ll.maxY);
                where = buf;
            }
        }
        const Extent rest = project.extent();
        if (rest.isEmpty())
            continue;
        // Distance between the two extents (0 when they overlap), in project metres.
        const double dx = std::max({0.0, rest.minX - e.maxX, e.minX - rest.maxX});
        const double dy = std::max({0.0, rest.minY - e.maxY, e.minY - rest.maxY});
        const double km = std::hypot(dx, dy) / 1000.0;
        if (km <= 50.0)
            continue;
        char buf[96];
        std::snprintf(buf, sizeof buf, "%.0f km", km);
        warnings.push_back(
            "Layer '" + layer.name + "' lands " + buf + " from the rest of the project" +
            (where.empty() ? std::string() : " (" + where + ")") +
            ". Likely causes: swapped axis order (latitude/longitude given as x/y), or a wrong or "
            "missing CRS on the dataset; check it with 'urbis-cli info' and re-import with the right "
            "--assume-crs.");
    }
    return warnings;
}

namespace {
// What a file's extension promises, for the formats where that is certain: a PNG renamed to .geojson must be
// refused as "not GeoJSON", not imported as an image.
struct Promise {
    const char* ext;
    const char* format;
    std::initializer_list<const char*> drivers;
};
const Promise kPromises[] = {
    {".geojson", "GeoJSON", {"GeoJSON", "GeoJSONSeq"}},
    {".json", "JSON (GeoJSON, TopoJSON, Esri JSON)", {"GeoJSON", "GeoJSONSeq", "TopoJSON", "ESRIJSON"}},
    {".shp", "an ESRI Shapefile", {"ESRI Shapefile"}},
    {".gpkg", "a GeoPackage", {"GPKG"}},
    {".fgb", "FlatGeobuf", {"FlatGeobuf"}},
    {".kml", "KML", {"KML", "LIBKML"}},
    {".tif", "a GeoTIFF", {"GTiff", "COG"}},
    {".tiff", "a GeoTIFF", {"GTiff", "COG"}},
};

std::string extensionMismatch(const std::string& path, const std::string& driver,
                              const std::string& driverLongName) {
    const std::string ext = lower(fs::path(path).extension().string());
    for (const auto& p : kPromises) {
        if (ext != p.ext)
            continue;
        for (const char* d : p.drivers)
            if (driver == d)
                return {};
        return "Cannot import '" + path + "': its name says " + p.format + ", but the content is " +
               driverLongName + " (GDAL driver " + driver +
               "). Check that this is the file you meant, or give it the right extension.";
    }
    return {};
}

// An encoding name iconv (GDAL's recoder) knows.
bool knownEncoding(const std::string& encoding) {
    const iconv_t cd = iconv_open("UTF-8", encoding.c_str());
    if (cd == iconv_t(-1))
        return false;
    iconv_close(cd);
    return true;
}

Result<ImportReport> readDataset(const std::string& source, const Project& project,
                                 const ImportOptions& options, Progress& progress) {
    initGdal();
    GdalErrorScope errors;
    std::error_code ec;
    const bool postgis = isPostgisConnection(source); // a database, not a file; "tables=a,b" selects tables
    // Messages and warnings name the source without its password; only GDAL sees the full connection string.
    const std::string path = postgis ? redactPassword(source) : source;
    if (!postgis && !fs::exists(path, ec))
        return Error{"Cannot import '" + path + "': the file does not exist."};
    if (!postgis && fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
        return Error{"Cannot import '" + path + "': the file is empty (0 bytes)."};
    if (!postgis && isCityJson(path)) // before GDAL, which would open it as GeoJSON
        return importCityJson(path, project, options, {}, progress);
    if (!postgis &&
        isCityGml(path)) // before GDAL, whose GML driver loses the semantics and boundary surfaces
        return importCityGml(path, project, options, {}, progress);
    const char* pgDrivers[] = {"PostgreSQL", nullptr}; // not PostGISRaster, which also takes "PG:"
    detail::DatasetPtr ds;
    std::string openMessages; // GDAL parses small GeoJSON files while opening: its warnings come here
    {
        detail::CaptureMessages messages;
        ds = postgis ? detail::openDataset(source, GDAL_OF_VECTOR | GDAL_OF_READONLY, pgDrivers)
                     : detail::openDataset(path, GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY);
        openMessages = messages.text();
    }
    if (!ds && postgis)
        return Error{"Cannot read from PostgreSQL at " + describePostgisConnection(path) +
                     (openMessages.empty() ? std::string() : " (" + openMessages + ")") +
                     ". Check that the server is running and accepts connections there, that the "
                     "database exists, and the user name and password."};
    if (!ds)
        return Error{"Cannot import '" + path + "': not a dataset GDAL can read (" +
                     (openMessages.empty() ? std::string("unknown format") : openMessages) +
                     "); the file may be damaged, truncated, or of another type than its name says."};
    const std::string driver = ds->GetDriver()->GetDescription();
    if (!postgis) {
        const char* longName = ds->GetDriver()->GetMetadataItem(GDAL_DMD_LONGNAME);
        if (auto mismatch = extensionMismatch(path, driver, longName ? longName : driver); !mismatch.empty())
            return Error{mismatch};
    }
    if (driver == "OSM") {
        ds.reset();
        return importOsm(path, project, options, progress);
    }
    if (!options.encoding.empty() && driver == "ESRI Shapefile") {
        if (!knownEncoding(options.encoding))
            return Error{"Cannot import '" + path + "': the encoding '" + options.encoding +
                         "' is not known (examples: CP936 or GBK for Chinese, UTF-8, CP1252, ISO-8859-1)."};
        const std::string encodingOption = "ENCODING=" + options.encoding;
        const char* openOptions[] = {encodingOption.c_str(), nullptr};
        const char* shapeDriver[] = {"ESRI Shapefile", nullptr};
        ds.reset(static_cast<GDALDataset*>(
            GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, shapeDriver, openOptions, nullptr)));
        if (!ds)
            return Error{"Cannot import '" + path + "' with the encoding '" + options.encoding + "'" +
                         (errors.lastError().empty() ? std::string() : " (" + errors.lastError() + ")") +
                         "."};
    }
    ImportReport report;
    // Unclosed rings are found and reported per feature; other warnings of the opening are passed on.
    if (!openMessages.empty() && openMessages.find("Non closed ring") == std::string::npos)
        report.warnings.push_back("'" + path + "': GDAL: " + openMessages);
    Project scratch; // only for unique ids across the layers we create
    for (const auto& l : project.layers) {
        Layer idOnly;
        idOnly.id = l.id;
        scratch.layers.push_back(std::move(idOnly));
    }
    const std::string stem = postgis ? std::string() : fs::path(path).stem().string();

    if (ds->GetRasterCount() > 0 && ds->GetLayerCount() == 0) {
        Crs dataCrs{wktOf(ds->GetSpatialRef())};
        if (dataCrs.isEmpty())
            dataCrs.definition = options.assumeCrs;
        Extent rasterExtent;
        double gt[6];
        if (ds->GetGeoTransform(gt) != CE_None)
            return Error{"Cannot import '" + path + "': it is an image (" + driver +
                         ") without georeferencing (no geotransform or world file), so it cannot be placed "
                         "on the map; georeference it first (e.g. with QGIS's Georeferencer)."};
        rasterExtent.include(gt[0], gt[3]);
        rasterExtent.include(gt[0] + gt[1] * ds->GetRasterXSize(), gt[3] + gt[5] * ds->GetRasterYSize());
        auto target = targetCrs(project, dataCrs, rasterExtent, path);
        if (!target)
            return Error{target.error()};
        if (detail::isImageryDataset(*ds)) {
            // Colour images (orthophotos, scanned plans) are draped on the terrain, not read as heights.
            // An image without a CRS of its own is placed as it is (also when the project is re-opened),
            // which is right only when the assumed CRS is the project's.
            const bool ownCrs = ds->GetSpatialRef() != nullptr;
            ds.reset();
            if (!ownCrs && !sameCrs(dataCrs, target.value()))
                return Error{"Cannot import '" + path +
                             "': the image has no CRS of its own and the assumed " + crsName(dataCrs) +
                             " is not the project's " + crsName(target.value()) +
                             ", so it would have to be reprojected every time the project opens. Give the "
                             "image its CRS (gdal_edit.py -a_srs EPSG:xxxx FILE, or a .prj file next to its "
                             "world file) and import it again."};
            auto imagery = readImagery(path, target.value(), kMaxImageryPixels);
            if (!imagery)
                return Error{imagery.error()};
            if (imagery->decimation > 1) {
                char pixel[32];
                std::snprintf(pixel, sizeof pixel, "%.2f m", imagery->cellSize);
                report.warnings.push_back(
                    "'" + path + "': the image has " + std::to_string(imagery->sourceWidth) + " x " +
                    std::to_string(imagery->sourceHeight) + " pixels; it was read averaged over " +
                    std::to_string(imagery->decimation) + " x " + std::to_string(imagery->decimation) +
                    " pixels (" + pixel +
                    " each) so that memory stays bounded. Clip it to the area of interest "
                    "(gdal_translate -projwin) to keep the full resolution.");
            }
            report.datasetCrs = target.value();
            Layer layer;
            layer.id = scratch.uniqueLayerId(stem);
            layer.name = stem;
            ImageryLayerData data;
            data.source = fs::absolute(path).string();
            data.originX = imagery->originX;
            data.originY = imagery->originY;
            data.cellSize = imagery->cellSize;
            data.image = std::make_shared<RgbaImage>(std::move(imagery->image));
            layer.data = std::move(data);
            report.layers.push_back(std::move(layer));
            progress.setFraction(1.0);
            return report;
        }
        ds.reset();
        auto dem = readDem(path, target.value(), kMaxTerrainCells);
        if (!dem)
            return Error{dem.error()};
        if (dem->decimation > 1)
            report.warnings.push_back(
                "'" + path + "': the DEM has " + std::to_string(dem->sourceWidth) + " x " +
                std::to_string(dem->sourceHeight) + " cells; it was read averaged over " +
                std::to_string(dem->decimation) + " x " + std::to_string(dem->decimation) + " cells (" +
                std::to_string(dem->raster.cellSize) +
                " m) so that memory stays bounded. Clip it to the "
                "area of interest (gdal_translate -projwin) to keep the full resolution.");
        report.datasetCrs = target.value();
        Layer layer;
        layer.id = scratch.uniqueLayerId(stem);
        layer.name = stem;
        layer.data =
            TerrainLayerData{fs::absolute(path).string(), std::make_shared<RasterF>(std::move(dem->raster))};
        report.layers.push_back(std::move(layer));
        return report;
    }

    const int layerCount = ds->GetLayerCount();
    std::set<std::string> fieldsFound;
    for (int li = 0; li < layerCount; ++li) {
        const detail::VectorSource src{path, stem, postgis, li, layerCount};
        if (auto status = detail::importVectorLayer(*ds->GetLayer(li), src, project, options, report, scratch,
                                                    fieldsFound, progress);
            !status)
            return Error{status.error()};
    }
    // A field the user named that no layer has is a mistake to point out, not a reason to guess.
    const std::pair<const char*, const std::string*> named[] = {{"height", &options.heightField},
                                                                {"storey", &options.levelsField},
                                                                {"base height", &options.baseField},
                                                                {"class", &options.classField},
                                                                {"name", &options.nameField}};
    for (const auto& [role, field] : named) {
        if (field->empty() || *field == kNoField || fieldsFound.count(*field))
            continue;
        std::string fields;
        if (layerCount > 0) {
            OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
            for (int i = 0; i < defn->GetFieldCount() && i < 30; ++i)
                fields += std::string(i ? ", " : "") + defn->GetFieldDefn(i)->GetNameRef();
        }
        return Error{"Cannot import '" + path + "': it has no field '" + *field + "' (given as the " + role +
                     " field). Its fields are: " + (fields.empty() ? std::string("(none)") : fields) +
                     ". Field names are case-sensitive."};
    }
    if (report.layers.empty()) {
        std::string why;
        for (const auto& w : report.warnings)
            why += " " + w;
        return Error{"Cannot import '" + path + "': it has no polygon or raster layer Urbis can use." + why};
    }
    progress.setFraction(1.0);
    return report;
}
} // namespace

} // namespace gis::io
