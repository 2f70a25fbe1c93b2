#pragma once
// Private to gis/io: pieces shared by the generic GDAL import and the OSM import.
#include "gis/io/import_dataset.h"

namespace gis::io::detail {

// Lowest terrain height under the polygon's outer vertices; 0 without terrain.
double minGround(const Project& project, const Polygon& p);

// The project CRS for data in `dataCrs`: the project's; else the data's when it is projected in true metres;
// else (lon/lat, Web Mercator) the UTM zone at the centre of `extent` (given in the data CRS).
Result<Crs> targetCrs(const Project& project, const Crs& dataCrs, const Extent& extent,
                      const std::string& path);

// A length from an OSM-style tag value: "12", "12.5 m", "12m", "40'", "40 ft"; nullopt when not a length.
std::optional<double> parseLength(const std::string& text);

} // namespace gis::io::detail

namespace gis::io {
// OSM PBF/XML through GDAL's OSM driver with the project's osmconf (resources/osm/osmconf.ini).
Result<ImportReport> importOsm(const std::string& path, const Project& project, const ImportOptions& options,
                               Progress& progress);
} // namespace gis::io
