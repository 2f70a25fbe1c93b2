// Extruded (LoD1) buildings, batched: buildings are split into spatially compact tiles (k-d split on
// footprint centres, at most kTileBuildings each) and every tile is one Geometry with one DrawElementsUInt.
#include "gis/geom/triangulate.h"
#include "viewer/scene/scene_builder.h"
#include "viewer/scene/scene_util.h"

#include <osg/Geometry>
#include <osg/Group>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace viewer {

namespace {

constexpr std::size_t kTileBuildings = 4096;

struct Rgb3 {
    double r, g, b;
};

// Light façade colours by use: warm beige housing, cool blue-grey offices, grey sheds, pale civic buildings.
Rgb3 wallColour(const gis::Building& b) {
    Rgb3 c{0.86, 0.85, 0.82};
    const std::string& use = b.use;
    if (use.rfind("res", 0) == 0)
        c = {0.93, 0.87, 0.77};
    else if (use.rfind("com", 0) == 0 || use.rfind("off", 0) == 0)
        c = {0.78, 0.84, 0.90};
    else if (use.rfind("ind", 0) == 0)
        c = {0.80, 0.78, 0.74};
    else if (use.rfind("pub", 0) == 0 || use.rfind("civ", 0) == 0)
        c = {0.93, 0.91, 0.87};
    else if (use == "bridge")
        return {0.74, 0.73, 0.70};
    const double k = 0.93 + 0.09 * detail::hashUnit(std::uint64_t(b.id) * 2654435761ULL + 17);
    const double warm = (detail::hashUnit(std::uint64_t(b.id) + 99) - 0.5) * 0.04;
    return {c.r * k + warm, c.g * k, c.b * k - warm};
}

Rgb3 roofColour(const gis::Building& b, const Rgb3& wall) {
    const double k = 0.85 + 0.2 * detail::hashUnit(std::uint64_t(b.id) + 7);
    // Darker than the walls, greyish with a hint of the wall tint.
    return {(0.40 + 0.25 * wall.r) * k, (0.40 + 0.25 * wall.g) * k, (0.42 + 0.25 * wall.b) * k};
}

double ringArea(const gis::Ring& ring) {
    double a = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const gis::Vec2& p = ring[i];
        const gis::Vec2& q = ring[(i + 1) % n];
        a += p.x * q.y - q.x * p.y;
    }
    return a / 2;
}

bool isConvex(const gis::Ring& ring) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const gis::Vec2 a = ring[i], b = ring[(i + 1) % n], c = ring[(i + 2) % n];
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cross < -1e-9)
            return false;
    }
    return true;
}

gis::Ring cleanRing(const gis::Ring& in) {
    gis::Ring out;
    out.reserve(in.size());
    for (const auto& p : in)
        if (out.empty() || std::hypot(p.x - out.back().x, p.y - out.back().y) > 1e-3)
            out.push_back(p);
    while (out.size() > 1 && std::hypot(out.front().x - out.back().x, out.front().y - out.back().y) <= 1e-3)
        out.pop_back();
    return out;
}

class TileBuilder {
public:
    explicit TileBuilder(const gis::Vec3& origin) : mOrigin(origin) {}

    void add(const gis::Building& b, const gis::RasterF* dem) {
        if (b.footprint.outer.size() < 3 || !(b.height > 0))
            return;
        gis::Polygon poly;
        poly.outer = cleanRing(b.footprint.outer);
        if (poly.outer.size() < 3)
            return;
        if (ringArea(poly.outer) < 0)
            std::reverse(poly.outer.begin(), poly.outer.end());
        for (const auto& h : b.footprint.holes) {
            gis::Ring hole = cleanRing(h);
            if (hole.size() < 3)
                continue;
            if (ringArea(hole) > 0)
                std::reverse(hole.begin(), hole.end());
            poly.holes.push_back(std::move(hole));
        }
        // Walls reach a little below the terrain under the footprint so that slopes show no gap.
        // Not for bridges and other structures that span the ground.
        double bottom = b.baseZ;
        if (dem && b.use != "bridge") {
            for (const auto& p : poly.outer)
                bottom = std::min(bottom, detail::terrainHeight(dem, p.x, p.y));
            bottom -= 0.5;
        }
        const double top = b.baseZ + b.height;
        const Rgb3 wall = wallColour(b);
        const Rgb3 roof = roofColour(b, wall);
        addWalls(poly.outer, bottom, top, wall);
        for (const auto& hole : poly.holes)
            addWalls(hole, bottom, top, wall);
        addRoof(poly, top, roof);
    }

    osg::ref_ptr<osg::Geometry> finish(const std::string& name) {
        if (mIndices->empty())
            return nullptr;
        auto geometry = detail::makeGeometry(name);
        geometry->setVertexArray(mVertices);
        geometry->setNormalArray(mNormals, osg::Array::BIND_PER_VERTEX);
        geometry->setColorArray(mColours, osg::Array::BIND_PER_VERTEX);
        geometry->addPrimitiveSet(mIndices);
        return geometry;
    }

private:
    unsigned vertex(double x, double y, double z, const osg::Vec3& n, const osg::Vec4ub& c) {
        mVertices->push_back(detail::local(x, y, z, mOrigin));
        mNormals->push_back(n);
        mColours->push_back(c);
        return unsigned(mVertices->size() - 1);
    }

