#pragma once
// Flood results as GIS layers a bureau files: the flooded extent as polygons per depth class (GDAL
// polygonize of the classed depth), and the affected buildings with their depth, class and floor area, in
// one GeoPackage (or GeoJSON/Shapefile: one file per layer then).
#include "gis/analysis/flood/flood_impact.h"
#include "gis/model/building.h"
#include "gis/model/crs.h"
#include "gis/model/raster.h"
#include "gis/result.h"

#include <string>
#include <vector>

namespace gis::analysis::flood {

struct ClassPolygon {
    Polygon polygon;
    int depthClass = 0; // index into kDepthClasses
};

// The wet area (depth >= kDepthClasses[0]) as polygons, one set per depth class (GDALPolygonize, 8-connected
// cells merged).
Result<std::vector<ClassPolygon>> depthClassPolygons(const RasterF& depth);

// Writes layer "flood_extent" (depth_from_m, depth_to_m, area_m2) and layer "affected_buildings" (building
// id, name, use, max_depth_m, depth_class_m, floor_area_m2, footprint) to a GeoPackage at `path`, replacing
// it. `buildings` are those the impact was computed on (the footprints are looked up by id).
Status writeFloodGeoPackage(const std::string& path, const Crs& crs, const RasterF& depth,
                            const FloodImpact& impact, const std::vector<Building>& buildings);

} // namespace gis::analysis::flood
