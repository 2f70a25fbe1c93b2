#pragma once
// What a flood does to the city: buildings affected per depth class (count, floor area, list) and road areas
// cut above a depth threshold, from any depth raster (static level, ponding or the dynamic model's maximum).
// One function shared by the GUI's affected-building table and the CLI.
#include "gis/model/building.h"
#include "gis/model/raster.h"
#include "gis/model/zone.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace gis::analysis::flood {

// The classed depth ramp planners and the EA maps use (metres): class k covers [kDepthClasses[k],
// kDepthClasses[k+1]); the last class is open-ended. Depths below the first bound count as dry.
inline constexpr std::array<double, 6> kDepthClasses = {0.05, 0.1, 0.3, 0.5, 1.0, 2.0};

// Index of the class of `depth` in kDepthClasses, or -1 when below the first bound (dry).
int depthClass(double depth);

struct AffectedBuilding {
    std::int64_t id = 0;
    std::string name;
    std::string use;
    double maxDepth = 0;  // deepest water touching the building (footprint and a one-cell ring around it)
    double floorArea = 0; // footprint area x storeys (storeys from height / 3 m when unknown), m²
    int depthClass = 0;
};

struct AffectedRoad {
    std::int64_t id = 0; // the zone id of the road polygon
    std::string name;
    double floodedArea = 0; // m² of the road above the threshold
    double maxDepth = 0;
};

struct FloodImpact {
    std::vector<AffectedBuilding> buildings; // deepest first
    std::array<int, kDepthClasses.size()> countByClass{};
    std::array<double, kDepthClasses.size()> floorAreaByClass{};
    std::vector<AffectedRoad> roadsCut; // road polygons (GB 50137 class S) with water above the threshold
    double roadThreshold = 0.3;
};

// Buildings are sampled on the cells whose centres lie inside the footprint or within 1.5 cells of its
// outline: buildings burned into the grid as blocked cells are dry inside, so the water at their walls is
// what counts. `roads` are zones; those of land class "S" (roads and transport) are checked.
FloodImpact assessFloodImpact(const RasterF& depth, const std::vector<Building>& buildings,
                              const std::vector<Zone>& roads, double roadThreshold = 0.3);

} // namespace gis::analysis::flood
