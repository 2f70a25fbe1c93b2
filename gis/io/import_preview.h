#pragma once
// What an import would do, before doing it (the import dialog's content): a dataset's layers and their
// fields, the attribute roles guessed from common field names, the CRS (or that there is none), and how many
// buildings would get their height from an attribute, from a storey count, or the default. It reads
// attributes only (no geometry), so it can recount 100,000 features while the user changes the mapping.
#include "gis/io/import_dataset.h"
#include "gis/model/crs.h"
#include "gis/model/geometry.h"
#include "gis/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gis::io {

// The attribute roles of a vector import.
enum class FieldRole { Height, Levels, Base, ZoneClass, Name };

// Field names tried for a role, lower case, best first ("height", "building:height", ..., "高度").
const std::vector<std::string>& roleFieldNames(FieldRole role);
// The index in `fieldNames` of the field a role is guessed from (case-insensitive match against
// roleFieldNames, in that order); -1 when none matches.
int guessRoleField(FieldRole role, const std::vector<std::string>& fieldNames);

// A field per role; empty: no field.
struct FieldMapping {
    std::string height;
    std::string levels;
    std::string base;
    std::string zoneClass;
    std::string name;
    bool operator==(const FieldMapping&) const = default;

    // The field of a role.
    std::string& field(FieldRole role) {
        switch (role) {
        case FieldRole::Height:
            return height;
        case FieldRole::Levels:
            return levels;
        case FieldRole::Base:
            return base;
        case FieldRole::ZoneClass:
            return zoneClass;
        case FieldRole::Name:
            break;
        }
        return name;
    }
    const std::string& field(FieldRole role) const { return const_cast<FieldMapping*>(this)->field(role); }
};
FieldMapping guessMapping(const std::vector<std::string>& fieldNames);

// Import options for an explicit mapping: the mapped fields by name, kNoField where the mapping has none but
// the guess has one (so the import does not guess it back), empty where neither has one.
void applyMapping(ImportOptions& options, const FieldMapping& mapping, const FieldMapping& guessed);

struct FieldInfo {
    std::string name;
    std::string type; // OGR's name: "Integer", "Integer64", "Real", "String", "Date", ...
};

// Features by where their height comes from (the numbers the dialog shows before importing).
struct PreviewCounts {
    std::int64_t buildings = 0;  // features that become buildings
    std::int64_t withHeight = 0; // a usable height attribute (0 < h <= 1000 m)
    std::int64_t withLevels = 0; // no usable height, but storeys x storey height is usable
    std::int64_t defaulted = 0;  // neither: they get the default height
    std::int64_t zones = 0;      // features that become zones (a class field and no height/storey field)
};

struct LayerPreview {
    std::string name;
    std::string geometryType; // OGR name, "Raster" (terrain), "Image" (imagery), or "City objects"
    std::int64_t featureCount = -1;
    std::vector<FieldInfo> fields;
    std::string crs;          // "EPSG:xxxx", WKT when no code is known, empty when the layer has none
    bool imported = false;    // polygons (or unknown geometry) Urbis imports; other layers are skipped
    bool asBuildings = false; // under the mapping: buildings (else zones)
    PreviewCounts counts;
};

// How the source is read; only Vector and Database sources take an attribute mapping (OSM has fixed tags,
// rasters and city models carry their own heights).
enum class SourceKind { Vector, Database, Osm, Raster, CityModel };

struct ImportPreview {
    std::string source; // as given (PostgreSQL connection strings with the password redacted)
    SourceKind kind = SourceKind::Vector;
    std::string format;    // "GeoPackage", "GeoJSON", "OpenStreetMap XML and PBF", "CityJSON 2.0", ...
    std::string crs;       // dataset CRS: "EPSG:xxxx", WKT, or empty when none
    std::string crsName;   // "CGCS2000 / 3-degree Gauss-Kruger CM 114E"
    bool needsCrs = false; // some imported layer has no CRS: the import needs ImportOptions::assumeCrs
    Extent extent;         // of the imported layers, in their native CRS
    std::vector<LayerPreview> layers;
    std::vector<FieldInfo> fields; // of the imported layers (union, first seen first)
    FieldMapping guessed;          // from the field names
    FieldMapping mapping;          // what the counts below used (options' fields, else the guess)
    PreviewCounts counts;          // summed over the imported layers
    double storeyHeight = 3.0;
    double defaultHeight = 10.0;
    bool takesMapping() const { return kind == SourceKind::Vector || kind == SourceKind::Database; }
};

// Previews importing `path` (a file or a "PG:" connection) with `options` (field names as importDataset
// takes them: empty guesses, kNoField for none; storey and default heights). Attributes only: no geometry is
// read.
Result<ImportPreview> previewImport(const std::string& path, const ImportOptions& options);

// The project CRS an empty project gets from data in `dataCrs` covering `extent` (in dataCrs), as
// importDataset decides it: the data's CRS when projected in metres, else the UTM zone of the extent's
// centre.
Result<Crs> projectCrsFor(const Crs& dataCrs, const Extent& extent);

} // namespace gis::io
