// Zoning polygons draped on the terrain: a constrained triangulation with Steiner points on the terrain mesh
// grid, every vertex lifted to the terrain height plus kZoneDrapeOffset; a semi-transparent fill in the land
// class colour (PolygonOffset against z-fighting) and an outline that follows the ground.
#include "gis/geom/triangulate.h"
#include "viewer/scene/scene_builder.h"
#include "viewer/scene/scene_util.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geometry>
#include <osg/Group>
#include <osg/LOD>
#include <osg/LineWidth>
#include <osg/PolygonOffset>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace viewer {

namespace {

constexpr double kOutlineLift = 0.3;       // outlines sit this much above the fill
constexpr double kMaxSteinerPoints = 6000; // per zone: coarser grid for very large zones
constexpr double kFillAlpha = 0.72;        // lit by the sun like the terrain, so relief still shows
constexpr double kWaterAlpha = 0.85;       // water (class E) reads as water, not as a tint

double distanceToRing(const gis::Ring& ring, double x, double y) {
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const gis::Vec2& a = ring[i];
        const gis::Vec2& b = ring[(i + 1) % n];
        const double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
        const double t = l2 > 0 ? std::clamp(((x - a.x) * dx + (y - a.y) * dy) / l2, 0.0, 1.0) : 0.0;
        best = std::min(best, std::hypot(a.x + t * dx - x, a.y + t * dy - y));
    }
    return best;
}

double polygonArea(const gis::Polygon& p) {
    auto ringArea = [](const gis::Ring& r) {
        double a = 0;
        for (std::size_t i = 0, n = r.size(); i < n; ++i)
            a += r[i].x * r[(i + 1) % n].y - r[(i + 1) % n].x * r[i].y;
        return std::abs(a) / 2;
    };
    double a = ringArea(p.outer);
    for (const auto& h : p.holes)
        a -= ringArea(h);
    return a;
}

// Grid points of the terrain mesh inside the polygon, kept off its boundary.
std::vector<gis::Vec2> steinerPoints(const gis::Polygon& poly, const gis::RasterF& dem, double spacing) {
    std::vector<gis::Vec2> points;
    const gis::Extent e = poly.extent();
    const double x0 = dem.originX + dem.cellSize / 2, y0 = dem.originY - dem.cellSize / 2;
    const double ia = std::ceil((e.minX - x0) / spacing), ib = std::floor((e.maxX - x0) / spacing);
    const double ja = std::ceil((y0 - e.maxY) / spacing), jb = std::floor((y0 - e.minY) / spacing);
    for (double j = ja; j <= jb; ++j) {
        for (double i = ia; i <= ib; ++i) {
            const double x = x0 + i * spacing, y = y0 - j * spacing;
            if (!gis::contains(poly.outer, {x, y}))
                continue;
            bool ok = distanceToRing(poly.outer, x, y) > spacing * 0.3;
            for (const auto& h : poly.holes)
                ok = ok && !gis::contains(h, {x, y}) && distanceToRing(h, x, y) > spacing * 0.3;
            if (ok)
                points.push_back({x, y});
        }
    }
    return points;
}

// Colour blends over the terrain while the framebuffer alpha stays opaque (QOpenGLWidget composites with it).
void setFillState(osg::StateSet* ss) {
    ss->setMode(GL_BLEND, osg::StateAttribute::ON);
    ss->setAttributeAndModes(
        new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA));
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, false));
    ss->setAttributeAndModes(new osg::PolygonOffset(-1.0f, -4.0f));
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
}

void setLineState(osg::StateSet* ss) {
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    ss->setMode(GL_BLEND, osg::StateAttribute::ON);
    ss->setAttributeAndModes(
        new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA));
    ss->setAttributeAndModes(new osg::LineWidth(1.5f));
    ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
}

