#pragma once
// What a dataset or project is (the `urbis-cli info` answer), read through GDAL.
#include "gis/model/geometry.h"
#include "gis/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gis::io {

struct LayerSummary {
    std::string name;
    std::string geometryType; // OGR name: "Polygon", "MultiPolygon", "Point", "None", "Raster"
    std::int64_t featureCount = -1;
    Extent extent;                      // native CRS
    std::optional<Extent> extentLonLat; // WGS84, lon/lat order
    std::string crs;                    // "EPSG:xxxx" or WKT when no code is known; empty when none
    std::string kind;                   // for Urbis projects: "buildings", "zones", "terrain"
};

struct DatasetInfo {
    std::string path;
    std::string driver; // GDAL short name: "GPKG", "GTiff", ...
    std::string driverLongName;
    std::string format; // "Urbis project", or driverLongName
    std::string crs;    // dataset CRS: "EPSG:xxxx", WKT, or empty
    std::string crsName;
    int schemaVersion = 0; // Urbis projects only
    std::vector<LayerSummary> layers;
    // rasters
    int rasterWidth = 0, rasterHeight = 0, rasterBands = 0;
    Extent extent; // whole dataset, native CRS
    std::optional<Extent> extentLonLat;
    // CityJSON/CityGML: city objects by type ({"Building": 49, "BuildingPart": 161}) and the LoDs present.
    std::map<std::string, std::int64_t> cityObjects;
    std::vector<std::string> lods;
};

Result<DatasetInfo> describeDataset(const std::string& path);

} // namespace gis::io
