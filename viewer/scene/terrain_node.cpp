// Terrain: the DEM as a regular grid of triangles between cell centres, split into tiles (one Geometry and
// one draw call each) so that OSG can cull what is off screen.
#include "viewer/scene/scene_builder.h"
#include "viewer/scene/scene_util.h"

#include <osg/Geometry>
#include <osg/Group>
#include <osg/LOD>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace viewer {

namespace {

constexpr int kTileQuads = 256; // quads per tile side

struct Stop {
    double t;
    double r, g, b;
};

// An earthy ramp by relative height: valley greens, olive slopes, brown and grey tops.
osg::Vec3d rampColour(double t) {
    static constexpr std::array<Stop, 5> stops{{{0.00, 0.40, 0.53, 0.29},
                                                {0.30, 0.50, 0.60, 0.33},
                                                {0.60, 0.55, 0.59, 0.37},
                                                {0.85, 0.57, 0.55, 0.40},
                                                {1.00, 0.63, 0.60, 0.52}}};
    t = std::clamp(t, 0.0, 1.0);
    for (std::size_t i = 1; i < stops.size(); ++i) {
        if (t <= stops[i].t) {
            const Stop& a = stops[i - 1];
            const Stop& b = stops[i];
            const double u = (t - a.t) / (b.t - a.t);
            return {a.r + (b.r - a.r) * u, a.g + (b.g - a.g) * u, a.b + (b.b - a.b) * u};
        }
    }
    return {stops.back().r, stops.back().g, stops.back().b};
}

std::vector<int> sampleIndices(int count, int step) {
    std::vector<int> out;
    for (int i = 0; i < count; i += step)
        out.push_back(i);
    if (out.empty() || out.back() != count - 1)
        out.push_back(count - 1);
    return out;
}

// The terrain mesh on the grid of every step-th cell, in tiles named <prefix><index>.
osg::ref_ptr<osg::Group> buildTerrainTiles(const gis::RasterF& dem, const gis::Vec3& origin, int step,
                                           const std::string& name, const std::string& prefix) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(name);
    const std::vector<int> cols = sampleIndices(dem.width, step);
    const std::vector<int> rows = sampleIndices(dem.height, step);
    const int nc = int(cols.size()), nr = int(rows.size());

    const auto range = dem.valueRange();
    if (!range)
        return group;
    const auto [zMin, zMax] = *range;
    const double zRange = std::max(zMax - zMin, 1.0);

    auto valid = [&](int i, int j) { return !dem.isNoData(dem.at(cols[i], rows[j])); };
    auto height = [&](int i, int j) {
        i = std::clamp(i, 0, nc - 1);
        j = std::clamp(j, 0, nr - 1);
        const float v = dem.at(cols[i], rows[j]);
        return dem.isNoData(v) ? std::numeric_limits<double>::quiet_NaN() : double(v);
    };
    auto position = [&](int i, int j) {
        const gis::Vec2 c = dem.cellCenter(cols[i], rows[j]);
        return c;
    };

