#pragma once
// Writes analysis outputs (shadow outlines, isochrones, flood extents) as vector files through GDAL: the
// driver follows the extension (.gpkg GeoPackage, .geojson/.json GeoJSON, .shp Shapefile). A file that exists
// is replaced.
#include "gis/model/crs.h"
#include "gis/model/geometry.h"
#include "gis/result.h"

#include <string>
#include <vector>

namespace gis::io {

// Polygons with one numeric attribute `valueName` (values.size() == polygons.size(), or empty for none).
Status writePolygons(const std::string& path, const std::string& layerName, const Crs& crs,
                     const std::vector<Polygon>& polygons, const std::string& valueName = {},
                     const std::vector<double>& values = {});
// Polylines with one numeric attribute, as above.
Status writeLines(const std::string& path, const std::string& layerName, const Crs& crs,
                  const std::vector<std::vector<Vec2>>& lines, const std::string& valueName = {},
                  const std::vector<double>& values = {});

} // namespace gis::io
