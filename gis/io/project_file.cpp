#include "gis/io/project_file.h"

#include "gis/demo/demo_city.h"
#include "gis/io/citygml_import.h"
#include "gis/io/cityjson.h"
#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/ogr_geometry.h"
#include "gis/io/raster_io.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace gis::io {

namespace fs = std::filesystem;

namespace {
using detail::DatasetPtr;

const char* kindName(LayerKind k) {
    switch (k) {
    case LayerKind::Buildings:
        return "buildings";
    case LayerKind::Zones:
        return "zones";
    case LayerKind::Terrain:
        return "terrain";
    case LayerKind::CityModel:
        return "city_model";
    case LayerKind::Imagery:
        return "imagery";
    }
    return "";
}

// Terrain, city models and imagery are stored as references to their source files, not as tables.
bool isReferenced(LayerKind k) {
    return k == LayerKind::Terrain || k == LayerKind::CityModel || k == LayerKind::Imagery;
}

// Where a city model layer's assigned CRS and LoD are kept (urbis_meta keys; the layer row holds the source).
std::string cityModelCrsKey(const std::string& layerId) {
    return "city_model_crs:" + layerId;
}
std::string cityModelLodKey(const std::string& layerId) {
    return "city_model_lod:" + layerId;
}

std::string relativeSource(const std::string& source, const std::string& projectPath) {
    if (source.empty() || source.rfind("urbis:", 0) == 0 || !fs::path(source).is_absolute())
        return source;
    std::error_code ec;
    auto rel = fs::relative(source, fs::absolute(projectPath).parent_path(), ec);
    return !ec && !rel.empty() ? rel.string() : source;
}

std::string tableFor(const std::string& id) {
    for (const char* reserved : {"urbis_", "gpkg_", "rtree_", "sqlite_"})
        if (id.rfind(reserved, 0) == 0)
            return "l_" + id;
    return id;
}

bool fsyncPath(const std::string& path, bool directory) {
    int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::string formatView(const CameraView& v) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%.3f,%.3f,%.3f,%.4f,%.4f", v.east, v.north, v.height, v.heading, v.pitch);
    return buf;
}

std::optional<CameraView> parseView(const std::string& s) {
    CameraView v;
    if (std::sscanf(s.c_str(), "%lf,%lf,%lf,%lf,%lf", &v.east, &v.north, &v.height, &v.heading, &v.pitch) !=
        5)
        return std::nullopt;
    return v;
}

// Writes one vector layer's features; returns an error message or empty.
std::string writeFeatures(GDALDataset& ds, const Layer& layer, OGRSpatialReference* srs, Progress& progress) {
    const std::string table = tableFor(layer.id);
    char** options = CSLSetNameValue(nullptr, "FID", "fid");
    options = CSLSetNameValue(options, "SPATIAL_INDEX", "YES");
    OGRLayer* ogr = ds.CreateLayer(table.c_str(), srs, wkbPolygon, options);
    CSLDestroy(options);
    if (!ogr)
        return "cannot create table '" + table + "'";
    auto addField = [&](const char* name, OGRFieldType type) {
        OGRFieldDefn f(name, type);
        return ogr->CreateField(&f) == OGRERR_NONE;
    };
    if (layer.kind() == LayerKind::Buildings) {
        if (!addField("height", OFTReal) || !addField("base_z", OFTReal) ||
            !addField("storeys", OFTInteger) || !addField("name", OFTString) || !addField("use", OFTString))
            return "cannot create fields in '" + table + "'";
        const auto& bs = std::get<BuildingLayerData>(layer.data).buildings;
        for (std::size_t i = 0; i < bs.size(); ++i) {
            const Building& b = bs[i];
            OGRFeature f(ogr->GetLayerDefn());
            f.SetFID(b.id > 0 ? b.id : OGRNullFID);
            f.SetGeometryDirectly(detail::toOgr(b.footprint).release());
            f.SetField("height", b.height);
            f.SetField("base_z", b.baseZ);
            f.SetField("storeys", b.storeys);
            f.SetField("name", b.name.c_str());
            f.SetField("use", b.use.c_str());
            if (ogr->CreateFeature(&f) != OGRERR_NONE)
                return "cannot write building " + std::to_string(b.id) + " of layer '" + layer.name + "'";
            if (i % 4096 == 0) {
                progress.setFraction(double(i) / bs.size());
                if (progress.isCanceled())
                    return "cancelled";
            }
        }
    } else {
        if (!addField("class", OFTString) || !addField("name", OFTString))
            return "cannot create fields in '" + table + "'";
        for (const Zone& z : std::get<ZoneLayerData>(layer.data).zones) {
            OGRFeature f(ogr->GetLayerDefn());
            f.SetFID(z.id > 0 ? z.id : OGRNullFID);
            f.SetGeometryDirectly(detail::toOgr(z.area).release());
            f.SetField("class", z.landClass.c_str());
            f.SetField("name", z.name.c_str());
            if (ogr->CreateFeature(&f) != OGRERR_NONE)
                return "cannot write zone " + std::to_string(z.id) + " of layer '" + layer.name + "'";
        }
    }
    return {};
}

OGRLayer* createAttributeTable(GDALDataset& ds, const char* name,
                               const std::vector<std::pair<const char*, OGRFieldType>>& fields) {
    OGRLayer* l = ds.CreateLayer(name, nullptr, wkbNone, nullptr);
    if (!l)
        return nullptr;
    for (const auto& [n, t] : fields) {
        OGRFieldDefn f(n, t);
        if (l->CreateField(&f) != OGRERR_NONE)
            return nullptr;
    }
    return l;
}

std::string writeAll(GDALDataset& ds, const Project& project, const std::string& projectPath,
                     Progress& progress) {
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const bool haveSrs =
        !project.crs.isEmpty() && srs.SetFromUserInput(project.crs.definition.c_str()) == OGRERR_NONE;

    OGRLayer* meta = createAttributeTable(ds, "urbis_meta", {{"key", OFTString}, {"value", OFTString}});
    OGRLayer* layers = createAttributeTable(ds, "urbis_layers",
                                            {{"layer_id", OFTString},
                                             {"name", OFTString},
                                             {"kind", OFTString},
                                             {"visible", OFTInteger},
                                             {"z_order", OFTInteger},
                                             {"source", OFTString},
                                             {"table_name", OFTString},
                                             {"feature_count", OFTInteger64}});
    if (!meta || !layers)
        return "cannot create the project tables";
    if (ds.StartTransaction() != OGRERR_NONE)
        return "cannot start a transaction";
    std::map<std::string, std::string> values = {{"schema_version", std::to_string(Project::kSchemaVersion)},
                                                 {"application", "Urbis"},
                                                 {"crs", project.crs.definition},
                                                 {"title", project.title}};
    if (project.view)
        values["camera"] = formatView(*project.view);
    for (const auto& l : project.layers)
        if (const auto* c = std::get_if<CityModelLayerData>(&l.data)) {
            if (!c->sourceCrs.empty())
                values[cityModelCrsKey(l.id)] = c->sourceCrs;
            if (!c->lod.empty())
                values[cityModelLodKey(l.id)] = c->lod;
        }
    for (const auto& [k, v] : values) {
        OGRFeature f(meta->GetLayerDefn());
        f.SetField("key", k.c_str());
        f.SetField("value", v.c_str());
        if (meta->CreateFeature(&f) != OGRERR_NONE)
            return "cannot write project metadata";
    }
    for (std::size_t i = 0; i < project.layers.size(); ++i) {
        const Layer& l = project.layers[i];
        std::string source, table;
        // Paths are stored relative to the project file so a project folder can move.
        if (const auto* t = std::get_if<TerrainLayerData>(&l.data)) {
            source = relativeSource(t->source, projectPath);
        } else if (const auto* c = std::get_if<CityModelLayerData>(&l.data)) {
            source = relativeSource(c->source, projectPath);
        } else if (const auto* m = std::get_if<ImageryLayerData>(&l.data)) {
            source = relativeSource(m->source, projectPath);
        } else {
            table = tableFor(l.id);
        }
        OGRFeature f(layers->GetLayerDefn());
        f.SetField("layer_id", l.id.c_str());
        f.SetField("name", l.name.c_str());
        f.SetField("kind", kindName(l.kind()));
        f.SetField("visible", l.visible ? 1 : 0);
        f.SetField("z_order", int(i));
        f.SetField("source", source.c_str());
        f.SetField("table_name", table.c_str());
        f.SetField("feature_count", GIntBig(l.featureCount()));
        if (layers->CreateFeature(&f) != OGRERR_NONE)
            return "cannot write the layer list";
    }
    if (ds.CommitTransaction() != OGRERR_NONE)
        return "cannot commit project metadata";

    std::size_t vectorLayers = 0, done = 0;
    for (const auto& l : project.layers)
        vectorLayers += !isReferenced(l.kind());
    for (const auto& l : project.layers) {
        if (isReferenced(l.kind()))
            continue;
        SubProgress sub(progress, double(done) / vectorLayers, double(done + 1) / vectorLayers);
        progress.setMessage("Saving layer " + l.name);
        if (ds.StartTransaction() != OGRERR_NONE)
            return "cannot start a transaction";
        std::string err = writeFeatures(ds, l, haveSrs ? &srs : nullptr, sub);
        if (!err.empty())
            return err;
        if (ds.CommitTransaction() != OGRERR_NONE)
            return "cannot commit layer '" + l.name + "'";
        ++done;
    }
    return {};
}
} // namespace

