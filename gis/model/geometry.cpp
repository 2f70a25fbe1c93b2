#include "gis/model/geometry.h"

namespace gis {

double signedArea(const Ring& ring) {
    double a = 0;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2& p = ring[i];
        const Vec2& q = ring[(i + 1) % n];
        a += p.x * q.y - q.x * p.y;
    }
    return a / 2;
}

double area(const Polygon& polygon) {
    double a = std::abs(signedArea(polygon.outer));
    for (const auto& h : polygon.holes)
        a -= std::abs(signedArea(h));
    return a;
}

bool contains(const Ring& ring, const Vec2& p) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Vec2& a = ring[i];
        const Vec2& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

bool contains(const Polygon& polygon, const Vec2& p) {
    if (!contains(polygon.outer, p))
        return false;
    for (const auto& h : polygon.holes)
        if (contains(h, p))
            return false;
    return true;
}

static void dropClosingVertex(Ring& r) {
    while (r.size() > 1 && r.front() == r.back())
        r.pop_back();
}

void normalizeOrientation(Polygon& polygon) {
    dropClosingVertex(polygon.outer);
    if (signedArea(polygon.outer) < 0)
        std::reverse(polygon.outer.begin(), polygon.outer.end());
    for (auto& h : polygon.holes) {
        dropClosingVertex(h);
        if (signedArea(h) > 0)
            std::reverse(h.begin(), h.end());
    }
}

} // namespace gis
