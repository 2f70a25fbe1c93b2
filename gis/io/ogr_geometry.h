#pragma once
// Private to gis/io: conversions between gis polygons and OGR geometries (GDAL types stay out of public
// headers).
#include "gis/model/geometry.h"

#include <ogr_geometry.h>

#include <memory>
#include <vector>

namespace gis::io::detail {

inline std::unique_ptr<OGRPolygon> toOgr(const Polygon& p) {
    auto poly = std::make_unique<OGRPolygon>();
    auto addRing = [&](const Ring& r) {
        auto ring = new OGRLinearRing();
        ring->setNumPoints(int(r.size()) + 1, FALSE);
        for (std::size_t i = 0; i <= r.size(); ++i) {
            const Vec2& v = r[i % r.size()];
            ring->setPoint(int(i), v.x, v.y);
        }
        poly->addRingDirectly(ring);
    };
    addRing(p.outer);
    for (const auto& h : p.holes)
        addRing(h);
    return poly;
}

inline Ring fromOgrRing(const OGRLinearRing* ring) {
    Ring r;
    if (!ring)
        return r;
    const int n = ring->getNumPoints();
    r.reserve(n);
    for (int i = 0; i < n; ++i)
        r.push_back({ring->getX(i), ring->getY(i)});
    return r;
}

// Polygons of a (Multi)Polygon/CurvePolygon geometry; other types give none.
inline std::vector<Polygon> polygonsOf(const OGRGeometry* g) {
    std::vector<Polygon> out;
    if (!g)
        return out;
    auto addPolygon = [&](const OGRPolygon* poly) {
        Polygon p;
        p.outer = fromOgrRing(poly->getExteriorRing());
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            p.holes.push_back(fromOgrRing(poly->getInteriorRing(i)));
        normalizeOrientation(p);
        if (p.outer.size() >= 3)
            out.push_back(std::move(p));
    };
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
        addPolygon(g->toPolygon());
        break;
    case wkbMultiPolygon:
        for (const auto* part : g->toMultiPolygon())
            addPolygon(part);
        break;
    case wkbGeometryCollection: // e.g. what MakeValid returns for a self-touching ring: keep its polygons
        for (const auto* part : g->toGeometryCollection())
            for (auto& p : polygonsOf(part))
                out.push_back(std::move(p));
        break;
    case wkbCurvePolygon:
    case wkbMultiSurface: {
        std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
        return polygonsOf(linear.get());
    }
    default:
        break;
    }
    return out;
}

} // namespace gis::io::detail