Status writeProject(const Project& project, const std::string& path) {
    Progress p;
    return writeProject(project, path, p);
}

Status writeProject(const Project& project, const std::string& path, Progress& progress) {
    initGdal();
    GdalErrorScope errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return Error{"GDAL has no GeoPackage driver"};
    // Write next to the target, then rename over it: the previous file stays intact until the new one is
    // complete.
    // The temporary name keeps the .gpkg extension (GDAL warns otherwise).
    const std::string tmp = path + ".saving-" + std::to_string(::getpid()) + ".gpkg";
    std::error_code ec;
    fs::remove(tmp, ec);
    std::string err;
    {
        DatasetPtr ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            return Error{"Cannot save project '" + path + "': cannot create '" + tmp + "' (" +
                         errors.lastError() + "). Check that the folder exists and is writable."};
        }
        err = writeAll(*ds, project, path, progress);
    }
    if (err.empty() && !errors.lastError().empty())
        err = errors.lastError();
    if (err.empty() && !fsyncPath(tmp, false))
        err = "cannot flush the file to disk";
    if (!err.empty()) {
        fs::remove(tmp, ec);
        return Error{"Cannot save project '" + path + "': " + err + ". The previous file was not changed."};
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return Error{"Cannot save project '" + path + "': cannot replace the file (" + ec.message() + ")."};
    }
    fsyncPath(fs::absolute(path).parent_path().string(), true);
    return Status::ok();
}

