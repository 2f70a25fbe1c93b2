#pragma once
// CityJSON 1.0/1.1/2.0 (.json, .city.json) and CityJSONSeq (.jsonl: a CityJSON header line, then one
// CityJSONFeature per line), read with nlohmann-json into triangles with a semantic per triangle.
//
// - vertices are integers: v * transform.scale + transform.translate (1.0 files may have real coordinates);
// - one geometry per city object: the requested LoD, by default the highest the object has;
// - MultiSurface, CompositeSurface, Solid, MultiSolid, CompositeSolid; surfaces are planar polygons with
//   holes, triangulated on their best-fit plane (CGAL CDT) and lifted back;
// - semantic surfaces become Surface::Roof/Wall/Ground; a building surface without semantics is classified
//   by its normal (up: roof, down: ground, else wall);
// - a city object with a bad geometry (a vertex index out of range, malformed arrays) is skipped with a
//   warning naming the file and the object id; the others are imported;
// - referenced texture images that do not exist give one warning naming the file(s).
#include "gis/io/import_dataset.h"
#include "gis/model/mesh.h"
#include "gis/model/project.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gis::io {

struct CityJsonOptions {
    std::string lod; // e.g. "1.2", "2.2"; empty: the highest LoD each object has
};

// A CityJSON file in its own CRS (metres, double).
struct CityJsonModel {
    std::string version;   // "1.1", "2.0", ...
    bool sequence = false; // CityJSONSeq
    Crs crs;               // from metadata.referenceSystem ("EPSG:7415"); may be empty
    std::map<std::string, std::int64_t> typeCounts; // every city object, by type
    std::vector<std::string> lods;                  // the LoDs present, ascending
    Extent extent;                                  // of all vertices
    double minZ = 0, maxZ = 0;
    std::vector<CityObjectInfo> objects; // objects with triangles (not filled by a summary read)
    TriangleMesh mesh;                   // objectIds index `objects`
    std::int64_t skipped = 0;            // objects with a bad geometry
    std::int64_t texturesReferenced = 0; // distinct texture images referenced by geometries
    std::int64_t texturesMissing = 0;
    std::vector<std::string> warnings; // each names the file and the object or texture
};

// True when `path` is a CityJSON or CityJSONSeq file (by content, not only the extension): GDAL would open it
// as GeoJSON.
bool isCityJson(const std::string& path);

// Reads the file. summaryOnly: counts, CRS, LoDs and extent, no triangles.
Result<CityJsonModel> readCityJson(const std::string& path, const CityJsonOptions& options,
                                   Progress& progress, bool summaryOnly = false);

// Imports a CityJSON file as one CityModel layer in the project CRS (see importDataset). A file without a
// CRS needs options.assumeCrs; otherwise the error asks for one.
Result<ImportReport> importCityJson(const std::string& path, const Project& project,
                                    const ImportOptions& options, const CityJsonOptions& cityJson,
                                    Progress& progress);

// The part of the import after reading, shared with the CityGML import (which fills the same model): the
// model (vertices in its own CRS, `model.crs` empty when the file declares none) becomes one CityModel
// layer in the project CRS; without a CRS, options.assumeCrs is used, else the error is `noCrsMessage`.
// `lod` is stored in the layer (the LoD that was requested; empty: the highest).
Result<ImportReport> importCityModel(const std::string& path, CityJsonModel model, const Project& project,
                                     const ImportOptions& options, const std::string& lod,
                                     const std::string& noCrsMessage, Progress& progress);

} // namespace gis::io
