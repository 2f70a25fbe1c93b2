// OSM import: GDAL's OSM driver reads the PBF/XML; our osmconf keeps the height tags GDAL's default drops.
// What GDAL does not do and we do here: pick buildings and land use out of the multipolygons layer, turn OSM
// height/levels tag strings into metres, map OSM land use onto GB 50137 classes, and report the height
// sources.
#include "gis/io/crs_transform.h"
#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/import_common.h"
#include "gis/io/ogr_geometry.h"
#include "gis/resources.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace gis::io {

namespace fs = std::filesystem;

namespace detail {
std::optional<double> parseLength(const std::string& text) {
    const char* begin = text.c_str();
    char* end = nullptr;
    const double value = std::strtod(begin, &end);
    if (end == begin || !std::isfinite(value))
        return std::nullopt;
    const std::string unit = text.substr(std::size_t(end - begin));
    if (unit.find('\'') != std::string::npos || unit.find("ft") != std::string::npos)
        return value * 0.3048;
    return value;
}
} // namespace detail

namespace {
// OSM landuse/leisure/natural values to GB 50137 major classes (empty: unclassified, drawn grey).
std::string landClassFor(const std::string& landuse, const std::string& leisure, const std::string& natural) {
    static const std::map<std::string, std::string> kLanduse = {
        {"residential", "R"},   {"commercial", "B"},    {"retail", "B"},    {"industrial", "M"},
        {"warehouse", "W"},     {"railway", "S"},       {"civic", "A"},     {"civil", "A"},
        {"education", "A"},     {"institutional", "A"}, {"religious", "A"}, {"grass", "G"},
        {"park", "G"},          {"forest", "G"},        {"meadow", "G"},    {"recreation_ground", "G"},
        {"village_green", "G"}, {"cemetery", "G"},      {"basin", "E"},     {"reservoir", "E"},
        {"farmland", "E"},      {"construction", ""},   {"brownfield", ""}};
    if (auto it = kLanduse.find(landuse); it != kLanduse.end())
        return it->second;
    if (leisure == "park" || leisure == "garden" || leisure == "playground" || leisure == "pitch")
        return "G";
    if (natural == "water" || natural == "wetland")
        return "E";
    if (natural == "wood" || natural == "scrub" || natural == "grassland")
        return "G";
    return "";
}
} // namespace