bool isUrbisProject(const std::string& path) {
    initGdal();
    GdalErrorScope errors;
    const char* drivers[] = {"GPKG", nullptr};
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    return ds && ds->GetLayerByName("urbis_meta") != nullptr;
}

FileRole fileRole(const std::string& path) {
    if (isUrbisProject(path))
        return FileRole::Project;
    if (!detail::hasSqliteHeader(path))
        return FileRole::Data;
    initGdal();
    GdalErrorScope errors;
    DatasetPtr ds = detail::openDataset(path, GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY);
    if (!ds || detail::sqliteQuickCheck(*ds) != "ok")
        return FileRole::DamagedProject;
    return FileRole::Data;
}

namespace {
Result<Project> readLayers(GDALDataset& ds, const std::string& path, Progress& progress);
} // namespace

Result<Project> readProject(const std::string& path) {
    Progress p;
    return readProject(path, p);
}

Result<Project> readProject(const std::string& path, Progress& progress) {
    initGdal();
    GdalErrorScope errors;
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Error{"Cannot open '" + path + "': the file does not exist."};
    if (!fs::is_regular_file(path, ec))
        return Error{"Cannot open '" + path + "': it is not a file."};
    if (!detail::hasSqliteHeader(path))
        return Error{
            "Cannot open '" + path +
            "': it is not a Urbis project (not a GeoPackage). To add its data to a project, use Import."};
    const char* drivers[] = {"GPKG", nullptr};
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    if (!ds)
        return Error{"Cannot open '" + path + "': the file is damaged or not a GeoPackage (" +
                     errors.lastError() + "). The file was left untouched; restore it from a backup."};
    const std::string verdict = detail::sqliteQuickCheck(*ds);
    if (verdict != "ok")
        return Error{"Cannot open '" + path + "': the file is damaged (" +
                     (verdict.empty() ? errors.lastError() : verdict) +
                     "). The file was left untouched; restore it from a backup."};
    return readLayers(*ds, path, progress);
}

