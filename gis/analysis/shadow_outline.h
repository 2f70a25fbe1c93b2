#pragma once
// Shadow outlines at one instant: the ground shadow of each extruded building for a sun direction, merged
// into polygons (what New York and Toronto shadow studies draw, and the "shadow at 10:00 on 大寒" figure of a
// Chinese sunlight report). The ground is taken as flat at each building's base (terrain relief is ignored:
// the sunlight hours themselves come from shadow rays, sunlight.h, which do see the terrain).
#include "gis/model/building.h"
#include "gis/result.h"

#include <vector>

namespace gis::analysis {

struct SunDirectionGrid {
    double azimuth = 180;  // degrees clockwise from GRID north (true azimuth + grid convergence)
    double elevation = 30; // degrees above the horizon
};

struct ShadowOutlines {
    std::vector<Polygon> polygons; // merged shadows, footprints included
    double area = 0;               // m², of the merged polygons
    double longestShadow = 0;      // m, the offset of the tallest roof
};

// The union of every building's shadow (its footprint swept along the shadow direction up to its roof's
// projection). Fails when the sun is at or below the horizon (no outlines: everything is in shadow).
Result<ShadowOutlines> shadowOutlines(const std::vector<Building>& buildings, const SunDirectionGrid& sun);

} // namespace gis::analysis
