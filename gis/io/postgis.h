#pragma once
// PostGIS as a shared store, through GDAL's PostgreSQL driver. Connections are GDAL "PG:" strings:
// "PG:host=127.0.0.1 port=5432 dbname=city user=planner". Reading goes through importDataset (which accepts
// such a string; GDAL's own "tables=a,b" option selects tables).
#include "gis/model/crs.h"
#include "gis/model/project.h"
#include "gis/result.h"

#include <string>

namespace gis::io {

// True for a GDAL PostgreSQL connection string ("PG:..."), which is not a file.
bool isPostgisConnection(const std::string& path);

// "host H, port P, database D" from a connection string, for messages (libpq defaults where not given).
std::string describePostgisConnection(const std::string& connection);
// The connection string with any password=… value replaced by ***, for messages and reports.
std::string redactPassword(const std::string& connection);

// Writes a zone layer to `table` (laundered to lower case; [A-Za-z_][A-Za-z0-9_]*) as MultiPolygons with the
// SRID of `crs`, and fields class, name and zone_id (also the feature id when ids are positive and unique),
// in one transaction: on failure nothing is written. An existing table is replaced only when `overwrite`;
// otherwise it is left as it is and an error says so.
Status writeZoneLayer(const std::string& connection, const Layer& zones, const Crs& crs,
                      const std::string& table, bool overwrite);

} // namespace gis::io
