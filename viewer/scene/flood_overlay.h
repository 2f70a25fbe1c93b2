#pragma once
// The flood overlay: a translucent water surface coloured by the classed depth ramp (0.05/0.1/0.3/0.5/1/2 m,
// light to dark blue; UX.md) and the affected buildings outlined in hazard colours, as OSG nodes in project
// coordinates relative to `origin` (for ViewerWidget::setOverlay).
#include "gis/analysis/flood/flood_impact.h"
#include "gis/model/building.h"
#include "gis/model/raster.h"

#include <osg/Node>
#include <osg/ref_ptr>

#include <array>
#include <vector>

namespace viewer {

// RGBA (0..1) of depth class k (gis::analysis::flood::kDepthClasses), light to dark blue.
std::array<float, 4> floodClassColour(int depthClass);

// The water surface: one quad per wet cell (depth >= the first class bound) at ground + depth, where
// `ground` is the grid the depths were computed on (same size and georeference as `depth`). Null when dry.
osg::ref_ptr<osg::Node> buildFloodSurface(const gis::RasterF& depth, const gis::RasterF& ground,
                                          const gis::Vec3& origin);

// Affected buildings as translucent shells just outside their walls, yellow (shallow) to red (deep).
osg::ref_ptr<osg::Node> buildAffectedBuildings(const std::vector<gis::Building>& buildings,
                                               const gis::analysis::flood::FloodImpact& impact,
                                               const gis::Vec3& origin);

} // namespace viewer
