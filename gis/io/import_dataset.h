#pragma once
// Brings a GIS dataset into a project as layers in the project CRS: polygon layers become buildings (when a
// height or storey field exists) or zones (when a class field exists), a DEM raster becomes terrain.
// The full import (field mapping dialog, CityJSON, CityGML, PostGIS) extends this.
#include "gis/model/project.h"
#include "gis/progress.h"
#include "gis/result.h"

#include <string>
#include <vector>

namespace gis::io {

struct ImportOptions {
    std::string assumeCrs;   // used when the dataset has no CRS
    std::string heightField; // empty: guessed
    std::string levelsField; // empty: guessed
    double storeyHeight = 3.0;
    double defaultHeight = 10.0; // applied (and reported) when no usable height
    std::string projectFile;     // for relative terrain sources
};

struct ImportReport {
    std::vector<Layer> layers;
    std::vector<std::string> warnings; // each names the file and feature
    Crs datasetCrs;
};

// Reads `path`; when project.crs is empty the dataset's CRS (if projected in metres) becomes the project CRS
// (returned in report.datasetCrs). The project is not modified: the caller adds the layers.
Result<ImportReport> importDataset(const std::string& path, const Project& project,
                                   const ImportOptions& options, Progress& progress);

} // namespace gis::io