    void triangle(unsigned a, unsigned b, unsigned c) {
        mIndices->push_back(a);
        mIndices->push_back(b);
        mIndices->push_back(c);
    }

    // One quad per edge with its own vertices (flat shading); outward normal is (dy, -dx) for a CCW outer
    // ring and for a CW hole alike.
    void addWalls(const gis::Ring& ring, double bottom, double top, const Rgb3& c) {
        const osg::Vec4ub lo = detail::rgba(c.r * 0.86, c.g * 0.86, c.b * 0.86);
        const osg::Vec4ub hi = detail::rgba(c.r, c.g, c.b);
        for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
            const gis::Vec2& p = ring[i];
            const gis::Vec2& q = ring[(i + 1) % n];
            const double dx = q.x - p.x, dy = q.y - p.y, len = std::hypot(dx, dy);
            if (len < 1e-6)
                continue;
            const osg::Vec3 normal(float(dy / len), float(-dx / len), 0.0f);
            const unsigned a = vertex(p.x, p.y, bottom, normal, lo);
            const unsigned b = vertex(q.x, q.y, bottom, normal, lo);
            const unsigned d = vertex(q.x, q.y, top, normal, hi);
            const unsigned e = vertex(p.x, p.y, top, normal, hi);
            triangle(a, b, d);
            triangle(a, d, e);
        }
    }

    void addRoof(const gis::Polygon& poly, double top, const Rgb3& c) {
        const osg::Vec3 up(0, 0, 1);
        const osg::Vec4ub colour = detail::rgba(c.r, c.g, c.b);
        if (poly.holes.empty() && isConvex(poly.outer)) {
            const unsigned first = unsigned(mVertices->size());
            for (const auto& p : poly.outer)
                vertex(p.x, p.y, top, up, colour);
            for (unsigned i = 1; i + 1 < poly.outer.size(); ++i)
                triangle(first, first + i, first + i + 1);
            return;
        }
        const gis::geom::Triangulation t = gis::geom::triangulate(poly);
        if (t.triangles.empty())
            return;
        const unsigned first = unsigned(mVertices->size());
        for (const auto& p : t.points)
            vertex(p.x, p.y, top, up, colour);
        for (const auto& tri : t.triangles)
            triangle(first + tri[0], first + tri[1], first + tri[2]);
    }

    gis::Vec3 mOrigin;
    osg::ref_ptr<osg::Vec3Array> mVertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> mNormals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> mColours = new osg::Vec4ubArray;
    osg::ref_ptr<osg::DrawElementsUInt> mIndices = new osg::DrawElementsUInt(GL_TRIANGLES);
};

// Splits [begin, end) along the longer axis at the median until each part holds at most kTileBuildings.
void splitTiles(std::vector<std::size_t>::iterator begin, std::vector<std::size_t>::iterator end,
                const std::vector<gis::Vec2>& centres, std::vector<std::vector<std::size_t>>& tiles) {
    const auto count = std::size_t(end - begin);
    if (count <= kTileBuildings) {
        if (count > 0)
            tiles.emplace_back(begin, end);
        return;
    }
    gis::Extent e;
    for (auto it = begin; it != end; ++it)
        e.include(centres[*it]);
    const bool alongX = e.width() >= e.height();
    auto mid = begin + std::ptrdiff_t(count / 2);
    std::nth_element(begin, mid, end, [&](std::size_t a, std::size_t b) {
        return alongX ? centres[a].x < centres[b].x : centres[a].y < centres[b].y;
    });
    splitTiles(begin, mid, centres, tiles);
    splitTiles(mid, end, centres, tiles);
}

} // namespace

osg::ref_ptr<osg::Node> buildBuildingsNode(std::span<const gis::Building> buildings, const gis::Vec3& origin,
                                           const gis::RasterF* dem) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName("buildings");
    std::vector<gis::Vec2> centres(buildings.size());
    for (std::size_t i = 0; i < buildings.size(); ++i)
        centres[i] = buildings[i].footprint.extent().isEmpty() ? gis::Vec2{}
                                                               : buildings[i].footprint.extent().center();
    std::vector<std::size_t> order(buildings.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::vector<std::vector<std::size_t>> tiles;
    splitTiles(order.begin(), order.end(), centres, tiles);
    // Keep the tile order stable and the buildings in a tile in input order (deterministic output).
    int index = 0;
    for (auto& tile : tiles) {
        std::sort(tile.begin(), tile.end());
        TileBuilder builder(origin);
        for (std::size_t i : tile)
            builder.add(buildings[i], dem);
        if (auto geometry = builder.finish("buildings_tile_" + std::to_string(index)))
            group->addChild(geometry);
        ++index;
    }
    return group;
}

osg::ref_ptr<osg::Node> buildBuildingsNode(std::span<const gis::Building> buildings,
                                           const gis::Vec3& origin) {
    return buildBuildingsNode(buildings, origin, nullptr);
}

} // namespace viewer
