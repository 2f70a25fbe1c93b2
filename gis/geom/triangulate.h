#pragma once
#include "gis/model/geometry.h"

#include <array>
#include <cstdint>
#include <vector>

namespace gis::geom {

struct Triangulation {
    std::vector<Vec2> points;                            // may include Steiner points
    std::vector<std::array<std::uint32_t, 3>> triangles; // counter-clockwise
};

// Constrained Delaunay triangulation of a polygon with holes (CGAL). Optional Steiner points
// (e.g. a grid for draping on terrain) inside the polygon are inserted; edges longer than maxEdge are split
// when maxEdge > 0. Degenerate input gives an empty result.
Triangulation triangulate(const Polygon& polygon, double maxEdge = 0, const std::vector<Vec2>& steiner = {});

} // namespace gis::geom
