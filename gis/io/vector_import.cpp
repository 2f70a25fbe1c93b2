// One GDAL vector layer -> a building or zone layer in the project CRS (see import_common.h). Bad features
// never stop the layer: each is repaired (unclosed rings closed, GEOS MakeValid), or skipped, and named in a
// note with what was done.
#include "gis/io/crs_transform.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/import_common.h"
#include "gis/io/ogr_geometry.h"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>

namespace gis::io::detail {

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// First field whose (lower-case) name is one of `names`, in the order of `names`; -1 if none.
int guessField(OGRFeatureDefn* defn, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (lower(defn->GetFieldDefn(i)->GetNameRef()) == n)
                return i;
    return -1;
}

bool hasUnclosedRing(const OGRGeometry* g) {
    if (!g)
        return false;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
        for (const auto* ring : g->toPolygon())
            if (ring->getNumPoints() > 0 && !ring->get_IsClosed())
                return true;
        return false;
    case wkbMultiPolygon:
        for (const auto* part : g->toMultiPolygon())
            if (hasUnclosedRing(part))
                return true;
        return false;
    default:
        return false;
    }
}

std::string count(std::int64_t n, const char* what) {
    return std::to_string(n) + " " + what;
}
} // namespace

Status importVectorLayer(OGRLayer& ogr, const VectorSource& src, const Project& project,
                         const ImportOptions& options, ImportReport& report, Project& scratch,
                         std::set<std::string>& fieldsFound, Progress& progress) {
    const std::string& path = src.path;
    const std::string lname = ogr.GetName();
    const std::string where = "'" + path + "', layer '" + lname + "'";
    const auto gtype = wkbFlatten(ogr.GetGeomType());
    if (gtype != wkbPolygon && gtype != wkbMultiPolygon && gtype != wkbUnknown && gtype != wkbCurvePolygon &&
        gtype != wkbMultiSurface) {
        report.warnings.push_back(where + ": " + OGRGeometryTypeToName(gtype) +
                                  " features are not polygons and were not imported.");
        return {};
    }
    GIntBig featureCount = 0;
    Extent layerExtent;
    {
        CaptureMessages quiet; // drivers that scan the features here repeat what each feature's note says
        featureCount = ogr.GetFeatureCount(TRUE);
        if (OGREnvelope env; ogr.GetExtent(&env, TRUE) == OGRERR_NONE) {
            layerExtent.include(env.MinX, env.MinY);
            layerExtent.include(env.MaxX, env.MaxY);
        }
    }
    if (featureCount == 0) {
        report.warnings.push_back(where + " is empty (no features); nothing to import from it.");
        return {};
    }
    Crs dataCrs{wktOf(ogr.GetSpatialRef())};
    if (dataCrs.isEmpty())
        dataCrs.definition = options.assumeCrs;
    if (dataCrs.isEmpty())
        return Error{"Cannot import " + where +
                     ": it has no coordinate reference system (e.g. a shapefile without its .prj); give one "
                     "(CLI: --assume-crs EPSG:xxxx)."};
    auto target = targetCrs(report.datasetCrs.isEmpty() ? project : Project{report.datasetCrs, {}, {}, {}},
                            dataCrs, layerExtent, path);
    if (!target)
        return Error{target.error()};
    report.datasetCrs = target.value();
    auto transform = CrsTransform::create(dataCrs, target.value());
    if (!transform)
        return Error{"Cannot import " + where + ": " + transform.error()};

    // A .cpg naming an encoding GDAL does not know leaves the text undecoded: say so once for the layer.
    if (options.encoding.empty()) {
        const char* cpg = ogr.GetMetadataItem("ENCODING_FROM_CPG", "SHAPEFILE");
        const char* used = ogr.GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE");
        if (cpg && *cpg && (!used || !*used)) {
            ++report.textProblems;
            report.warnings.push_back(
                where + ": its .cpg file names the encoding '" + cpg +
                "', which is not known; text attributes were read undecoded and bytes that are not UTF-8 "
                "were replaced by '?'. Fix the .cpg (e.g. CP936 for Chinese GBK data, UTF-8, CP1252) or "
                "give the encoding (CLI: --encoding CP936).");
        }
    }

    // Attribute roles: the fields the user named, else guessed from common names. Naming either the height
    // or the storey field chooses the height source: the other one is then not guessed.
    OGRFeatureDefn* defn = ogr.GetLayerDefn();
    auto named = [&](const std::string& field) {
        const int i = field.empty() || field == kNoField ? -1 : defn->GetFieldIndex(field.c_str());
        if (i >= 0)
            fieldsFound.insert(field);
        return i;
    };
    const bool heightNamed = !options.heightField.empty() || !options.levelsField.empty();
    const int heightField =
        heightNamed
            ? named(options.heightField)
            : guessField(defn, {"height", "building_height", "measuredheight", "hoehe", "高度", "建筑高度"});
    const int levelsField = heightNamed ? named(options.levelsField)
                                        : guessField(defn, {"building:levels", "building_levels", "levels",
                                                            "storeys", "stories", "floors", "层数", "floor"});
    const int baseField =
        !options.baseField.empty()
            ? named(options.baseField)
            : guessField(defn, {"min_height", "base_height", "minheight", "building:min_height"});
    const int classField = !options.classField.empty()
                               ? named(options.classField)
                               : guessField(defn, {"class", "landclass", "land_class", "zone", "zoning",
                                                   "landuse", "用地性质", "用地代码"});
    const int nameField =
        !options.nameField.empty() ? named(options.nameField) : guessField(defn, {"name", "名称"});
    // Without a height, storey or class field the layer name decides; the import dialog asks the user.
    const std::string lowerName = lower(lname + " " + src.stem);
    bool namedLikeBuildings = false;
    for (const char* word : {"build", "bldg", "footprint", "house", "建筑", "房屋"})
        namedLikeBuildings |= lowerName.find(word) != std::string::npos;
    const bool asBuildings =
        heightField >= 0 || levelsField >= 0 || baseField >= 0 || (classField < 0 && namedLikeBuildings);

    BuildingLayerData buildings;
    ZoneLayerData zones;
    std::int64_t geometryNotes = 0, heightNotes = 0, textNotes = 0, repaired = 0, skipped = 0,
                 implausible = 0, badText = 0, defaulted = 0;
    auto note = [&](std::int64_t& counter, std::string text) {
        if (++counter <= kMaxNotes)
            report.warnings.push_back(std::move(text));
    };
    auto text = [](OGRFeature* f, int field) -> std::string {
        return field >= 0 && f->IsFieldSetAndNotNull(field) ? f->GetFieldAsString(field) : std::string();
    };
    const GIntBig total = std::max<GIntBig>(1, featureCount);
    GIntBig n = 0;
    ogr.ResetReading();
    for (;;) {
        std::unique_ptr<OGRGeometry> geom;
        OGRFeature* raw = nullptr;
        std::string readProblem;
        {
            CaptureMessages messages; // e.g. "Error in fread() ... from .shp file", "Non closed ring"
            raw = ogr.GetNextFeature();
            readProblem = messages.text();
        }
        if (!raw) {
            if (!readProblem.empty())
                note(geometryNotes, where + ": reading stopped after " + std::to_string(n) +
                                        " feature(s): " + readProblem + ".");
            break;
        }
        std::unique_ptr<OGRFeature, void (*)(OGRFeature*)> f(raw, OGRFeature::DestroyFeature);
        if (++n % 1024 == 0) {
            progress.setFraction((src.layerIndex + double(n) / double(total)) / src.layerCount);
            if (progress.isCanceled())
                return Error{"Import of '" + path + "' was cancelled; the project was not changed."};
        }
        ++report.geometry.features;
        const std::string feature = where + ", feature " + std::to_string(f->GetFID());
        geom.reset(f->StealGeometry());

        // The polygons of the feature, or why there are none.
        std::vector<Polygon> polys;
        std::string problem;
        if (!geom) {
            problem = readProblem.empty() ? "no geometry"
                                          : "its geometry could not be read (" + readProblem +
                                                "; the file may be truncated or damaged)";
        } else if (geom->IsEmpty()) {
            problem = "an empty geometry";
        } else {
            const bool unclosed = hasUnclosedRing(geom.get());
            if (unclosed)
                geom->closeRings(); // GEOS refuses unclosed rings outright; closing them is the repair
            std::string reason;
            bool valid = false;
            {
                CaptureMessages messages; // GEOS says why: "Self-intersection at or near point x y"
                valid = geom->IsValid();
                reason = messages.text();
            }
            if (!valid) {
                std::unique_ptr<OGRGeometry> fixed;
                {
                    CaptureMessages quiet;
                    fixed.reset(geom->MakeValid());
                }
                polys = polygonsOf(fixed.get());
                const std::string what = "invalid geometry (" +
                                         (reason.empty() ? std::string("not a valid polygon") : reason) +
                                         (unclosed ? ", unclosed ring" : "") + ")";
                if (polys.empty()) {
                    ++report.geometry.unrepairable;
                    problem = what + " that MakeValid could not turn into a polygon";
                } else {
                    ++repaired;
                    ++report.geometry.repaired;
                    note(geometryNotes, feature + ": " + what + " was repaired with MakeValid into " +
                                            count(std::int64_t(polys.size()), "polygon(s)") + ".");
                }
            } else {
                polys = polygonsOf(geom.get());
                if (polys.empty())
                    problem = std::string("a ") + OGRGeometryTypeToName(geom->getGeometryType()) +
                              ", not a polygon";
                else if (unclosed) {
                    ++repaired;
                    ++report.geometry.repaired;
                    note(geometryNotes, feature + ": an unclosed ring was closed.");
                }
            }
        }
        if (problem.empty()) {
            bool transformed = true;
            for (auto& p : polys) {
                for (auto& v : p.outer)
                    transformed &= transform->transform(v);
                for (auto& h : p.holes)
                    for (auto& v : h)
                        transformed &= transform->transform(v);
                normalizeOrientation(p);
            }
            if (!transformed)
                problem = "its coordinates cannot be reprojected into the project CRS (outside the area of "
                          "the CRS, or a wrong CRS)";
        }
        if (!problem.empty()) {
            ++skipped;
            ++report.geometry.skipped;
            if (asBuildings) {
                ++report.heights.buildings;
                ++report.heights.skipped;
            }
            note(geometryNotes, feature + ": " + problem + "; skipped.");
            continue;
        }

        bool bad = false;
        std::string name = nameField >= 0 ? validUtf8(text(f.get(), nameField).c_str(), bad) : std::string();
        if (asBuildings) {
            const HeightChoice h = chooseHeight(text(f.get(), heightField), text(f.get(), levelsField),
                                                text(f.get(), baseField), options);
            ++report.heights.buildings;
            switch (h.source) {
            case HeightChoice::Source::Height:
                ++report.heights.withHeight;
                break;
            case HeightChoice::Source::Levels:
                ++report.heights.withLevels;
                break;
            case HeightChoice::Source::Default:
                ++report.heights.defaulted;
                ++defaulted;
                break;
            }
            if (h.implausible) {
                ++implausible;
                ++report.heights.implausible;
                note(heightNotes, feature + ": " + h.note);
            }
            for (auto& p : polys) {
                Building b;
                b.id = f->GetFID(); // made unique below
                b.baseZ = minGround(project, p) + h.base;
                b.footprint = std::move(p);
                b.height = h.height;
                b.storeys = h.storeys;
                b.name = name;
                buildings.buildings.push_back(std::move(b));
            }
        } else {
            const std::string cls =
                classField >= 0 ? validUtf8(text(f.get(), classField).c_str(), bad) : std::string();
            for (auto& p : polys) {
                Zone z;
                z.id = f->GetFID();
                z.area = std::move(p);
                z.landClass = cls;
                z.name = name;
                zones.zones.push_back(std::move(z));
            }
        }
        if (bad) {
            ++badText;
            ++report.textProblems;
            note(textNotes, feature +
                                ": text that is not valid UTF-8 (a wrong or missing .cpg encoding?); the "
                                "bad bytes were replaced by '?'.");
        }
    }

    auto metres = [](double m) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g m", m);
        return std::string(buf);
    };
    if (defaulted > 0)
        report.warnings.push_back(where + ": " + count(defaulted, "building(s)") +
                                  " had no usable height; the default of " + metres(options.defaultHeight) +
                                  " was applied.");
    if (implausible > kMaxNotes)
        report.warnings.push_back(where + ": " + count(implausible, "feature(s)") +
                                  " had an implausible height, storey or base value in all (the first " +
                                  std::to_string(kMaxNotes) + " are listed).");
    if (repaired > 0)
        report.warnings.push_back(where + ": " + count(repaired, "invalid geometry(ies)") +
                                  " repaired in all.");
    if (skipped > 0)
        report.warnings.push_back(where + ": " + count(skipped, "feature(s)") + " skipped in all.");
    if (badText > kMaxNotes)
        report.warnings.push_back(where + ": " + count(badText, "feature(s)") +
                                  " had text that is not valid UTF-8 in all.");

    makeIdsUnique(buildings.buildings);
    makeIdsUnique(zones.zones);
    Layer layer;
    const bool byFile = src.layerCount == 1 && !src.postgis; // database layers are named after their tables
    layer.id = scratch.uniqueLayerId(byFile ? src.stem : lname);
    layer.name = byFile ? src.stem : lname;
    if (asBuildings)
        layer.data = std::move(buildings);
    else
        layer.data = std::move(zones);
    if (layer.featureCount() == 0) {
        report.warnings.push_back(where + ": no feature could be imported.");
        return {};
    }
    Layer idOnly; // the scratch project only keeps ids unique across the layers of this import
    idOnly.id = layer.id;
    scratch.layers.push_back(std::move(idOnly));
    report.layers.push_back(std::move(layer));
    return {};
}

} // namespace gis::io::detail
