#include "gis/io/import_preview.h"

#include "gis/io/citygml_import.h"
#include "gis/io/cityjson.h"
#include "gis/io/crs_transform.h"
#include "gis/io/dataset_info.h"
#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/import_common.h"
#include "gis/io/postgis.h"
#include "gis/io/raster_io.h"
#include "gis/resources.h"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace gis::io {

namespace fs = std::filesystem;

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// A field named in ImportOptions: kNoField is none.
std::string named(const std::string& option) {
    return option == kNoField ? std::string() : option;
}

// The fields importDataset uses under `options`: the named ones, else the guesses. Naming the height or the
// storey field chooses the height source, so the other one is then not guessed.
FieldMapping chosenMapping(const ImportOptions& options, const FieldMapping& guessed) {
    auto roleField = [](const std::string& option, const std::string& guess) {
        return option.empty() ? guess : named(option);
    };
    const bool heightNamed = !options.heightField.empty() || !options.levelsField.empty();
    return {heightNamed ? named(options.heightField) : guessed.height,
            heightNamed ? named(options.levelsField) : guessed.levels,
            roleField(options.baseField, guessed.base), roleField(options.classField, guessed.zoneClass),
            roleField(options.nameField, guessed.name)};
}

std::string text(OGRFeature* f, int field) {
    return field >= 0 && f->IsFieldSetAndNotNull(field) ? std::string(f->GetFieldAsString(field))
                                                        : std::string();
}

void countChoice(PreviewCounts& c, const detail::HeightChoice& choice) {
    ++c.buildings;
    switch (choice.source) {
    case detail::HeightChoice::Source::Height:
        ++c.withHeight;
        break;
    case detail::HeightChoice::Source::Levels:
        ++c.withLevels;
        break;
    case detail::HeightChoice::Source::Default:
        ++c.defaulted;
        break;
    }
}

// importDataset's rule for a layer without height, storey or class field: its name decides.
bool namedLikeBuildings(const std::string& layerName, const std::string& stem) {
    const std::string name = lower(layerName + " " + stem);
    for (const char* word : {"build", "bldg", "footprint", "house", "建筑", "房屋"})
        if (name.find(word) != std::string::npos)
            return true;
    return false;
}

bool isImportedGeometry(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbUnknown || flat == wkbCurvePolygon ||
           flat == wkbMultiSurface;
}

// Reads only `keep` fields (no geometry, no style) while it lives: GDAL then skips decoding the rest, which
// is what makes counting 100k GeoPackage features take milliseconds rather than seconds.
class IgnoreOtherFields {
public:
    IgnoreOtherFields(OGRLayer* layer, const std::set<int>& keep) : mLayer(layer) {
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        std::vector<std::string> names;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (!keep.count(i))
                names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
        names.emplace_back("OGR_GEOMETRY");
        names.emplace_back("OGR_STYLE");
        std::vector<const char*> list;
        for (const auto& n : names)
            list.push_back(n.c_str());
        list.push_back(nullptr);
        layer->SetIgnoredFields(list.data());
    }
    ~IgnoreOtherFields() { mLayer->SetIgnoredFields(nullptr); }
    IgnoreOtherFields(const IgnoreOtherFields&) = delete;
    IgnoreOtherFields& operator=(const IgnoreOtherFields&) = delete;

private:
    OGRLayer* mLayer;
};

void addCounts(PreviewCounts& total, const PreviewCounts& c) {
    total.buildings += c.buildings;
    total.withHeight += c.withHeight;
    total.withLevels += c.withLevels;
    total.defaulted += c.defaulted;
    total.zones += c.zones;
}

// Counts one GDAL layer under `mapping`, as importDataset would classify its features (with its own height
// decision, detail::chooseHeight, so that the preview and the import report agree).
void countLayer(OGRLayer* ogr, LayerPreview& layer, const FieldMapping& mapping, const std::string& stem,
                const ImportOptions& options) {
    OGRFeatureDefn* defn = ogr->GetLayerDefn();
    auto index = [&](const std::string& name) {
        return name.empty() ? -1 : defn->GetFieldIndex(name.c_str());
    };
    const int height = index(mapping.height);
    const int levels = index(mapping.levels);
    const int base = index(mapping.base);
    const int zoneClass = index(mapping.zoneClass);
    layer.asBuildings =
        height >= 0 || levels >= 0 || base >= 0 || (zoneClass < 0 && namedLikeBuildings(layer.name, stem));
    layer.counts = {};
    if (!layer.asBuildings) {
        layer.counts.zones = std::max<std::int64_t>(0, ogr->GetFeatureCount(TRUE));
        return;
    }
    if (height < 0 && levels < 0) { // nothing to read: every building gets the default
        layer.counts.buildings = layer.counts.defaulted =
            std::max<std::int64_t>(0, ogr->GetFeatureCount(TRUE));
        return;
    }
    std::set<int> keep;
    for (int i : {height, levels, base})
        if (i >= 0)
            keep.insert(i);
    IgnoreOtherFields ignore(ogr, keep);
    ogr->ResetReading();
    while (OGRFeature* f = ogr->GetNextFeature()) {
        countChoice(layer.counts,
                    detail::chooseHeight(text(f, height), text(f, levels), text(f, base), options));
        OGRFeature::DestroyFeature(f);
    }
    ogr->ResetReading();
}

