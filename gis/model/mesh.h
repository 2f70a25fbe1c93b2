#pragma once
// A triangle mesh in the project CRS (double) with a semantic per triangle, the form every analysis reads
// (extruded buildings, LoD2 solids, terrain, reality-mesh triangles).
#include "gis/model/geometry.h"

#include <cstdint>
#include <vector>

namespace gis {

enum class Surface : std::uint8_t { Unknown = 0, Ground = 1, Wall = 2, Roof = 3, Terrain = 4 };

struct TriangleMesh {
    std::vector<Vec3> vertices;
    std::vector<std::uint32_t> indices;   // 3 per triangle
    std::vector<Surface> surfaces;        // 1 per triangle
    std::vector<std::uint32_t> objectIds; // 1 per triangle: index of the source object (building) or 0

    std::size_t triangleCount() const { return indices.size() / 3; }
    void append(const TriangleMesh& other);
};

} // namespace gis
