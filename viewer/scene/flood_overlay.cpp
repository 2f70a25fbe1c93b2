#include "viewer/scene/flood_overlay.h"
#include "viewer/scene/scene_util.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Group>
#include <osg/PolygonOffset>

#include <unordered_map>

namespace viewer {

namespace flood = gis::analysis::flood;

namespace {

void setWaterState(osg::StateSet* ss) {
    ss->setMode(GL_BLEND, osg::StateAttribute::ON);
    ss->setAttributeAndModes(
        new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA));
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, false));
    ss->setAttributeAndModes(new osg::PolygonOffset(-1.0f, -8.0f));
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
}

} // namespace

std::array<float, 4> floodClassColour(int k) {
    // Classed blues (ColorBrewer "Blues", 6 classes) from shallow to deep.
    static constexpr std::array<std::array<float, 3>, 6> blues{{{0.78f, 0.86f, 0.94f},
                                                                {0.62f, 0.79f, 0.88f},
                                                                {0.42f, 0.68f, 0.84f},
                                                                {0.26f, 0.57f, 0.78f},
                                                                {0.13f, 0.44f, 0.71f},
                                                                {0.03f, 0.27f, 0.58f}}};
    const auto& c = blues[std::clamp(k, 0, 5)];
    return {c[0], c[1], c[2], 0.55f + 0.05f * std::clamp(k, 0, 5)};
}

osg::ref_ptr<osg::Node> buildFloodSurface(const gis::RasterF& depth, const gis::RasterF& ground,
                                          const gis::Vec3& origin) {
    if (depth.isEmpty() || ground.width != depth.width || ground.height != depth.height)
        return nullptr;
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> colours = new osg::Vec4ubArray;
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    const double cs = depth.cellSize;
    for (int row = 0; row < depth.height; ++row)
        for (int col = 0; col < depth.width; ++col) {
            const float d = depth.at(col, row);
            const float g = ground.at(col, row);
            if (depth.isNoData(d) || ground.isNoData(g))
                continue;
            const int k = flood::depthClass(d);
            if (k < 0)
                continue;
            // A few centimetres up: the terrain mesh interpolates between cell centres and would otherwise
            // poke through shallow water on slopes.
            const double z = double(g) + d + 0.05;
            const double x0 = depth.originX + col * cs, y0 = depth.originY - row * cs;
            const auto base = std::uint32_t(vertices->size());
            vertices->push_back(detail::local(x0, y0 - cs, z, origin));
            vertices->push_back(detail::local(x0 + cs, y0 - cs, z, origin));
            vertices->push_back(detail::local(x0 + cs, y0, z, origin));
            vertices->push_back(detail::local(x0, y0, z, origin));
            const auto c = floodClassColour(k);
            const osg::Vec4ub rgba = detail::rgba(c[0], c[1], c[2], c[3]);
            for (int i = 0; i < 4; ++i)
                colours->push_back(rgba);
            for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u})
                triangles->push_back(base + i);
        }
    if (vertices->empty())
        return nullptr;
    osg::ref_ptr<osg::Geometry> geometry = detail::makeGeometry("flood_surface");
    geometry->setVertexArray(vertices);
    geometry->setColorArray(colours, osg::Array::BIND_PER_VERTEX);
    osg::ref_ptr<osg::Vec3Array> normal = new osg::Vec3Array;
    normal->push_back(osg::Vec3(0, 0, 1));
    geometry->setNormalArray(normal, osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(triangles);
    setWaterState(geometry->getOrCreateStateSet());
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("flood_surface");
    geode->addDrawable(geometry);
    return geode;
}

osg::ref_ptr<osg::Node> buildAffectedBuildings(const std::vector<gis::Building>& buildings,
                                               const flood::FloodImpact& impact, const gis::Vec3& origin) {
    if (impact.buildings.empty())
        return nullptr;
    std::unordered_map<std::int64_t, const flood::AffectedBuilding*> affected;
    for (const auto& a : impact.buildings)
        affected.emplace(a.id, &a);
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> colours = new osg::Vec4ubArray;
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    for (const gis::Building& b : buildings) {
        auto it = affected.find(b.id);
        if (it == affected.end() || b.footprint.outer.size() < 3)
            continue;
        // Hazard colours: yellow for the shallowest class to red for the deepest.
        const double t = it->second->depthClass / double(flood::kDepthClasses.size() - 1);
        const osg::Vec4ub rgba = detail::rgba(1.0, 0.85 * (1 - t), 0.1, 0.6);
        const gis::Vec2 c = b.footprint.extent().center();
        const auto& ring = b.footprint.outer;
        const double z0 = b.baseZ - 0.2, z1 = b.baseZ + b.height + 0.4;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            // 0.4 m outside the wall (scaled about the centre) so the shell never z-fights it.
            auto out = [&](const gis::Vec2& p) {
                const gis::Vec2 d = p - c;
                const double len = std::hypot(d.x, d.y);
                return len > 0 ? c + d * ((len + 0.4) / len) : p;
            };
            const gis::Vec2 a = out(ring[i]), e = out(ring[(i + 1) % ring.size()]);
            const auto base = std::uint32_t(vertices->size());
            vertices->push_back(detail::local(a.x, a.y, z0, origin));
            vertices->push_back(detail::local(e.x, e.y, z0, origin));
            vertices->push_back(detail::local(e.x, e.y, z1, origin));
            vertices->push_back(detail::local(a.x, a.y, z1, origin));
            for (int k = 0; k < 4; ++k)
                colours->push_back(rgba);
            for (std::uint32_t k : {0u, 1u, 2u, 0u, 2u, 3u})
                triangles->push_back(base + k);
        }
    }
    osg::ref_ptr<osg::Geometry> geometry = detail::makeGeometry("flood_affected_buildings");
    geometry->setVertexArray(vertices);
    geometry->setColorArray(colours, osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(triangles);
    osg::StateSet* ss = geometry->getOrCreateStateSet();
    setWaterState(ss);
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("flood_affected_buildings");
    geode->addDrawable(geometry);
    return geode;
}

} // namespace viewer