// OSM through our osmconf: the tags are fixed (height, building:levels), parsed as importOsm parses them.
Status countOsm(GDALDataset& ds, ImportPreview& preview, const ImportOptions& options) {
    OGRLayer* polygons = ds.GetLayerByName("multipolygons");
    if (!polygons)
        return Error{"'" + preview.source + "' has no multipolygons layer (not an OSM extract?)."};
    OGRFeatureDefn* defn = polygons->GetLayerDefn();
    const int building = defn->GetFieldIndex("building");
    const int height = defn->GetFieldIndex("height");
    const int levels = defn->GetFieldIndex("building_levels");
    const int base = defn->GetFieldIndex("min_height");
    const int landuse = defn->GetFieldIndex("landuse");
    const int leisure = defn->GetFieldIndex("leisure");
    const int natural = defn->GetFieldIndex("natural");
    std::set<int> keep;
    for (int i : {building, height, levels, base, landuse, leisure, natural})
        if (i >= 0)
            keep.insert(i);
    LayerPreview layer;
    layer.name = "multipolygons";
    layer.geometryType = "MultiPolygon";
    layer.imported = layer.asBuildings = true;
    layer.crs = "EPSG:4326";
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        layer.fields.push_back({defn->GetFieldDefn(i)->GetNameRef(),
                                OGRFieldDefn::GetFieldTypeName(defn->GetFieldDefn(i)->GetType())});
    // Polygons importOsm turns into zones: land use, and the leisure/natural values it maps to a class.
    const std::set<std::string> zoneLeisure = {"park", "garden", "playground", "pitch"};
    const std::set<std::string> zoneNatural = {"water", "wetland", "wood", "scrub", "grassland"};
    {
        IgnoreOtherFields ignore(polygons, keep);
        polygons->ResetReading();
        while (OGRFeature* f = polygons->GetNextFeature()) {
            std::unique_ptr<OGRFeature, void (*)(OGRFeature*)> guard(f, OGRFeature::DestroyFeature);
            const std::string b = text(f, building);
            if (b.empty() || b == "no") {
                layer.counts.zones += !text(f, landuse).empty() || zoneLeisure.count(text(f, leisure)) ||
                                      zoneNatural.count(text(f, natural));
                continue;
            }
            countChoice(layer.counts,
                        detail::chooseHeight(text(f, height), text(f, levels), text(f, base), options));
        }
    }
    layer.featureCount = layer.counts.buildings + layer.counts.zones;
    preview.counts = layer.counts;
    preview.layers = {std::move(layer)};
    return {};
}

Result<ImportPreview> previewCityModel(const std::string& path, ImportPreview preview) {
    auto info = describeDataset(path);
    if (!info)
        return Error{info.error()};
    preview.kind = SourceKind::CityModel;
    preview.format = info->format;
    preview.crs = info->crs;
    preview.crsName = info->crsName;
    preview.needsCrs = info->crs.empty();
    preview.extent = info->extent;
    for (const auto& l : info->layers) {
        LayerPreview layer;
        layer.name = l.name;
        layer.geometryType = "City objects";
        layer.featureCount = l.featureCount;
        layer.crs = l.crs;
        layer.imported = true;
        preview.layers.push_back(std::move(layer));
    }
    return preview;
}

// Opens a vector source for reading (files through any driver, "PG:" through PostgreSQL only, OSM with our
// osmconf).
detail::DatasetPtr openVector(const std::string& path, bool postgis, const ImportOptions& options,
                              bool& osm) {
    if (postgis) {
        const char* pgDrivers[] = {"PostgreSQL", nullptr};
        return detail::openDataset(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, pgDrivers);
    }
    detail::DatasetPtr ds = detail::openDataset(path, GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY);
    osm = ds && std::string(ds->GetDriver()->GetDescription()) == "OSM";
    if (!osm)
        return ds;
    ds.reset();
    const std::string config = options.osmConfig.empty()
                                   ? (fs::path(gis::resourceDirectory()) / "osm" / "osmconf.ini").string()
                                   : options.osmConfig;
    const std::string configOption = "CONFIG_FILE=" + config;
    const char* openOptions[] = {configOption.c_str(), nullptr};
    const char* drivers[] = {"OSM", nullptr};
    return detail::DatasetPtr(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, openOptions, nullptr)));
}
} // namespace

