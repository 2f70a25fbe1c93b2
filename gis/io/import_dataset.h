#pragma once
// Brings a GIS dataset into a project as layers in the project CRS: polygon layers become buildings (when a
// height or storey field exists) or zones (when a class field exists), a DEM raster becomes terrain.
// The full import (field mapping dialog, CityJSON, CityGML, PostGIS) extends this.
#include "gis/model/project.h"
#include "gis/progress.h"
#include "gis/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gis::io {

// In ImportOptions' field names, empty means "guess from the field names"; this value means "no field" (the
// user chose none where a guess exists): the role is neither guessed nor read.
inline constexpr const char* kNoField = "-";

struct ImportOptions {
    std::string assumeCrs;   // used when the dataset has no CRS
    std::string heightField; // empty: guessed
    std::string levelsField; // empty: guessed
    double storeyHeight = 3.0;
    double defaultHeight = 10.0; // applied (and reported) when no usable height
    std::string projectFile;     // for relative terrain sources
    // OSM import configuration; empty: the shipped resources/osm/osmconf.ini (found through the environment
    // variable URBIS_RESOURCE_DIR, else the source tree's resources/ folder).
    std::string osmConfig;
    // Further attribute roles (empty: guessed from common names; a named field that no layer has is an
    // error). baseField: height above ground where the building starts (OSM min_height), so the extrusion
    // runs from base to height.
    std::string baseField;
    std::string classField; // zone land class
    std::string nameField;
    // Text encoding of Shapefile/DBF attributes (GDAL's ENCODING open option, e.g. "CP936" for GBK), used
    // instead of what the .cpg file or the DBF header says; empty: theirs.
    std::string encoding;
};

// The folder of Urbis's data files (presets, osmconf): $URBIS_RESOURCE_DIR, else the source tree's
// resources/.
std::string resourceDirectory();

// How the buildings of an import got their heights (the counts a planner is told, never silently).
struct HeightStats {
    std::int64_t buildings = 0;  // building features read, including skipped ones
    std::int64_t withHeight = 0; // a usable height attribute
    std::int64_t withLevels = 0; // storeys x storey height
    std::int64_t defaulted = 0;  // the default height
    std::int64_t skipped = 0;    // no usable geometry
    // A height, storey or base value was given but not usable (not a number, negative, over 1000 m): each
    // is reported by feature with what was done (storeys used instead, default height, base ignored).
    std::int64_t implausible = 0;
};

// What happened to the geometries of an import (invalid ones are repaired with GEOS MakeValid; what cannot
// be repaired is skipped and counted).
struct GeometryStats {
    std::int64_t features = 0;     // features read from polygon layers
    std::int64_t repaired = 0;     // invalid (self-intersecting, unclosed ring, ...) and repaired
    std::int64_t unrepairable = 0; // invalid and MakeValid gave no polygon: skipped
    std::int64_t skipped = 0;      // skipped for any reason (no geometry, unrepairable, not reprojectable)
};

struct ImportReport {
    std::vector<Layer> layers;
    HeightStats heights;
    GeometryStats geometry;
    // Text that could not be decoded: layers whose .cpg names an unknown encoding, plus attribute values
    // that were not valid UTF-8 (their bad bytes replaced by '?').
    std::int64_t textProblems = 0;
    std::vector<std::string> warnings; // each names the file and feature
    Crs datasetCrs;
};

// Reads `path`; when project.crs is empty the dataset's CRS (if projected in metres) becomes the project CRS
// (returned in report.datasetCrs). The project is not modified: the caller adds the layers.
Result<ImportReport> importDataset(const std::string& path, const Project& project,
                                   const ImportOptions& options, Progress& progress);

// Warnings for imported layers that land more than 50 km from the project's existing content (each names the
// layer, its lon/lat extent and the likely causes: swapped axes, a wrong or missing CRS). importDataset adds
// them.
std::vector<std::string> placementWarnings(const Project& project, const std::vector<Layer>& layers,
                                           const Crs& crs);

} // namespace gis::io
