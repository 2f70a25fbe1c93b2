#pragma once
// Coordinate transformation through PROJ, always in traditional GIS axis order (x=east/lon, y=north/lat).
#include "gis/model/crs.h"
#include "gis/model/geometry.h"
#include "gis/result.h"

#include <memory>
#include <string>

namespace gis::io {

class CrsTransform {
public:
    static Result<CrsTransform> create(const Crs& from, const Crs& to);
    CrsTransform(CrsTransform&&) noexcept;
    CrsTransform& operator=(CrsTransform&&) noexcept;
    ~CrsTransform();

    // Returns false (and leaves p unchanged) when the point cannot be transformed.
    bool transform(Vec3& p) const;
    bool transform(Vec2& p) const;
    Extent transform(const Extent& e) const; // densified border, 21 points per side

private:
    CrsTransform();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// "EPSG:4547" when PROJ identifies the CRS with confidence, otherwise its WKT2; empty on error.
std::string crsIdentifier(const Crs& crs);
// Human name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 114E".
std::string crsName(const Crs& crs);
// What the heights of data in `crs` are measured from, for the user to see: the vertical CRS of a compound
// CRS
// ("NAP height"), "ellipsoidal height (<datum>)" for a 3D geographic CRS, else "not declared" (heights are
// then taken as they are, in whatever datum the data used). Empty when the CRS is empty.
std::string verticalDatumName(const Crs& crs);
// True for a projected CRS whose axis unit is metres.
bool isProjectedMetric(const Crs& crs);
// True for Web Mercator (EPSG:3857 and its aliases): metres on the map, not on the ground (x1.56 at 50 deg
// N).
bool isWebMercator(const Crs& crs);
// The WGS 84 / UTM zone CRS ("EPSG:326zz" north, "EPSG:327zz" south) containing lon/lat.
Crs utmZoneFor(double lon, double lat);

} // namespace gis::io
