// The swept shadow of a prism is the union of its footprint, the footprint translated to the roof's shadow
// and one quadrilateral per footprint edge between the two; GEOS (through OGR) does the unions, which are
// exactly what it does well, so nothing of that is hand-written here.
#include "gis/analysis/shadow_outline.h"

#include <ogr_geometry.h>

#include <cmath>
#include <memory>
#include <numbers>

namespace gis::analysis {

namespace {

std::unique_ptr<OGRPolygon> toOgr(const Ring& outer, const std::vector<Ring>& holes, Vec2 offset) {
    auto polygon = std::make_unique<OGRPolygon>();
    auto addRing = [&](const Ring& r) {
        auto ring = std::make_unique<OGRLinearRing>();
        for (const Vec2& p : r)
            ring->addPoint(p.x + offset.x, p.y + offset.y);
        ring->closeRings();
        polygon->addRingDirectly(ring.release());
    };
    addRing(outer);
    for (const Ring& h : holes)
        addRing(h);
    return polygon;
}

void collect(const OGRGeometry* g, std::vector<Polygon>& out) {
    if (!g)
        return;
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon) {
        const auto* p = g->toPolygon();
        Polygon poly;
        auto ring = [](const OGRLinearRing* r) {
            Ring out;
            for (int i = 0; i + 1 < r->getNumPoints(); ++i) // drop the closing vertex
                out.push_back({r->getX(i), r->getY(i)});
            return out;
        };
        poly.outer = ring(p->getExteriorRing());
        for (int i = 0; i < p->getNumInteriorRings(); ++i)
            poly.holes.push_back(ring(p->getInteriorRing(i)));
        normalizeOrientation(poly);
        out.push_back(std::move(poly));
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        const auto* c = g->toGeometryCollection();
        for (int i = 0; i < c->getNumGeometries(); ++i)
            collect(c->getGeometryRef(i), out);
    }
}

} // namespace

Result<ShadowOutlines> shadowOutlines(const std::vector<Building>& buildings, const SunDirectionGrid& sun) {
    if (!(sun.elevation > 0))
        return Error{"The sun is at or below the horizon (elevation " + std::to_string(sun.elevation) +
                     "°): there are no shadow outlines, everything is in shadow."};
    constexpr double kDeg = std::numbers::pi / 180;
    // Shadows point away from the sun.
    const Vec2 away{-std::sin(sun.azimuth * kDeg), -std::cos(sun.azimuth * kDeg)};
    const double perMetre = 1.0 / std::tan(sun.elevation * kDeg);

    OGRMultiPolygon all;
    ShadowOutlines out;
    for (const Building& b : buildings) {
        if (b.footprint.outer.size() < 3 || !(b.height > 0))
            continue;
        const double length = b.height * perMetre;
        out.longestShadow = std::max(out.longestShadow, length);
        const Vec2 v = away * length;
        OGRMultiPolygon parts;
        parts.addGeometryDirectly(toOgr(b.footprint.outer, b.footprint.holes, {}).release());
        parts.addGeometryDirectly(toOgr(b.footprint.outer, b.footprint.holes, v).release());
        const Ring& r = b.footprint.outer;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const Vec2 a = r[i], c = r[(i + 1) % r.size()];
            const Ring quad{a, c, c + v, a + v};
            if (std::abs(signedArea(quad)) > 1e-9)
                parts.addGeometryDirectly(toOgr(quad, {}, {}).release());
        }
        std::unique_ptr<OGRGeometry> shadow(parts.UnionCascaded());
        if (!shadow)
            continue; // GEOS failed on a degenerate footprint: the footprint import reported it already
        collect(shadow.get(), out.polygons);
    }
    // Merge the shadows of neighbouring buildings.
    for (const Polygon& p : out.polygons)
        all.addGeometryDirectly(toOgr(p.outer, p.holes, {}).release());
    out.polygons.clear();
    if (!all.IsEmpty()) {
        std::unique_ptr<OGRGeometry> merged(all.UnionCascaded());
        if (!merged)
            return Error{"Cannot merge the shadow outlines (GEOS union failed)."};
        collect(merged.get(), out.polygons);
    }
    for (const Polygon& p : out.polygons)
        out.area += area(p);
    return out;
}

} // namespace gis::analysis
