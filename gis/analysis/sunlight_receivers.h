#pragma once
// Receiver points for sunlight analysis, read from a CSV or GeoJSON file (the slice of issue 4 for single
// points; windows are in sunlight_windows.h, plan grids in sunlight_grid.h, facade lines come next).
//  CSV: columns x,y,z[,nx,ny,nz][,id]. A header row naming the columns (any order, also "normal_x"...) is
//       optional; without one the count decides: 3 x,y,z; 4 +id; 6 +normal; 7 +normal+id. '#' lines skip.
//  GeoJSON: Point / MultiPoint features; z from the property "z" or the 3rd coordinate; optional normal
//       properties nx, ny, nz; id from the property "id"/"name" or the feature id. Coordinates are taken in
//       the buildings' CRS unless the file names another one (the legacy "crs" member): then transformed.
#include "gis/analysis/sunlight.h"

#include <string>

namespace gis::analysis {

Result<std::vector<SunlightReceiver>> readReceiverPoints(const std::string& path, const Crs& targetCrs);

} // namespace gis::analysis