const std::vector<std::string>& roleFieldNames(FieldRole role) {
    // Superset of importDataset's own lists, so that "no guess here" means "no guess there" too.
    static const std::vector<std::string> kHeight = {
        "height",         "building:height", "building_height", "bldg_height",
        "measuredheight", "measured_height", "height_m",        "hoehe",
        "höhe",           "hauteur",         "altura",          "h",
        "高度",           "建筑高度",        "房屋高度",        "楼高"};
    static const std::vector<std::string> kLevels = {
        "building:levels", "building_levels", "levels", "storeys", "stories",  "floors", "num_floors",
        "floor_count",     "nfloors",         "层数",   "楼层数",  "地上层数", "楼层",   "floor",
        "geschosse",       "etages"};
    static const std::vector<std::string> kBase = {"min_height",  "building:min_height",
                                                   "base_height", "minheight",
                                                   "baseheight",  "min_h",
                                                   "base",        "底高",
                                                   "基底高度"};
    static const std::vector<std::string> kClass = {
        "class",      "landclass", "land_class", "zone",     "zoning",   "landuse", "land_use",
        "zone_class", "zone_type", "用地性质",   "用地代码", "用地类型", "地类"};
    static const std::vector<std::string> kName = {"name", "名称", "name_zh", "name_en", "bldg_name", "名字"};
    switch (role) {
    case FieldRole::Height:
        return kHeight;
    case FieldRole::Levels:
        return kLevels;
    case FieldRole::Base:
        return kBase;
    case FieldRole::ZoneClass:
        return kClass;
    case FieldRole::Name:
        break;
    }
    return kName;
}

int guessRoleField(FieldRole role, const std::vector<std::string>& fieldNames) {
    std::vector<std::string> lowered;
    for (const auto& n : fieldNames)
        lowered.push_back(lower(n));
    for (const auto& candidate : roleFieldNames(role))
        for (std::size_t i = 0; i < lowered.size(); ++i)
            if (lowered[i] == candidate)
                return int(i);
    return -1;
}

FieldMapping guessMapping(const std::vector<std::string>& fieldNames) {
    auto guess = [&](FieldRole role) {
        const int i = guessRoleField(role, fieldNames);
        return i >= 0 ? fieldNames[std::size_t(i)] : std::string();
    };
    return {guess(FieldRole::Height), guess(FieldRole::Levels), guess(FieldRole::Base),
            guess(FieldRole::ZoneClass), guess(FieldRole::Name)};
}

void applyMapping(ImportOptions& options, const FieldMapping& mapping, const FieldMapping& guessed) {
    auto set = [](std::string& option, const std::string& chosen, const std::string& guess) {
        option = !chosen.empty() ? chosen : !guess.empty() ? std::string(kNoField) : std::string();
    };
    // Height and storeys go together: naming either means the other is not guessed, so "none" for one of them
    // needs no kNoField; only both none does.
    if (!mapping.height.empty() || !mapping.levels.empty()) {
        options.heightField = mapping.height;
        options.levelsField = mapping.levels;
    } else {
        options.heightField = !guessed.height.empty() || !guessed.levels.empty() ? kNoField : "";
        options.levelsField.clear();
    }
    set(options.baseField, mapping.base, guessed.base);
    set(options.classField, mapping.zoneClass, guessed.zoneClass);
    set(options.nameField, mapping.name, guessed.name);
}

Result<Crs> projectCrsFor(const Crs& dataCrs, const Extent& extent) {
    if (dataCrs.isEmpty())
        return Error{"no coordinate reference system"};
    return detail::targetCrs(Project{}, dataCrs, extent, "the dataset");
}

