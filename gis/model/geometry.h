#pragma once
// Plain geometric value types in the project CRS: metres, double precision.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace gis {

struct Vec2 {
    double x = 0, y = 0;
    Vec2 operator+(const Vec2& o) const { return {x + o.x, y + o.y}; }
    Vec2 operator-(const Vec2& o) const { return {x - o.x, y - o.y}; }
    Vec2 operator*(double s) const { return {x * s, y * s}; }
    bool operator==(const Vec2&) const = default;
};

struct Vec3 {
    double x = 0, y = 0, z = 0;
    Vec3 operator+(const Vec3& o) const { return {x + o.x, y + o.y, z + o.z}; }
    Vec3 operator-(const Vec3& o) const { return {x - o.x, y - o.y, z - o.z}; }
    Vec3 operator*(double s) const { return {x * s, y * s, z * s}; }
    double dot(const Vec3& o) const { return x * o.x + y * o.y + z * o.z; }
    Vec3 cross(const Vec3& o) const { return {y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x}; }
    double length() const { return std::sqrt(dot(*this)); }
    Vec3 normalized() const {
        double l = length();
        return l > 0 ? *this * (1.0 / l) : *this;
    }
    bool operator==(const Vec3&) const = default;
};

// Axis-aligned 2D extent. An empty extent has min > max.
struct Extent {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool isEmpty() const { return minX > maxX || minY > maxY; }
    void include(double x, double y) {
        minX = std::min(minX, x);
        minY = std::min(minY, y);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    void include(const Vec2& p) { include(p.x, p.y); }
    void include(const Extent& e) {
        if (!e.isEmpty()) {
            include(e.minX, e.minY);
            include(e.maxX, e.maxY);
        }
    }
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    Vec2 center() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
    bool contains(double x, double y) const { return x >= minX && x <= maxX && y >= minY && y <= maxY; }
};

// A closed ring without the repeated closing vertex; outer rings counter-clockwise, holes clockwise.
using Ring = std::vector<Vec2>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;

    Extent extent() const {
        Extent e;
        for (const auto& p : outer)
            e.include(p);
        return e;
    }
};

double signedArea(const Ring& ring);
double area(const Polygon& polygon);
bool contains(const Ring& ring, const Vec2& p); // even-odd rule
bool contains(const Polygon& polygon, const Vec2& p);
// Makes outer rings CCW and holes CW, drops a repeated closing vertex.
void normalizeOrientation(Polygon& polygon);

} // namespace gis
