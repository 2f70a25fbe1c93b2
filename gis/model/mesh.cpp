#include "gis/model/mesh.h"

namespace gis {

void TriangleMesh::append(const TriangleMesh& other) {
    const auto base = static_cast<std::uint32_t>(vertices.size());
    vertices.insert(vertices.end(), other.vertices.begin(), other.vertices.end());
    indices.reserve(indices.size() + other.indices.size());
    for (auto i : other.indices)
        indices.push_back(base + i);
    surfaces.insert(surfaces.end(), other.surfaces.begin(), other.surfaces.end());
    objectIds.insert(objectIds.end(), other.objectIds.begin(), other.objectIds.end());
}

} // namespace gis