// The zones draped on the terrain mesh of the given grid step (see detail::terrainHeight), as geometries
// "zones_fill<suffix>" and "zones_outline<suffix>" under a group named `name`.
osg::ref_ptr<osg::Group> buildZoneGeometry(std::span<const gis::Zone> zones, const gis::RasterF* dem,
                                           const gis::Vec3& origin, int step, const std::string& name,
                                           const std::string& suffix) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(name);
    const double gridSpacing = dem ? dem->cellSize * step : 0.0;

    osg::ref_ptr<osg::Vec3Array> fillVertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> fillNormals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> fillColours = new osg::Vec4ubArray;
    osg::ref_ptr<osg::DrawElementsUInt> fillTriangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    osg::ref_ptr<osg::Vec3Array> lineVertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> lineColours = new osg::Vec4ubArray;
    osg::ref_ptr<osg::DrawElementsUInt> lines = new osg::DrawElementsUInt(GL_LINES);

    auto lift = [&](double x, double y, double extra) {
        return detail::local(x, y, detail::terrainHeight(dem, x, y, step) + kZoneDrapeOffset + extra, origin);
    };

    // Terrain normal by central differences over one terrain mesh cell (matches the terrain's shading).
    auto terrainNormal = [&](double x, double y) {
        if (!dem)
            return osg::Vec3(0, 0, 1);
        const double h = gridSpacing;
        const double dzdx =
            (detail::terrainHeight(dem, x + h, y, step) - detail::terrainHeight(dem, x - h, y, step)) /
            (2 * h);
        const double dzdy =
            (detail::terrainHeight(dem, x, y + h, step) - detail::terrainHeight(dem, x, y - h, step)) /
            (2 * h);
        osg::Vec3 n(float(-dzdx), float(-dzdy), 1.0f);
        n.normalize();
        return n;
    };

    for (const gis::Zone& zone : zones) {
        if (zone.area.outer.size() < 3)
            continue;
        const gis::Rgb rgb = gis::landClassColour(zone.landClass);
        const double alpha = zone.landClass == "E" ? kWaterAlpha : kFillAlpha;
        const osg::Vec4ub fill(rgb.r, rgb.g, rgb.b, std::uint8_t(alpha * 255));
        const osg::Vec4ub edge(std::uint8_t(rgb.r * 0.55), std::uint8_t(rgb.g * 0.55),
                               std::uint8_t(rgb.b * 0.55), 230);

        double spacing = gridSpacing;
        std::vector<gis::Vec2> steiner;
        if (dem) {
            const double area = polygonArea(zone.area);
            if (area / (spacing * spacing) > kMaxSteinerPoints)
                spacing = std::sqrt(area / kMaxSteinerPoints);
            steiner = steinerPoints(zone.area, *dem, spacing);
        }
        const gis::geom::Triangulation t = gis::geom::triangulate(zone.area, dem ? spacing : 0.0, steiner);
        const unsigned first = unsigned(fillVertices->size());
        for (const auto& p : t.points) {
            fillVertices->push_back(lift(p.x, p.y, 0.0));
            fillNormals->push_back(terrainNormal(p.x, p.y));
            fillColours->push_back(fill);
        }
        for (const auto& tri : t.triangles)
            for (std::uint32_t k : tri)
                fillTriangles->push_back(first + k);

        // Outline, densified so that it follows the terrain.
        auto addRing = [&](const gis::Ring& ring) {
            const unsigned start = unsigned(lineVertices->size());
            for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
                const gis::Vec2& a = ring[i];
                const gis::Vec2& b = ring[(i + 1) % n];
                const double len = std::hypot(b.x - a.x, b.y - a.y);
                const int parts = spacing > 0 ? std::max(1, int(std::ceil(len / spacing))) : 1;
                for (int k = 0; k < parts; ++k) {
                    const double u = double(k) / parts;
                    lineVertices->push_back(lift(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u, kOutlineLift));
                    lineColours->push_back(edge);
                }
            }
            const unsigned end = unsigned(lineVertices->size());
            for (unsigned v = start; v < end; ++v) {
                lines->push_back(v);
                lines->push_back(v + 1 < end ? v + 1 : start);
            }
        };
        addRing(zone.area.outer);
        for (const auto& hole : zone.area.holes)
            addRing(hole);
    }

    if (!fillTriangles->empty()) {
        auto geometry = detail::makeGeometry("zones_fill" + suffix);
        geometry->setVertexArray(fillVertices);
        geometry->setNormalArray(fillNormals, osg::Array::BIND_PER_VERTEX);
        geometry->setColorArray(fillColours, osg::Array::BIND_PER_VERTEX);
        geometry->addPrimitiveSet(fillTriangles);
        setFillState(geometry->getOrCreateStateSet());
        group->addChild(geometry);
    }
    if (!lines->empty()) {
        auto geometry = detail::makeGeometry("zones_outline" + suffix);
        geometry->setVertexArray(lineVertices);
        geometry->setColorArray(lineColours, osg::Array::BIND_PER_VERTEX);
        geometry->addPrimitiveSet(lines);
        setLineState(geometry->getOrCreateStateSet());
        group->addChild(geometry);
    }
    return group;
}

} // namespace

// With a DEM whose terrain has a coarse level (detail::terrainLod), "zones" holds an LOD "zones_lod" with the
// same centre, radius and ranges as the terrain's: child 0 drapes on the fine mesh (zones_fill,
// zones_outline), child 1 on the coarse mesh (zones_fill_coarse, zones_outline_coarse). Both LODs see the
// same bounding sphere under the same transform, so they always pick the same level.
osg::ref_ptr<osg::Node> buildZonesNode(std::span<const gis::Zone> zones, const gis::RasterF* dem,
                                       const gis::Vec3& origin) {
    if (dem && dem->isEmpty())
        dem = nullptr;
    const detail::TerrainLod lod = dem ? detail::terrainLod(*dem, origin) : detail::TerrainLod{};
    auto fine = buildZoneGeometry(zones, dem, origin, lod.fineStep, "zones", "");
    if (!lod.enabled || fine->getNumChildren() == 0)
        return fine;
    fine->setName("zones_fine");
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName("zones");
    osg::ref_ptr<osg::LOD> node = detail::makeTerrainLodNode(lod, "zones_lod");
    node->addChild(fine);
    node->addChild(buildZoneGeometry(zones, dem, origin, lod.coarseStep, "zones_coarse", "_coarse"));
    group->addChild(node);
    return group;
}

} // namespace viewer
