#pragma once
#include <string>

namespace gis {

// A coordinate reference system as any definition PROJ understands: "EPSG:4547", WKT, PROJJSON.
struct Crs {
    std::string definition;
    bool isEmpty() const { return definition.empty(); }
    bool operator==(const Crs&) const = default;
};

} // namespace gis
