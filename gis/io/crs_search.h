#pragma once
// Finding a coordinate reference system in PROJ's database by EPSG code or by name, for the CRS pickers
// (a dataset without a CRS, the project CRS). Planners know "4547" or "CGCS2000 ... 114E", rarely WKT.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gis::io {

enum class CrsType { Projected, Geographic, Compound, Other };

struct CrsInfo {
    std::string code; // "EPSG:4547"
    std::string name; // "CGCS2000 / 3-degree Gauss-Kruger CM 114E"
    CrsType type = CrsType::Other;
    std::string areaOfUse; // "China - between 112°30'E and 115°30'E"
    bool hasBounds = false;
    double west = 0, south = 0, east = 0, north = 0; // area of use, degrees
    bool metres = false;     // the first axis is in metres (a projected CRS usable as a project CRS)
    bool deprecated = false; // superseded in the EPSG registry
};

struct CrsSearchOptions {
    std::size_t limit = 50;
    bool projectedOnly = false; // only projected CRSs in metres (the project CRS)
    bool includeDeprecated = false;
};

// CRSs whose code or name matches `query`: "4547", "EPSG:4547" and "epsg 4547" match by code (exact first,
// then codes starting with the digits); any other text matches when every word of it occurs in the name (or
// the area of use), case-insensitively, best matches first (the exact name, a name that starts with the
// query, projected before geographic, lower codes first). Other authorities are found by their full code
// ("ESRI:102100"). The database is read once per process (about 0.1 s), then searches take milliseconds.
// Thread-safe.
std::vector<CrsInfo> searchCrs(const std::string& query, const CrsSearchOptions& options = {});

// The entry for an "AUTH:CODE" (or any definition PROJ identifies with confidence); nullopt when unknown.
std::optional<CrsInfo> crsInfo(const std::string& definition);

// "Projected", "Geographic", ... (English; the GUI translates its own labels).
const char* crsTypeName(CrsType type);

} // namespace gis::io
