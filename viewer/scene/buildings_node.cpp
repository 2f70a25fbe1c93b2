// Extruded (LoD1) buildings, batched: buildings are split into spatially compact tiles (k-d split on
// footprint centres) and every tile is one Geometry with one DrawElementsUInt.
//
// Level of detail by screen size: every tile is an osg::LOD (PIXEL_SIZE_ON_SCREEN) whose child 0 holds every
// building's full geometry and whose child 1 holds merged blocks: the tile's buildings clustered into k-d
// leaves of about kClusterBuildings buildings, one box per cluster (towers keep their own) in the tile's
// dominant orientation, with the area-weighted roof height and a footprint sized so that the block covers as
// much screen as its buildings seen from kCoverPitch (its roof mixes in the wall colour it no longer shows).
// The blocks render while the tile's typical building is smaller than kNearBuildingPixels on screen: the city
// still reads as boxes with heights, at about a sixth of the triangles (software GL pays per triangle). The
// blocks use 8 shared vertices per box and flat shading.
#include "gis/geom/triangulate.h"
#include "viewer/scene/scene_builder.h"
#include "viewer/scene/scene_util.h"

#include <osg/Geometry>
#include <osg/Group>
#include <osg/LOD>
#include <osg/ShadeModel>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace viewer {

namespace {

constexpr std::size_t kTileBuildings = 2048; // at least; more per tile above kMaxTiles tiles
constexpr std::size_t kMaxTiles = 64;
constexpr double kClusterBuildings = 6.0;       // buildings per merged block (on average)
constexpr double kNearBuildingPixels = 2.0;     // full detail from this typical building size on screen
constexpr double kTowerRatio = 1.6;             // taller than this times its cluster: own block
constexpr double kCoverPitch = 35 * M_PI / 180; // blocks match the buildings' look from this pitch

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

// A building ready to extrude: cleaned footprint (outer CCW, holes CW), wall bottom and top, colours.
struct Prepared {
    bool valid = false;
    gis::Polygon poly;
    double area = 0, perimeter = 0;
    gis::Vec2 centre;
    double bottom = 0, top = 0;
    Rgb3 wall{}, roof{};
};

Prepared prepare(const gis::Building& b, const gis::RasterF* dem) {
    Prepared out;
    if (b.footprint.outer.size() < 3 || !(b.height > 0))
        return out;
    gis::Polygon& poly = out.poly;
    poly.outer = cleanRing(b.footprint.outer);
    if (poly.outer.size() < 3)
        return out;
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
    out.bottom = b.baseZ;
    if (dem && b.use != "bridge") {
        for (const auto& p : poly.outer)
            out.bottom = std::min(out.bottom, detail::terrainHeight(dem, p.x, p.y));
        out.bottom -= 0.5;
    }
    out.top = b.baseZ + b.height;
    out.wall = wallColour(b);
    out.roof = roofColour(b, out.wall);
    out.area = ringArea(poly.outer);
    for (const auto& h : poly.holes)
        out.area += ringArea(h); // negative for CW holes
    out.area = std::max(out.area, 1e-6);
    for (std::size_t i = 0, n = poly.outer.size(); i < n; ++i)
        out.perimeter += std::hypot(poly.outer[(i + 1) % n].x - poly.outer[i].x,
                                    poly.outer[(i + 1) % n].y - poly.outer[i].y);
    out.centre = poly.extent().center();
    out.valid = true;
    return out;
}

class TileBuilder {
public:
    explicit TileBuilder(const gis::Vec3& origin) : mOrigin(origin) {}

    void add(const Prepared& b) {
        addWalls(b.poly.outer, b.bottom, b.top, b.wall);
        for (const auto& hole : b.poly.holes)
            addWalls(hole, b.bottom, b.top, b.wall);
        addRoof(b.poly, b.top, b.roof);
    }