Result<ImportReport> importOsm(const std::string& path, const Project& project, const ImportOptions& options,
                               Progress& progress) {
    GdalErrorScope errors;
    const std::string config = options.osmConfig.empty()
                                   ? (fs::path(gis::resourceDirectory()) / "osm" / "osmconf.ini").string()
                                   : options.osmConfig;
    if (!fs::exists(config))
        return Error{"Cannot import '" + path + "': the OSM configuration '" + config +
                     "' is missing (set URBIS_RESOURCE_DIR to Urbis's resources folder)."};
    const std::string configOption = "CONFIG_FILE=" + config;
    const char* openOptions[] = {configOption.c_str(), nullptr};
    const char* drivers[] = {"OSM", nullptr};
    detail::DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, openOptions, nullptr)));
    if (!ds)
        return Error{"Cannot import '" + path + "': not an OSM file GDAL can read (" + errors.lastError() +
                     ")."};
    OGRLayer* polygons = ds->GetLayerByName("multipolygons");
    if (!polygons)
        return Error{"Cannot import '" + path + "': it has no multipolygons layer."};

    // OSM is WGS 84 lon/lat; the project gets the local UTM zone when it has no CRS yet.
    const Crs osmCrs{"EPSG:4326"};
    Extent lonLat;
    if (OGREnvelope env; polygons->GetExtent(&env, TRUE) == OGRERR_NONE) {
        lonLat.include(env.MinX, env.MinY);
        lonLat.include(env.MaxX, env.MaxY);
    }
    auto target = detail::targetCrs(project, osmCrs, lonLat, path);
    if (!target)
        return Error{target.error()};
    auto transform = CrsTransform::create(osmCrs, target.value());
    if (!transform)
        return Error{"Cannot import '" + path + "': " + transform.error()};

    BuildingLayerData buildings;
    ZoneLayerData zones;
    HeightStats stats;
    GeometryStats geometry;
    std::int64_t parts = 0, skipped = 0;
    std::vector<std::string> skippedNotes, heightNotes;
    OGRFeatureDefn* defn = polygons->GetLayerDefn();
    auto field = [&](OGRFeature* f, const char* name) -> std::string {
        const int i = defn->GetFieldIndex(name);
        return i >= 0 && f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : std::string();
    };
    std::int64_t n = 0;
    polygons->ResetReading();
    for (;;) {
        OGRFeature* f = nullptr;
        std::string readMessages; // e.g. "Non closed ring detected": becomes part of a skipped note
        {
            detail::CaptureMessages messages;
            f = polygons->GetNextFeature();
            readMessages = messages.text();
        }
        if (!f)
            break;
        std::unique_ptr<OGRFeature, void (*)(OGRFeature*)> guard(f, OGRFeature::DestroyFeature);
        if (++n % 512 == 0) {
            progress.setFraction(std::min(0.95, n / 20000.0));
            if (progress.isCanceled())
                return Error{"Import of '" + path + "' was cancelled; the project was not changed."};
        }
        const std::string building = field(f, "building");
        const std::string part = field(f, "building_part");
        const std::string cls = landClassFor(field(f, "landuse"), field(f, "leisure"), field(f, "natural"));
        const bool isBuilding = !building.empty() && building != "no";
        stats.buildings += isBuilding;
        if (!isBuilding) {
            if (!part.empty() && part != "no")
                ++parts; // parts refine their outline (simple 3D buildings): used with LoD2 later
            if (cls.empty() && field(f, "landuse").empty())
                continue;
        }
        ++geometry.features;
        std::unique_ptr<OGRGeometry> geom(f->StealGeometry());
        bool invalid = false;
        std::string reason;
        {
            detail::CaptureMessages messages; // GEOS's reason, e.g. "Self-intersection at or near point"
            if (geom && !geom->IsValid()) {
                invalid = true;
                reason = messages.text();
                geom.reset(geom->MakeValid());
            }
        }
        auto polys = detail::polygonsOf(geom.get());
        geometry.repaired += invalid && !polys.empty();
        geometry.unrepairable += invalid && polys.empty();
        bool ok = !polys.empty();
        for (auto& p : polys) {
            for (auto& v : p.outer)
                ok = ok && transform->transform(v);
            for (auto& h : p.holes)
                for (auto& v : h)
                    ok = ok && transform->transform(v);
            normalizeOrientation(p);
        }
        const std::string osmId = field(f, "osm_id").empty() ? field(f, "osm_way_id") : field(f, "osm_id");
        if (!ok) {
            stats.skipped += isBuilding;
            ++geometry.skipped;
            if (++skipped <= 10)
                skippedNotes.push_back(
                    "'" + path + "': OSM " + (isBuilding ? "building " : "polygon ") + osmId +
                    (polys.empty() ? ": no usable polygon (" +
                                         (reason.empty() ? readMessages.empty() ? std::string("no geometry")
                                                                                : readMessages
                                                         : reason) +
                                         "; e.g. an open ring at the extract's edge); skipped."
                                   : ": cannot be reprojected; skipped."));
            continue;
        }
        const std::int64_t id = std::atoll(osmId.c_str());
        if (isBuilding) {
            const detail::HeightChoice h = detail::chooseHeight(
                field(f, "height"), field(f, "building_levels"), field(f, "min_height"), options);
            switch (h.source) {
            case detail::HeightChoice::Source::Height:
                ++stats.withHeight;
                break;
            case detail::HeightChoice::Source::Levels:
                ++stats.withLevels;
                break;
            case detail::HeightChoice::Source::Default:
                ++stats.defaulted;
                break;
            }
            if (h.implausible) {
                ++stats.implausible;
                if (stats.implausible <= detail::kMaxNotes)
                    heightNotes.push_back("'" + path + "': OSM building " + osmId + ": " + h.note);
            }
            bool bad = false;
            const std::string name = detail::validUtf8(field(f, "name").c_str(), bad);
            for (auto& p : polys) {
                Building b;
                b.id = id;
                b.baseZ = detail::minGround(project, p) + h.base;
                b.height = std::max(0.5, h.height);
                b.footprint = std::move(p);
                b.name = name;
                b.use = building == "yes" ? "" : building;
                b.storeys = h.storeys;
                buildings.buildings.push_back(std::move(b));
            }
        } else {
            for (auto& p : polys) {
                Zone z;
                z.id = id;
                z.area = std::move(p);
                z.landClass = cls;
                z.name = field(f, "name").empty() ? field(f, "landuse") : field(f, "name");
                zones.zones.push_back(std::move(z));
            }
        }
    }

    ImportReport report;
    report.datasetCrs = target.value();
    const std::string stem = fs::path(path).stem().string();
    const std::string base = stem.substr(0, stem.find('.'));
    Project scratch;
    scratch.layers = project.layers;
    auto metres = [](double m) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g m", m);
        return std::string(buf);
    };
    report.heights = stats;
    report.geometry = geometry;
    report.warnings.push_back("'" + path + "': " + std::to_string(stats.buildings) +
                              " building(s): " + std::to_string(stats.withHeight) + " with a height, " +
                              std::to_string(stats.withLevels) + " from building:levels x " +
                              metres(options.storeyHeight) + ", " + std::to_string(stats.defaulted) +
                              " got the default of " + metres(options.defaultHeight) + ", " +
                              std::to_string(stats.skipped) + " skipped.");
    report.warnings.insert(report.warnings.end(), skippedNotes.begin(), skippedNotes.end());
    report.warnings.insert(report.warnings.end(), heightNotes.begin(), heightNotes.end());
    if (stats.implausible > detail::kMaxNotes)
        report.warnings.push_back("'" + path + "': " + std::to_string(stats.implausible) +
                                  " building(s) had an implausible height, building:levels or min_height tag "
                                  "in all (the first " +
                                  std::to_string(detail::kMaxNotes) + " are listed).");
    if (!options.heightField.empty() || !options.levelsField.empty() || !options.baseField.empty() ||
        !options.classField.empty() || !options.nameField.empty())
        report.warnings.push_back("'" + path +
                                  "': OSM heights come from the height, building:levels and "
                                  "min_height tags, classes from landuse: the field options were not used.");
    if (parts > 0)
        report.warnings.push_back(
            "'" + path + "': " + std::to_string(parts) +
            " building:part polygon(s) were not used (their outlines are drawn instead).");
    if (skipped > 0)
        report.warnings.push_back("'" + path + "': " + std::to_string(skipped) +
                                  " polygon(s) could not be read or reprojected and were skipped.");
    report.warnings.push_back("'" + path + "': roads, points and other relations are not imported yet.");
    detail::makeIdsUnique(buildings.buildings);
    detail::makeIdsUnique(zones.zones);
    if (!buildings.buildings.empty()) {
        Layer l{scratch.uniqueLayerId(base + "_buildings"), base + " buildings", true, std::move(buildings)};
        scratch.layers.push_back(l);
        report.layers.push_back(std::move(l));
    }
    if (!zones.zones.empty()) {
        Layer l{scratch.uniqueLayerId(base + "_landuse"), base + " land use", true, std::move(zones)};
        report.layers.push_back(std::move(l));
    }
    if (report.layers.empty())
        return Error{"Cannot import '" + path + "': it has no buildings or land use polygons."};
    progress.setFraction(1.0);
    return report;
}

} // namespace gis::io
