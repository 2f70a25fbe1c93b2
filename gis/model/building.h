#pragma once
#include "gis/model/geometry.h"

#include <cstdint>
#include <string>

namespace gis {

// An extruded (LoD1) building: footprint in the project CRS, base elevation and height in metres.
struct Building {
    std::int64_t id = 0;
    Polygon footprint;
    double baseZ = 0;  // elevation of the footprint (terrain under it), metres
    double height = 0; // from base to roof, metres
    int storeys = 0;   // 0 when unknown
    std::string name;
    std::string use; // e.g. "residential", "commercial", "industrial", "public"
};

} // namespace gis