    // A box over the rectangle `corners` (counter-clockwise).
    // A box over the rectangle `corners` (counter-clockwise) with 8 shared vertices, for flat shading
    // (osg::ShadeModel::FLAT: a triangle takes the lit colour of its last vertex): bottom corner i carries
    // wall i's normal and colour, top corner 0 the roof's; every triangle ends on the vertex of its face.
    void addBox(const gis::Ring& corners, double bottom, double top, const Rgb3& wall, const Rgb3& roof) {
        const unsigned b = unsigned(mVertices->size()), t = b + 4;
        for (int i = 0; i < 4; ++i) {
            const gis::Vec2& p = corners[std::size_t(i)];
            const gis::Vec2& q = corners[std::size_t(i + 1) % 4];
            const double dx = q.x - p.x, dy = q.y - p.y, len = std::max(std::hypot(dx, dy), 1e-9);
            vertex(p.x, p.y, bottom, osg::Vec3(float(dy / len), float(-dx / len), 0.0f),
                   detail::rgba(wall.r * 0.93, wall.g * 0.93, wall.b * 0.93));
        }
        for (int i = 0; i < 4; ++i)
            vertex(corners[std::size_t(i)].x, corners[std::size_t(i)].y, top, osg::Vec3(0, 0, 1),
                   detail::rgba(roof.r, roof.g, roof.b));
        for (unsigned i = 0; i < 4; ++i) {
            const unsigned j = (i + 1) % 4;
            triangle(b + j, t + j, b + i);
            triangle(t + j, t + i, b + i);
        }
        triangle(t + 1, t + 2, t);
        triangle(t + 2, t + 3, t);
    }