Result<ImportPreview> previewImport(const std::string& path, const ImportOptions& options) {
    initGdal();
    GdalErrorScope errors;
    ImportPreview preview;
    const bool postgis = isPostgisConnection(path);
    preview.source = postgis ? redactPassword(path) : path;
    preview.storeyHeight = options.storeyHeight;
    preview.defaultHeight = options.defaultHeight;
    std::error_code ec;
    if (!postgis && !fs::exists(path, ec))
        return Error{"Cannot read '" + path + "': the file does not exist."};
    if (!postgis && fs::is_directory(path, ec))
        return Error{"Cannot read '" + path + "': it is a folder, not a dataset."};
    if (!postgis && (isCityJson(path) || isCityGml(path)))
        return previewCityModel(path, std::move(preview));

    bool osm = false;
    detail::DatasetPtr ds = openVector(path, postgis, options, osm);
    if (!ds && postgis)
        return Error{"Cannot connect to PostgreSQL at " + describePostgisConnection(path) +
                     (errors.lastError().empty() ? std::string() : " (" + errors.lastError() + ")") +
                     ". Check that the server is running and accepts connections there, that the database "
                     "exists, and the user name and password."};
    if (!ds)
        return Error{"Cannot read '" + path + "': not a dataset GDAL can read" +
                     (errors.lastError().empty() ? std::string() : " (" + errors.lastError() + ")") + "."};
    preview.format = ds->GetDriver()->GetMetadataItem(GDAL_DMD_LONGNAME);
    if (postgis)
        preview.format = "PostgreSQL/PostGIS";

    if (osm) {
        preview.kind = SourceKind::Osm;
        preview.crs = "EPSG:4326";
        preview.crsName = crsName(Crs{"EPSG:4326"});
        if (OGRLayer* polygons = ds->GetLayerByName("multipolygons")) {
            if (OGREnvelope env; polygons->GetExtent(&env, TRUE) == OGRERR_NONE) {
                preview.extent.include(env.MinX, env.MinY);
                preview.extent.include(env.MaxX, env.MaxY);
            }
        }
        if (Status counted = countOsm(*ds, preview, options); !counted)
            return Error{counted.error()};
        return preview;
    }

    if (ds->GetRasterCount() > 0 && ds->GetLayerCount() == 0) {
        preview.kind = SourceKind::Raster;
        const std::string wkt = detail::wktOf(ds->GetSpatialRef());
        preview.crs = wkt.empty() ? "" : crsIdentifier(Crs{wkt});
        preview.crsName = wkt.empty() ? "" : crsName(Crs{wkt});
        preview.needsCrs = wkt.empty();
        if (double gt[6]; ds->GetGeoTransform(gt) == CE_None) {
            preview.extent.include(gt[0], gt[3]);
            preview.extent.include(gt[0] + gt[1] * ds->GetRasterXSize() + gt[2] * ds->GetRasterYSize(),
                                   gt[3] + gt[4] * ds->GetRasterXSize() + gt[5] * ds->GetRasterYSize());
        }
        LayerPreview layer;
        layer.name = fs::path(path).stem().string();
        // A colour image is imported as imagery (draped on the terrain), anything else as terrain.
        layer.geometryType = detail::isImageryDataset(*ds) ? "Image" : "Raster";
        layer.featureCount = 1;
        layer.crs = preview.crs;
        layer.imported = true;
        preview.layers.push_back(std::move(layer));
        return preview;
    }

    preview.kind = postgis ? SourceKind::Database : SourceKind::Vector;
    std::vector<std::string> fieldNames;
    std::string datasetWkt;
    for (int li = 0; li < ds->GetLayerCount(); ++li) {
        OGRLayer* ogr = ds->GetLayer(li);
        LayerPreview layer;
        layer.name = ogr->GetName();
        layer.geometryType = OGRGeometryTypeToName(ogr->GetGeomType());
        layer.featureCount = ogr->GetFeatureCount(TRUE);
        layer.imported = isImportedGeometry(ogr->GetGeomType());
        const std::string wkt = detail::wktOf(ogr->GetSpatialRef());
        layer.crs = wkt.empty() ? "" : crsIdentifier(Crs{wkt});
        OGRFeatureDefn* defn = ogr->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            OGRFieldDefn* field = defn->GetFieldDefn(i);
            layer.fields.push_back({field->GetNameRef(), OGRFieldDefn::GetFieldTypeName(field->GetType())});
        }
        if (layer.imported) {
            if (wkt.empty())
                preview.needsCrs = true;
            else if (datasetWkt.empty())
                datasetWkt = wkt;
            if (OGREnvelope env; ogr->GetExtent(&env, TRUE) == OGRERR_NONE) {
                preview.extent.include(env.MinX, env.MinY);
                preview.extent.include(env.MaxX, env.MaxY);
            }
            for (const auto& f : layer.fields)
                if (std::find(fieldNames.begin(), fieldNames.end(), f.name) == fieldNames.end()) {
                    fieldNames.push_back(f.name);
                    preview.fields.push_back(f);
                }
        }
        preview.layers.push_back(std::move(layer));
    }
    if (!datasetWkt.empty()) {
        preview.crs = crsIdentifier(Crs{datasetWkt});
        preview.crsName = crsName(Crs{datasetWkt});
    }
    preview.guessed = guessMapping(fieldNames);
    preview.mapping = chosenMapping(options, preview.guessed);
    const std::string stem = postgis ? std::string() : fs::path(path).stem().string();
    for (int li = 0; li < ds->GetLayerCount(); ++li) {
        LayerPreview& layer = preview.layers[std::size_t(li)];
        if (!layer.imported)
            continue;
        countLayer(ds->GetLayer(li), layer, preview.mapping, stem, options);
        addCounts(preview.counts, layer.counts);
    }
    if (preview.layers.empty() && !errors.lastError().empty())
        return Error{"Cannot read '" + preview.source + "': " + errors.lastError() + "."};
    return preview;
}

} // namespace gis::io