    int tileIndex = 0;
    for (int j0 = 0; j0 < nr - 1; j0 += kTileQuads) {
        for (int i0 = 0; i0 < nc - 1; i0 += kTileQuads) {
            const int i1 = std::min(i0 + kTileQuads, nc - 1), j1 = std::min(j0 + kTileQuads, nr - 1);
            const int tw = i1 - i0 + 1, th = j1 - j0 + 1;
            osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
            osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
            osg::ref_ptr<osg::Vec4ubArray> colours = new osg::Vec4ubArray;
            vertices->reserve(std::size_t(tw) * th);
            normals->reserve(std::size_t(tw) * th);
            colours->reserve(std::size_t(tw) * th);
            for (int j = j0; j <= j1; ++j) {
                for (int i = i0; i <= i1; ++i) {
                    const gis::Vec2 p = position(i, j);
                    double z = height(i, j);
                    if (std::isnan(z))
                        z = zMin;
                    vertices->push_back(detail::local(p.x, p.y, z, origin));
                    // Central differences (one-sided at borders and next to nodata).
                    auto hOr = [&](int a, int b) {
                        const double v = height(a, b);
                        return std::isnan(v) ? z : v;
                    };
                    const gis::Vec2 pw = position(std::max(i - 1, 0), j),
                                    pe = position(std::min(i + 1, nc - 1), j);
                    const gis::Vec2 pn = position(i, std::max(j - 1, 0)),
                                    ps = position(i, std::min(j + 1, nr - 1));
                    const double dx = std::max(pe.x - pw.x, 1e-6), dy = std::max(pn.y - ps.y, 1e-6);
                    const double dzdx = (hOr(i + 1, j) - hOr(i - 1, j)) / dx;
                    const double dzdy = (hOr(i, j - 1) - hOr(i, j + 1)) / dy;
                    osg::Vec3 n(float(-dzdx), float(-dzdy), 1.0f);
                    n.normalize();
                    normals->push_back(n);
                    // Height ramp, browner on steep slopes.
                    osg::Vec3d c = rampColour((z - zMin) / zRange);
                    const double steep = std::clamp((1.0 - n.z()) * 4.0, 0.0, 0.6);
                    c = c * (1 - steep) + osg::Vec3d(0.52, 0.45, 0.35) * steep;
                    colours->push_back(detail::rgba(c.x(), c.y(), c.z()));
                }
            }
            osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
            triangles->reserve(std::size_t(tw - 1) * (th - 1) * 6);
            for (int j = j0; j < j1; ++j) {
                for (int i = i0; i < i1; ++i) {
                    const unsigned a = unsigned((j - j0) * tw + (i - i0)); // north-west
                    const unsigned b = a + 1;                              // north-east
                    const unsigned c = a + unsigned(tw);                   // south-west
                    const unsigned d = c + 1;                              // south-east
                    const bool va = valid(i, j), vb = valid(i + 1, j), vc = valid(i, j + 1),
                               vd = valid(i + 1, j + 1);
                    // Counter-clockwise seen from above (x east, y north).
                    if (va && vc && vd) {
                        triangles->push_back(a);
                        triangles->push_back(c);
                        triangles->push_back(d);
                    }
                    if (va && vd && vb) {
                        triangles->push_back(a);
                        triangles->push_back(d);
                        triangles->push_back(b);
                    }
                }
            }
            if (triangles->empty())
                continue;
            auto geometry = detail::makeGeometry(prefix + std::to_string(tileIndex++));
            geometry->setVertexArray(vertices);
            geometry->setNormalArray(normals, osg::Array::BIND_PER_VERTEX);
            geometry->setColorArray(colours, osg::Array::BIND_PER_VERTEX);
            geometry->addPrimitiveSet(triangles);
            group->addChild(geometry);
        }
    }
    return group;
}

} // namespace

// Without a coarse level: the fine tiles under "terrain". With one: "terrain" holds an LOD "terrain_lod"
// whose child 0 is the fine tiles (terrain_tile_<i>) and child 1 the coarse tiles (terrain_coarse_tile_<i>).
osg::ref_ptr<osg::Node> buildTerrainNode(const gis::RasterF& dem, const gis::Vec3& origin) {
    if (dem.isEmpty() || dem.width < 2 || dem.height < 2) {
        osg::ref_ptr<osg::Group> group = new osg::Group;
        group->setName("terrain");
        return group;
    }
    const detail::TerrainLod lod = detail::terrainLod(dem, origin);
    auto fine = buildTerrainTiles(dem, origin, lod.fineStep, "terrain", "terrain_tile_");
    if (!lod.enabled || fine->getNumChildren() == 0)
        return fine;
    fine->setName("terrain_fine");
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName("terrain");
    osg::ref_ptr<osg::LOD> node = detail::makeTerrainLodNode(lod, "terrain_lod");
    node->addChild(fine);
    node->addChild(buildTerrainTiles(dem, origin, lod.coarseStep, "terrain_coarse", "terrain_coarse_tile_"));
    group->addChild(node);
    return group;
}

} // namespace viewer