    std::size_t triangleCount() const { return mIndices->size() / 3; }

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

// Splits [begin, end) along the longer axis at the median until each part holds at most maxPerTile.
void splitTiles(std::vector<std::size_t>::iterator begin, std::vector<std::size_t>::iterator end,
                const std::vector<gis::Vec2>& centres, std::size_t maxPerTile,
                std::vector<std::vector<std::size_t>>& tiles) {
    const auto count = std::size_t(end - begin);
    if (count <= maxPerTile) {
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
    splitTiles(begin, mid, centres, maxPerTile, tiles);
    splitTiles(mid, end, centres, maxPerTile, tiles);
}

// Dominant footprint orientation of a tile (radians in [0, pi/2)): edge directions modulo 90 degrees,
// averaged on the circle with the edge lengths as weights.
double dominantOrientation(const std::vector<const Prepared*>& tile) {
    double c = 0, s = 0;
    for (const Prepared* b : tile)
        for (std::size_t i = 0, n = b->poly.outer.size(); i < n; ++i) {
            const gis::Vec2& p = b->poly.outer[i];
            const gis::Vec2& q = b->poly.outer[(i + 1) % n];
            const double dx = q.x - p.x, dy = q.y - p.y, len = std::hypot(dx, dy);
            const double a = 4 * std::atan2(dy, dx);
            c += len * std::cos(a);
            s += len * std::sin(a);
        }
    if (std::hypot(c, s) < 1e-9)
        return 0;
    double angle = std::atan2(s, c) / 4;
    if (angle < 0)
        angle += M_PI / 2;
    return angle;
}

// The far child of a tile: merged blocks (see the file comment).
void addMergedBlocks(const std::vector<const Prepared*>& tile, TileBuilder& builder) {
    const double angle = dominantOrientation(tile);
    const double ca = std::cos(angle), sa = std::sin(angle);
    // (u, v): the tile's frame rotated by `angle`.
    auto toU = [&](const gis::Vec2& p) { return gis::Vec2{p.x * ca + p.y * sa, -p.x * sa + p.y * ca}; };
    auto fromU = [&](double u, double v) { return gis::Vec2{u * ca - v * sa, u * sa + v * ca}; };
    // Clusters: k-d leaves of about kClusterBuildings buildings (median splits along the longer side follow
    // the city's own rows and blocks; a fixed grid would alias with them).
    std::vector<std::size_t> order(tile.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::vector<gis::Vec2> uv(tile.size());
    for (std::size_t i = 0; i < tile.size(); ++i)
        uv[i] = toU(tile[i]->centre);
    std::vector<std::pair<std::size_t, std::size_t>> leaves; // [first, last) in order
    auto split = [&](auto&& self, std::size_t first, std::size_t last) -> void {
        const std::size_t count = last - first;
        const auto groups = std::size_t(std::ceil(double(count) / kClusterBuildings - 1e-9));
        if (groups <= 1) {
            leaves.emplace_back(first, last);
            return;
        }
        gis::Extent e;
        for (std::size_t i = first; i < last; ++i)
            e.include(uv[order[i]]);
        const bool alongU = e.width() >= e.height();
        const std::size_t mid = first + count * (groups / 2) / groups;
        std::nth_element(order.begin() + std::ptrdiff_t(first), order.begin() + std::ptrdiff_t(mid),
                         order.begin() + std::ptrdiff_t(last), [&](std::size_t a, std::size_t b) {
                             return alongU ? uv[a].x < uv[b].x : uv[a].y < uv[b].y;
                         });
        self(self, first, mid);
        self(self, mid, last);
    };
    split(split, 0, order.size());
    struct Cluster {
        gis::Extent extent; // in (u, v)
        double area = 0, cover = 0, wallCover = 0, u = 0, v = 0, top = 0;
        double bottom = std::numeric_limits<double>::infinity();
        Rgb3 wall{0, 0, 0}, roof{0, 0, 0};
    };
    std::vector<Cluster> clusters(leaves.size());
    auto heightOf = [](const Prepared* b) { return b->top - b->bottom; };
    for (std::size_t leaf = 0; leaf < leaves.size(); ++leaf) {
        // Towers keep their own block: a building more than kTowerRatio times the leaf's area-weighted
        // height would otherwise vanish into its neighbours.
        double sumA = 0, sumAH = 0;
        for (std::size_t n = leaves[leaf].first; n < leaves[leaf].second; ++n) {
            sumA += tile[order[n]]->area;
            sumAH += tile[order[n]]->area * heightOf(tile[order[n]]);
        }
        const double towerHeight = kTowerRatio * sumAH / std::max(sumA, 1e-9);
        for (std::size_t n = leaves[leaf].first; n < leaves[leaf].second; ++n) {
            const Prepared* b = tile[order[n]];
            const gis::Vec2 c = uv[order[n]];
            const bool tower = leaves[leaf].second - leaves[leaf].first > 1 && heightOf(b) > towerHeight;
            if (tower)
                clusters.emplace_back();
            Cluster& k = tower ? clusters.back() : clusters[leaf];
            for (const auto& p : b->poly.outer)
                k.extent.include(toU(p));
            const double a = b->area;
            // Screen cover (see below) of the roof and of the walls, which weight the colours.
            const double rc = a * std::sin(kCoverPitch);
            const double wc = b->perimeter * (b->top - b->bottom) * std::cos(kCoverPitch) / M_PI;
            k.area += a;
            k.cover += rc + wc;
            k.wallCover += wc;
            k.u += a * c.x;
            k.v += a * c.y;
            k.top += a * b->top;
            k.bottom = std::min(k.bottom, b->bottom);
            k.wall = {k.wall.r + wc * b->wall.r, k.wall.g + wc * b->wall.g, k.wall.b + wc * b->wall.b};
            k.roof = {k.roof.r + rc * b->roof.r, k.roof.g + rc * b->roof.g, k.roof.b + rc * b->roof.b};
        }
    }
    for (const Cluster& k : clusters) {
        if (k.area <= 0 || k.wallCover <= 0)
            continue;
        const double a = k.area;
        // The union extent shrunk (same aspect) so that the block covers as much screen as the buildings do
        // seen from kCoverPitch above the horizon (averaged over all headings: a box covers
        // A sin(p) + P H cos(p) / pi), centred on the area-weighted centre (kept inside the extent).
        const double w = std::max(k.extent.width(), 1e-3), h = std::max(k.extent.height(), 1e-3);
        const double height = std::max(k.top / a - k.bottom, 0.0);
        const double sinP = std::sin(kCoverPitch), cosP = std::cos(kCoverPitch);
        const double qa = w * h * sinP, qb = 2 * (w + h) * height * cosP / M_PI;
        const double root = (-qb + std::sqrt(qb * qb + 4 * qa * k.cover)) / (2 * qa);
        const double scale = std::clamp(root, std::sqrt(a / (w * h)), 1.0);
        // The block shows more roof and less wall than its buildings: its roof mixes in the wall colour of
        // the wall cover it lacks, which keeps the cluster's average colour (as seen from kCoverPitch).
        const double wallCover = 2 * (w + h) * scale * height * cosP / M_PI;
        const double roofCover = k.cover - k.wallCover, lack = std::max(k.wallCover - wallCover, 0.0);
        const Rgb3 wall{k.wall.r / k.wallCover, k.wall.g / k.wallCover, k.wall.b / k.wallCover};
        const double rw = std::max(roofCover + lack, 1e-9);
        const Rgb3 roof{(k.roof.r + lack * wall.r) / rw, (k.roof.g + lack * wall.g) / rw,
                        (k.roof.b + lack * wall.b) / rw};
        const double hw = w * scale / 2, hh = h * scale / 2;
        const double cu = std::clamp(k.u / a, k.extent.minX + hw, k.extent.maxX - hw);
        const double cv = std::clamp(k.v / a, k.extent.minY + hh, k.extent.maxY - hh);
        const gis::Ring corners{fromU(cu - hw, cv - hh), fromU(cu + hw, cv - hh), fromU(cu + hw, cv + hh),
                                fromU(cu - hw, cv + hh)};
        builder.addBox(corners, k.bottom, k.top / a, wall, roof);
    }
}

// Median of sqrt(footprint area): the tile's typical building size in metres.
double typicalSize(const std::vector<const Prepared*>& tile) {
    std::vector<double> sizes;
    sizes.reserve(tile.size());
    for (const Prepared* b : tile)
        sizes.push_back(std::sqrt(b->area));
    auto mid = sizes.begin() + std::ptrdiff_t(sizes.size() / 2);
    std::nth_element(sizes.begin(), mid, sizes.end());
    return std::max(*mid, 1.0);
}

} // namespace

// Under "buildings": per tile an LOD "buildings_lod_<i>" with child 0 the full geometry "buildings_tile_<i>"
// and child 1 the merged blocks "buildings_far_<i>". Tiles of at most a few buildings, whose blocks would not
// save anything, are the full geometry alone.
osg::ref_ptr<osg::Node> buildBuildingsNode(std::span<const gis::Building> buildings, const gis::Vec3& origin,
                                           const gis::RasterF* dem) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName("buildings");
    std::vector<Prepared> prepared(buildings.size());
    std::vector<gis::Vec2> centres(buildings.size());
    for (std::size_t i = 0; i < buildings.size(); ++i) {
        prepared[i] = prepare(buildings[i], dem);
        centres[i] = buildings[i].footprint.extent().isEmpty() ? gis::Vec2{}
                                                               : buildings[i].footprint.extent().center();
    }
    std::vector<std::size_t> order(buildings.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::vector<std::vector<std::size_t>> tiles;
    const std::size_t perTile = std::max(kTileBuildings, (buildings.size() + kMaxTiles - 1) / kMaxTiles);
    splitTiles(order.begin(), order.end(), centres, perTile, tiles);
    // Keep the tile order stable and the buildings in a tile in input order (deterministic output).
    int index = 0;
    for (auto& tile : tiles) {
        std::sort(tile.begin(), tile.end());
        std::vector<const Prepared*> valid;
        for (std::size_t i : tile)
            if (prepared[i].valid)
                valid.push_back(&prepared[i]);
        const std::string suffix = std::to_string(index++);
        TileBuilder near(origin);
        for (const Prepared* b : valid)
            near.add(*b);
        auto nearGeometry = near.finish("buildings_tile_" + suffix);
        if (!nearGeometry)
            continue;
        TileBuilder far(origin);
        addMergedBlocks(valid, far);
        if (far.triangleCount() == 0 || far.triangleCount() * 2 > near.triangleCount()) {
            group->addChild(nearGeometry);
            continue;
        }
        const osg::BoundingSphere bound = nearGeometry->getBound();
        osg::ref_ptr<osg::LOD> lod = new osg::LOD;
        lod->setName("buildings_lod_" + suffix);
        lod->setRangeMode(osg::LOD::PIXEL_SIZE_ON_SCREEN);
        lod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
        lod->setCenter(bound.center());
        lod->setRadius(bound.radius());
        // Pixel size is the bounding sphere's diameter on screen: a building of size s metres covers
        // s * pixelSize / (2 * radius) pixels.
        const float threshold = float(kNearBuildingPixels * 2 * bound.radius() / typicalSize(valid));
        lod->addChild(nearGeometry, threshold, std::numeric_limits<float>::max());
        auto farGeometry = far.finish("buildings_far_" + suffix);
        farGeometry->getOrCreateStateSet()->setAttribute(new osg::ShadeModel(osg::ShadeModel::FLAT));
        lod->addChild(farGeometry, 0.0f, threshold);
        group->addChild(lod);
    }
    return group;
}

osg::ref_ptr<osg::Node> buildBuildingsNode(std::span<const gis::Building> buildings,
                                           const gis::Vec3& origin) {
    return buildBuildingsNode(buildings, origin, nullptr);
}

} // namespace viewer
