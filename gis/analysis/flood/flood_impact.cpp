#include "gis/analysis/flood/flood_impact.h"

#include <algorithm>
#include <cmath>

namespace gis::analysis::flood {

namespace {

double segmentDistanceSquared(const Vec2& p, const Vec2& a, const Vec2& b) {
    const Vec2 ab = b - a, ap = p - a;
    const double len2 = ab.x * ab.x + ab.y * ab.y;
    const double t = len2 > 0 ? std::clamp((ap.x * ab.x + ap.y * ab.y) / len2, 0.0, 1.0) : 0.0;
    const Vec2 d = ap - ab * t;
    return d.x * d.x + d.y * d.y;
}

double ringDistanceSquared(const Ring& ring, const Vec2& p) {
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < ring.size(); ++i)
        best = std::min(best, segmentDistanceSquared(p, ring[i], ring[(i + 1) % ring.size()]));
    return best;
}

// Cell index range covering an extent (clamped to the raster); false when outside.
bool cellRange(const RasterF& r, Extent e, int& c0, int& c1, int& r0, int& r1) {
    c0 = std::max(0, int(std::floor((e.minX - r.originX) / r.cellSize)));
    c1 = std::min(r.width - 1, int(std::floor((e.maxX - r.originX) / r.cellSize)));
    r0 = std::max(0, int(std::floor((r.originY - e.maxY) / r.cellSize)));
    r1 = std::min(r.height - 1, int(std::floor((r.originY - e.minY) / r.cellSize)));
    return c0 <= c1 && r0 <= r1;
}

} // namespace

int depthClass(double depth) {
    int k = -1;
    for (std::size_t i = 0; i < kDepthClasses.size(); ++i)
        if (depth >= kDepthClasses[i])
            k = int(i);
    return k;
}

FloodImpact assessFloodImpact(const RasterF& depth, const std::vector<Building>& buildings,
                              const std::vector<Zone>& roads, double roadThreshold) {
    FloodImpact impact;
    impact.roadThreshold = roadThreshold;
    if (depth.isEmpty())
        return impact;
    const double cell = depth.cellSize;
    const double ring2 = (1.5 * cell) * (1.5 * cell);

    for (const Building& b : buildings) {
        if (b.footprint.outer.size() < 3)
            continue;
        Extent e = b.footprint.extent();
        e.include(e.minX - 1.5 * cell, e.minY - 1.5 * cell);
        e.include(e.maxX + 1.5 * cell, e.maxY + 1.5 * cell);
        int c0, c1, r0, r1;
        if (!cellRange(depth, e, c0, c1, r0, r1))
            continue;
        double maxDepth = 0;
        for (int row = r0; row <= r1; ++row)
            for (int col = c0; col <= c1; ++col) {
                const float v = depth.at(col, row);
                if (depth.isNoData(v) || v <= maxDepth)
                    continue;
                const Vec2 p = depth.cellCenter(col, row);
                if (contains(b.footprint, p) || ringDistanceSquared(b.footprint.outer, p) <= ring2)
                    maxDepth = v;
            }
        const int k = depthClass(maxDepth);
        if (k < 0)
            continue;
        const int storeys = b.storeys > 0 ? b.storeys : std::max(1, int(std::lround(b.height / 3.0)));
        AffectedBuilding a{b.id, b.name, b.use, maxDepth, area(b.footprint) * storeys, k};
        impact.countByClass[k] += 1;
        impact.floorAreaByClass[k] += a.floorArea;
        impact.buildings.push_back(std::move(a));
    }
    std::sort(impact.buildings.begin(), impact.buildings.end(),
              [](const AffectedBuilding& a, const AffectedBuilding& b) { return a.maxDepth > b.maxDepth; });

    const double cellArea = cell * cell;
    for (const Zone& z : roads) {
        if (z.landClass != "S" || z.area.outer.size() < 3)
            continue;
        int c0, c1, r0, r1;
        if (!cellRange(depth, z.area.extent(), c0, c1, r0, r1))
            continue;
        AffectedRoad road{z.id, z.name, 0, 0};
        for (int row = r0; row <= r1; ++row)
            for (int col = c0; col <= c1; ++col) {
                const float v = depth.at(col, row);
                if (depth.isNoData(v) || v < roadThreshold || !contains(z.area, depth.cellCenter(col, row)))
                    continue;
                road.floodedArea += cellArea;
                road.maxDepth = std::max(road.maxDepth, double(v));
            }
        if (road.floodedArea > 0)
            impact.roadsCut.push_back(std::move(road));
    }
    std::sort(impact.roadsCut.begin(), impact.roadsCut.end(),
              [](const AffectedRoad& a, const AffectedRoad& b) { return a.floodedArea > b.floodedArea; });
    return impact;
}

} // namespace gis::analysis::flood