namespace {
Result<Project> readLayers(GDALDataset& ds, const std::string& path, Progress& progress) {
    GdalErrorScope errors;
    OGRLayer* meta = ds.GetLayerByName("urbis_meta");
    if (!meta)
        return Error{
            "Cannot open '" + path +
            "': it is a GeoPackage but not a Urbis project (no urbis_meta table). Use Import to add its "
            "layers to a project."};
    std::map<std::string, std::string> values;
    meta->ResetReading();
    while (OGRFeature* f = meta->GetNextFeature()) {
        values[f->GetFieldAsString("key")] = f->GetFieldAsString("value");
        OGRFeature::DestroyFeature(f);
    }
    int schema = 0;
    try {
        schema = std::stoi(values["schema_version"]);
    } catch (...) {
        return Error{"Cannot open '" + path +
                     "': the project has no valid schema_version; the file is damaged."};
    }
    if (schema > Project::kSchemaVersion)
        return Error{"Cannot open '" + path + "': it was written by a newer Urbis (project schema " +
                     std::to_string(schema) + "; this version reads up to " +
                     std::to_string(Project::kSchemaVersion) + "). Open it with a newer Urbis."};
    if (schema < 1)
        return Error{"Cannot open '" + path + "': unknown project schema " + std::to_string(schema) + "."};

    Project project;
    project.crs.definition = values["crs"];
    project.title = values["title"];
    if (auto it = values.find("camera"); it != values.end())
        project.view = parseView(it->second);

    OGRLayer* list = ds.GetLayerByName("urbis_layers");
    if (!list)
        return Error{"Cannot open '" + path +
                     "': the project has no layer list (urbis_layers); the file is damaged."};
    struct Row {
        int order;
        std::string id, name, kind, source, table;
        bool visible;
        GIntBig count;
    };
    std::vector<Row> rows;
    list->ResetReading();
    while (OGRFeature* f = list->GetNextFeature()) {
        rows.push_back({f->GetFieldAsInteger("z_order"), f->GetFieldAsString("layer_id"),
                        f->GetFieldAsString("name"), f->GetFieldAsString("kind"),
                        f->GetFieldAsString("source"), f->GetFieldAsString("table_name"),
                        f->GetFieldAsInteger("visible") != 0, f->GetFieldAsInteger64("feature_count")});
        OGRFeature::DestroyFeature(f);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.order < b.order; });

