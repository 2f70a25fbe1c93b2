#include "gis/geom/extrude.h"

#include "gis/geom/triangulate.h"

namespace gis::geom {

namespace {
void addWalls(TriangleMesh& m, const Ring& ring, double z0, double z1, std::uint32_t object) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2& a = ring[i];
        const Vec2& b = ring[(i + 1) % n];
        if (a == b)
            continue;
        auto base = static_cast<std::uint32_t>(m.vertices.size());
        m.vertices.push_back({a.x, a.y, z0});
        m.vertices.push_back({b.x, b.y, z0});
        m.vertices.push_back({b.x, b.y, z1});
        m.vertices.push_back({a.x, a.y, z1});
        // CCW outer ring: outward normal faces right of a->b; this winding is counter-clockwise seen from
        // outside.
        m.indices.insert(m.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
        m.surfaces.insert(m.surfaces.end(), {Surface::Wall, Surface::Wall});
        m.objectIds.insert(m.objectIds.end(), {object, object});
    }
}
} // namespace

TriangleMesh extrudeBuildings(std::span<const Building> buildings, bool withGround) {
    TriangleMesh m;
    for (std::size_t bi = 0; bi < buildings.size(); ++bi) {
        const Building& b = buildings[bi];
        const auto object = static_cast<std::uint32_t>(bi);
        const double z0 = b.baseZ, z1 = b.baseZ + b.height;
        addWalls(m, b.footprint.outer, z0, z1, object);
        for (const auto& h : b.footprint.holes)
            addWalls(m, h, z0, z1, object);
        Triangulation t = triangulate(b.footprint);
        for (int pass = 0; pass < (withGround ? 2 : 1); ++pass) {
            const bool roof = pass == 0;
            auto base = static_cast<std::uint32_t>(m.vertices.size());
            for (const auto& p : t.points)
                m.vertices.push_back({p.x, p.y, roof ? z1 : z0});
            for (const auto& tri : t.triangles) {
                if (roof)
                    m.indices.insert(m.indices.end(), {base + tri[0], base + tri[1], base + tri[2]});
                else
                    m.indices.insert(m.indices.end(), {base + tri[0], base + tri[2], base + tri[1]});
                m.surfaces.push_back(roof ? Surface::Roof : Surface::Ground);
                m.objectIds.push_back(object);
            }
        }
    }
    return m;
}

TriangleMesh terrainMesh(const RasterF& dem, int step) {
    TriangleMesh m;
    if (dem.isEmpty() || step < 1)
        return m;
    const int cols = (dem.width - 1) / step + 1;
    const int rows = (dem.height - 1) / step + 1;
    std::vector<std::uint32_t> index(std::size_t(cols) * rows, UINT32_MAX);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            float z = dem.at(c * step, r * step);
            if (dem.isNoData(z))
                continue;
            Vec2 p = dem.cellCenter(c * step, r * step);
            index[std::size_t(r) * cols + c] = static_cast<std::uint32_t>(m.vertices.size());
            m.vertices.push_back({p.x, p.y, double(z)});
        }
    for (int r = 0; r + 1 < rows; ++r)
        for (int c = 0; c + 1 < cols; ++c) {
            std::uint32_t a = index[std::size_t(r) * cols + c], b = index[std::size_t(r) * cols + c + 1];
            std::uint32_t d = index[std::size_t(r + 1) * cols + c],
                          e = index[std::size_t(r + 1) * cols + c + 1];
            // Row index grows southwards: (a, d, e) and (a, e, b) are counter-clockwise seen from above.
            if (a != UINT32_MAX && d != UINT32_MAX && e != UINT32_MAX) {
                m.indices.insert(m.indices.end(), {a, d, e});
                m.surfaces.push_back(Surface::Terrain);
                m.objectIds.push_back(0);
            }
            if (a != UINT32_MAX && e != UINT32_MAX && b != UINT32_MAX) {
                m.indices.insert(m.indices.end(), {a, e, b});
                m.surfaces.push_back(Surface::Terrain);
                m.objectIds.push_back(0);
            }
        }
    return m;
}

} // namespace gis::geom
