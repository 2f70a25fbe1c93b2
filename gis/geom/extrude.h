#pragma once
#include "gis/model/building.h"
#include "gis/model/mesh.h"
#include "gis/model/raster.h"

#include <span>

namespace gis::geom {

// Extrudes footprints to closed prisms: walls (one quad per edge, unshared vertices), a triangulated roof and
// a ground face. objectIds hold the index of each building in `buildings`.
TriangleMesh extrudeBuildings(std::span<const Building> buildings, bool withGround = false);

// Terrain raster to a regular triangle mesh (2 triangles per cell quad between cell centres, nodata skipped).
TriangleMesh terrainMesh(const RasterF& dem, int step = 1);

} // namespace gis::geom