    for (std::size_t li = 0; li < rows.size(); ++li) {
        const Row& r = rows[li];
        progress.setFraction(double(li) / rows.size());
        if (progress.isCanceled())
            return Error{"Opening '" + path + "' was cancelled."};
        Layer layer;
        layer.id = r.id;
        layer.name = r.name;
        layer.visible = r.visible;
        if (r.kind == "terrain") {
            TerrainLayerData t;
            t.source = r.source;
            std::uint32_t seed;
            double size;
            if (demo::parseDemoTerrainUri(r.source, seed, size)) {
                t.dem = std::make_shared<RasterF>(demo::demoTerrain(seed, size));
            } else if (!r.source.empty()) {
                fs::path src(r.source);
                if (src.is_relative())
                    src = fs::absolute(path).parent_path() / src;
                auto dem = readDem(src.string(), project.crs, kMaxTerrainCells);
                if (dem)
                    t.dem = std::make_shared<RasterF>(std::move(dem.value().raster));
                else
                    log(LogLevel::Warning, "Project '" + path + "': terrain layer '" + r.name +
                                               "' is not shown: " + dem.error());
                t.source = src.string();
            }
            layer.data = std::move(t);
            project.layers.push_back(std::move(layer));
            continue;
        }
        if (r.kind == "imagery") {
            // Re-read into the project CRS (bounded like the import); a missing or unreadable file keeps an
            // empty layer and a warning, so that saving again does not lose the reference.
            ImageryLayerData m;
            fs::path src(r.source);
            if (src.is_relative())
                src = fs::absolute(path).parent_path() / src;
            m.source = src.string();
            if (auto read = readImagery(m.source, project.crs, kMaxImageryPixels)) {
                m.originX = read->originX;
                m.originY = read->originY;
                m.cellSize = read->cellSize;
                m.image = std::make_shared<RgbaImage>(std::move(read->image));
            } else {
                log(LogLevel::Warning,
                    "Project '" + path + "': imagery layer '" + r.name + "' is not shown: " + read.error());
            }
            layer.data = std::move(m);
            project.layers.push_back(std::move(layer));
            continue;
        }
        if (r.kind == "city_model") {
            // Re-read from the source file into the project CRS; a missing file keeps an empty layer (and a
            // warning) so that saving again does not lose the reference.
            CityModelLayerData c;
            fs::path src(r.source);
            if (src.is_relative())
                src = fs::absolute(path).parent_path() / src;
            c.source = src.string();
            c.sourceCrs = values[cityModelCrsKey(r.id)];
            c.lod = values[cityModelLodKey(r.id)];
            ImportOptions options;
            options.assumeCrs = c.sourceCrs;
            NullProgress quiet;
            auto imported = isCityGml(c.source)
                                ? importCityGml(c.source, project, options, CityGmlOptions{c.lod}, quiet)
                                : importCityJson(c.source, project, options, CityJsonOptions{c.lod}, quiet);
            if (imported && !imported->layers.empty()) {
                if (auto* read = std::get_if<CityModelLayerData>(&imported->layers.front().data)) {
                    c.objects = std::move(read->objects);
                    c.mesh = std::move(read->mesh);
                }
            } else {
                log(LogLevel::Warning, "Project '" + path + "': city model layer '" + r.name +
                                           "' is not shown: " + imported.error());
            }
            layer.data = std::move(c);
            project.layers.push_back(std::move(layer));
            continue;
        }
        OGRLayer* table = ds.GetLayerByName(r.table.c_str());
        if (!table)
            return Error{"Cannot open '" + path + "': layer '" + r.name + "' has no table '" + r.table +
                         "'; the file is damaged."};
        const bool buildings = r.kind == "buildings";
        if (!buildings && r.kind != "zones")
            return Error{"Cannot open '" + path + "': layer '" + r.name + "' has an unknown kind '" + r.kind +
                         "'."};
        BuildingLayerData bd;
        ZoneLayerData zd;
        table->ResetReading();
        while (OGRFeature* f = table->GetNextFeature()) {
            auto polys = detail::polygonsOf(f->GetGeometryRef());
            if (polys.empty()) {
                log(LogLevel::Warning, "Project '" + path + "': feature " + std::to_string(f->GetFID()) +
                                           " of layer '" + r.name + "' has no polygon and was skipped.");
            } else if (buildings) {
                Building b;
                b.id = f->GetFID();
                b.footprint = std::move(polys.front());
                b.height = f->GetFieldAsDouble("height");
                b.baseZ = f->GetFieldAsDouble("base_z");
                b.storeys = f->GetFieldAsInteger("storeys");
                b.name = f->GetFieldAsString("name");
                b.use = f->GetFieldAsString("use");
                bd.buildings.push_back(std::move(b));
            } else {
                Zone z;
                z.id = f->GetFID();
                z.area = std::move(polys.front());
                z.landClass = f->GetFieldAsString("class");
                z.name = f->GetFieldAsString("name");
                zd.zones.push_back(std::move(z));
            }
            OGRFeature::DestroyFeature(f);
        }
        if (!errors.lastError().empty())
            return Error{"Cannot open '" + path + "': reading layer '" + r.name + "' failed (" +
                         errors.lastError() + "); the file is damaged."};
        if (buildings)
            layer.data = std::move(bd);
        else
            layer.data = std::move(zd);
        project.layers.push_back(std::move(layer));
    }
    progress.setFraction(1.0);
    return project;
}
} // namespace

} // namespace gis::io
