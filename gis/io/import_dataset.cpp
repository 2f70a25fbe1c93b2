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

namespace gis::io {

using detail::wktOf;

namespace fs = std::filesystem;

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// First field whose (lower-case) name is one of `names`, in the order of `names`; -1 if none.
int findField(OGRFeatureDefn* defn, std::initializer_list<const char*> names, const std::string& forced) {
    if (!forced.empty())
        return defn->GetFieldIndex(forced.c_str());
    for (const char* n : names)
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (lower(defn->GetFieldDefn(i)->GetNameRef()) == n)
                return i;
    return -1;
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
    if (!postgis && isCityJson(path)) // before GDAL, which would open it as GeoJSON
        return importCityJson(path, project, options, {}, progress);
    if (!postgis &&
        isCityGml(path)) // before GDAL, whose GML driver loses the semantics and boundary surfaces
        return importCityGml(path, project, options, {}, progress);
    const char* pgDrivers[] = {"PostgreSQL", nullptr}; // not PostGISRaster, which also takes "PG:"
    detail::DatasetPtr ds =
        postgis ? detail::openDataset(source, GDAL_OF_VECTOR | GDAL_OF_READONLY, pgDrivers)
                : detail::openDataset(path, GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY);
    if (!ds && postgis)
        return Error{"Cannot read from PostgreSQL at " + describePostgisConnection(path) +
                     (errors.lastError().empty() ? std::string() : " (" + errors.lastError() + ")") +
                     ". Check that the server is running and accepts connections there, that the "
                     "database exists, and the user name and password."};
    if (!ds)
        return Error{"Cannot import '" + path + "': not a dataset GDAL can read" +
                     (errors.lastError().empty() ? std::string() : " (" + errors.lastError() + ")") + "."};
    if (std::string(ds->GetDriver()->GetDescription()) == "OSM") {
        ds.reset();
        return importOsm(path, project, options, progress);
    }
    ImportReport report;
    Project scratch; // only for unique ids across the layers we create
    scratch.layers = project.layers;
    const std::string stem = postgis ? std::string() : fs::path(path).stem().string();

    if (ds->GetRasterCount() > 0 && ds->GetLayerCount() == 0) {
        Crs dataCrs{wktOf(ds->GetSpatialRef())};
        if (dataCrs.isEmpty())
            dataCrs.definition = options.assumeCrs;
        Extent rasterExtent;
        double gt[6];
        if (ds->GetGeoTransform(gt) == CE_None) {
            rasterExtent.include(gt[0], gt[3]);
            rasterExtent.include(gt[0] + gt[1] * ds->GetRasterXSize(), gt[3] + gt[5] * ds->GetRasterYSize());
        }
        auto target = targetCrs(project, dataCrs, rasterExtent, path);
        if (!target)
            return Error{target.error()};
        ds.reset();
        auto dem = readDem(path, target.value());
        if (!dem)
            return Error{dem.error()};
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
    for (int li = 0; li < layerCount; ++li) {
        OGRLayer* ogr = ds->GetLayer(li);
        const std::string lname = ogr->GetName();
        const auto gtype = wkbFlatten(ogr->GetGeomType());
        if (gtype != wkbPolygon && gtype != wkbMultiPolygon && gtype != wkbUnknown &&
            gtype != wkbCurvePolygon && gtype != wkbMultiSurface) {
            report.warnings.push_back("'" + path + "', layer '" + lname +
                                      "': " + OGRGeometryTypeToName(gtype) +
                                      " features are not polygons and were not imported.");
            continue;
        }
        Crs dataCrs{wktOf(ogr->GetSpatialRef())};
        if (dataCrs.isEmpty())
            dataCrs.definition = options.assumeCrs;
        Extent layerExtent;
        if (OGREnvelope env; ogr->GetExtent(&env, TRUE) == OGRERR_NONE) {
            layerExtent.include(env.MinX, env.MinY);
            layerExtent.include(env.MaxX, env.MaxY);
        }
        auto target =
            targetCrs(report.datasetCrs.isEmpty() ? project : Project{report.datasetCrs, {}, {}, {}}, dataCrs,
                      layerExtent, path);
        if (!target)
            return Error{target.error()};
        if (dataCrs.isEmpty())
            return Error{"Cannot import '" + path + "', layer '" + lname +
                         "': it has no coordinate reference system; give one (CLI: --assume-crs EPSG:xxxx)."};
        report.datasetCrs = target.value();
        auto transform = CrsTransform::create(dataCrs, target.value());
        if (!transform)
            return Error{"Cannot import '" + path + "', layer '" + lname + "': " + transform.error()};

        OGRFeatureDefn* defn = ogr->GetLayerDefn();
        const int heightField =
            findField(defn, {"height", "building_height", "measuredheight", "hoehe", "高度", "建筑高度"},
                      options.heightField);
        const int levelsField = findField(
            defn,
            {"building:levels", "building_levels", "levels", "storeys", "stories", "floors", "层数", "floor"},
            options.levelsField);
        const int classField = findField(
            defn, {"class", "landclass", "land_class", "zone", "zoning", "landuse", "用地性质", "用地代码"},
            {});
        const int nameField = findField(defn, {"name", "名称"}, {});
        // Without a height, storey or class field the layer name decides; the full import asks the user.
        const std::string lowerName = lower(lname + " " + stem);
        bool namedLikeBuildings = false;
        for (const char* word : {"build", "bldg", "footprint", "house", "建筑", "房屋"})
            namedLikeBuildings |= lowerName.find(word) != std::string::npos;
        const bool asBuildings =
            heightField >= 0 || levelsField >= 0 || (classField < 0 && namedLikeBuildings);

        BuildingLayerData buildings;
        ZoneLayerData zones;
        std::int64_t defaulted = 0, skipped = 0, repaired = 0;
        const GIntBig total = std::max<GIntBig>(1, ogr->GetFeatureCount(FALSE));
        GIntBig n = 0;
        ogr->ResetReading();
        while (OGRFeature* f = ogr->GetNextFeature()) {
            std::unique_ptr<OGRFeature, void (*)(OGRFeature*)> guard(f, OGRFeature::DestroyFeature);
            if (++n % 1024 == 0) {
                progress.setFraction((li + double(n) / total) / layerCount);
                if (progress.isCanceled())
                    return Error{"Import of '" + path + "' was cancelled; the project was not changed."};
            }
            std::unique_ptr<OGRGeometry> geom(f->StealGeometry());
            if (geom && !geom->IsValid()) {
                std::unique_ptr<OGRGeometry> fixed(geom->MakeValid());
                if (fixed) {
                    geom = std::move(fixed);
                    if (++repaired <= 20)
                        report.warnings.push_back(
                            "'" + path + "', layer '" + lname + "', feature " + std::to_string(f->GetFID()) +
                            ": invalid geometry (e.g. self-intersection) was repaired.");
                }
            }
            auto polys = detail::polygonsOf(geom.get());
            if (polys.empty()) {
                ++skipped;
                if (asBuildings) {
                    ++report.heights.buildings;
                    ++report.heights.skipped;
                }
                if (skipped <= 20)
                    report.warnings.push_back("'" + path + "', layer '" + lname + "', feature " +
                                              std::to_string(f->GetFID()) + ": no usable polygon; skipped.");
                continue;
            }
            bool transformed = true;
            for (auto& p : polys) {
                for (auto& v : p.outer)
                    transformed &= transform->transform(v);
                for (auto& h : p.holes)
                    for (auto& v : h)
                        transformed &= transform->transform(v);
                normalizeOrientation(p);
            }
            if (!transformed) {
                ++skipped;
                if (asBuildings) {
                    ++report.heights.buildings;
                    ++report.heights.skipped;
                }
                report.warnings.push_back("'" + path + "', layer '" + lname + "', feature " +
                                          std::to_string(f->GetFID()) + ": cannot be reprojected; skipped.");
                continue;
            }
            const std::string name = nameField >= 0 ? f->GetFieldAsString(nameField) : "";
            if (asBuildings) {
                double h = heightField >= 0 && f->IsFieldSetAndNotNull(heightField)
                               ? f->GetFieldAsDouble(heightField)
                               : 0;
                int levels = levelsField >= 0 && f->IsFieldSetAndNotNull(levelsField)
                                 ? f->GetFieldAsInteger(levelsField)
                                 : 0;
                ++report.heights.buildings;
                const bool hasHeight = h > 0 && h <= 1000;
                if (!hasHeight && levels > 0)
                    h = levels * options.storeyHeight;
                if (!(h > 0 && h <= 1000)) {
                    if (h != 0 && defaulted < 20)
                        report.warnings.push_back(
                            "'" + path + "', layer '" + lname + "', feature " + std::to_string(f->GetFID()) +
                            ": height " + std::to_string(h) + " m is not plausible; the default was used.");
                    h = options.defaultHeight;
                    ++defaulted;
                    ++report.heights.defaulted;
                } else {
                    ++(hasHeight ? report.heights.withHeight : report.heights.withLevels);
                }
                for (auto& p : polys) {
                    Building b;
                    b.id = f->GetFID() > 0 ? f->GetFID() : std::int64_t(buildings.buildings.size() + 1);
                    b.baseZ = minGround(project, p);
                    b.footprint = std::move(p);
                    b.height = h;
                    b.storeys = levels;
                    b.name = name;
                    buildings.buildings.push_back(std::move(b));
                }
            } else {
                for (auto& p : polys) {
                    Zone z;
                    z.id = f->GetFID() > 0 ? f->GetFID() : std::int64_t(zones.zones.size() + 1);
                    z.area = std::move(p);
                    z.landClass = classField >= 0 ? f->GetFieldAsString(classField) : "";
                    z.name = name;
                    zones.zones.push_back(std::move(z));
                }
            }
        }
        if (defaulted > 0)
            report.warnings.push_back("'" + path + "', layer '" + lname + "': " + std::to_string(defaulted) +
                                      " building(s) had no usable height; the default of " +
                                      std::to_string(int(options.defaultHeight)) + " m was applied.");
        if (repaired > 20)
            report.warnings.push_back("'" + path + "', layer '" + lname + "': " + std::to_string(repaired) +
                                      " invalid geometries were repaired in all.");
        if (skipped > 0)
            report.warnings.push_back("'" + path + "', layer '" + lname + "': " + std::to_string(skipped) +
                                      " feature(s) skipped in all.");
        Layer layer;
        const bool byFile = layerCount == 1 && !postgis; // database layers are named after their tables
        layer.id = scratch.uniqueLayerId(byFile ? stem : lname);
        layer.name = byFile ? stem : lname;
        if (asBuildings)
            layer.data = std::move(buildings);
        else
            layer.data = std::move(zones);
        if (layer.featureCount() == 0) {
            report.warnings.push_back("'" + path + "', layer '" + lname + "': no feature could be imported.");
            continue;
        }
        scratch.layers.push_back(layer);
        report.layers.push_back(std::move(layer));
    }
    if (report.layers.empty())
        return Error{"Cannot import '" + path + "': it has no polygon or raster layer Urbis can use" +
                     (report.warnings.empty() ? std::string(".") : ": " + report.warnings.front())};
    progress.setFraction(1.0);
    return report;
}
} // namespace

} // namespace gis::io
