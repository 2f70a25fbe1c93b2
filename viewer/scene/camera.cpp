#include "viewer/scene/camera.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <variant>

namespace viewer {

namespace {

constexpr double kDegToRad = M_PI / 180.0;

double normalizeHeading(double deg) {
    double h = std::fmod(deg, 360.0);
    if (h < 0)
        h += 360.0;
    if (h >= 360.0 - 1e-9)
        h = 0;
    return h;
}

} // namespace

gis::Vec3 viewDirection(double headingDeg, double pitchDeg) {
    const double h = headingDeg * kDegToRad, p = pitchDeg * kDegToRad;
    return {std::sin(h) * std::cos(p), std::cos(h) * std::cos(p), std::sin(p)};
}

osg::Matrixd cameraMatrixFromView(const gis::CameraView& view) {
    const double h = view.heading * kDegToRad;
    const gis::Vec3 f = viewDirection(view.heading, view.pitch);
    const gis::Vec3 r{std::cos(h), -std::sin(h), 0.0};
    const gis::Vec3 u = r.cross(f);
    // OSG multiplies row vectors: the rows are the camera axes in world coordinates (camera looks down -z).
    return osg::Matrixd(r.x, r.y, r.z, 0.0, u.x, u.y, u.z, 0.0, -f.x, -f.y, -f.z, 0.0, view.east, view.north,
                        view.height, 1.0);
}

gis::CameraView viewFromCameraMatrix(const osg::Matrixd& m) {
    gis::CameraView v;
    v.east = m(3, 0);
    v.north = m(3, 1);
    v.height = m(3, 2);
    gis::Vec3 f{-m(2, 0), -m(2, 1), -m(2, 2)};
    f = f.normalized();
    gis::Vec3 r{m(0, 0), m(0, 1), m(0, 2)};
    // Heading from the right vector stays defined when looking straight down; fall back to the forward vector
    // for a rolled camera whose right vector has no horizontal part.
    if (std::hypot(r.x, r.y) > 1e-9)
        v.heading = normalizeHeading(std::atan2(-r.y, r.x) / kDegToRad);
    else
        v.heading = normalizeHeading(std::atan2(f.x, f.y) / kDegToRad);
    v.pitch = std::asin(std::clamp(f.z, -1.0, 1.0)) / kDegToRad;
    return v;
}

gis::CameraView framingView(const gis::Extent& extent, double zMin, double zMax, double verticalFovDeg,
                            double aspect) {
    gis::CameraView view;
    view.heading = 20.0; // from the south-south-west, looking north-north-east
    view.pitch = -33.0;
    if (extent.isEmpty()) {
        view.east = 0;
        view.north = -300;
        view.height = 250;
        return view;
    }
    if (zMax < zMin)
        std::swap(zMin, zMax);
    const gis::Vec2 c2 = extent.center();
    const gis::Vec3 centre{c2.x, c2.y, (zMin + zMax) / 2};
    const double h = view.heading * kDegToRad;
    const gis::Vec3 f = viewDirection(view.heading, view.pitch);
    const gis::Vec3 r{std::cos(h), -std::sin(h), 0.0};
    const gis::Vec3 u = r.cross(f);
    const double tanV = std::tan(verticalFovDeg * kDegToRad / 2);
    const double tanH = tanV * std::max(aspect, 0.1);
    // Smallest distance from the centre along -f at which every corner of the box is inside the frustum.
    double distance = 1.0;
    for (int i = 0; i < 8; ++i) {
        const gis::Vec3 p{(i & 1) ? extent.maxX : extent.minX, (i & 2) ? extent.maxY : extent.minY,
                          (i & 4) ? zMax : zMin};
        const gis::Vec3 d = p - centre;
        const double x = d.dot(r), y = d.dot(u), z = d.dot(f);
        distance = std::max({distance, std::abs(x) / tanH - z, std::abs(y) / tanV - z});
    }
    distance *= 0.92; // fill the view: the outermost corners of the box may be cut a little
    const gis::Vec3 eye = centre - f * distance;
    view.east = eye.x;
    view.north = eye.y;
    view.height = eye.z;
    return view;
}

HeightRange projectHeightRange(const gis::Project& project) {
    double zMin = std::numeric_limits<double>::infinity();
    double zMax = -std::numeric_limits<double>::infinity();
    for (const auto& layer : project.layers) {
        if (const auto* t = std::get_if<gis::TerrainLayerData>(&layer.data); t && t->dem) {
            if (const auto range = t->dem->valueRange()) {
                zMin = std::min(zMin, range->first);
                zMax = std::max(zMax, range->second);
            }
        } else if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data)) {
            for (const auto& building : b->buildings) {
                zMin = std::min(zMin, building.baseZ);
                zMax = std::max(zMax, building.baseZ + building.height);
            }
        } else if (const auto* c = std::get_if<gis::CityModelLayerData>(&layer.data); c && c->mesh) {
            for (const auto& v : c->mesh->vertices) {
                zMin = std::min(zMin, v.z);
                zMax = std::max(zMax, v.z);
            }
        }
    }
    if (zMin > zMax)
        return {};
    return {zMin, zMax};
}

gis::Extent projectContentExtent(const gis::Project& project) {
    // Buildings first (zones such as a river may run across the whole terrain), then zones, then everything.
    // City models count as buildings.
    for (gis::LayerKind kind : {gis::LayerKind::Buildings, gis::LayerKind::Zones}) {
        gis::Extent content;
        for (const auto& layer : project.layers)
            if ((layer.kind() == kind ||
                 (kind == gis::LayerKind::Buildings && layer.kind() == gis::LayerKind::CityModel)) &&
                layer.visible)
                content.include(layer.extent());
        if (!content.isEmpty())
            return content;
    }
    return project.extent();
}

gis::CameraView defaultProjectView(const gis::Project& project, double verticalFovDeg, double aspect) {
    if (project.view)
        return *project.view;
    const HeightRange range = projectHeightRange(project);
    return framingView(projectContentExtent(project), range.zMin, range.zMax, verticalFovDeg, aspect);
}

} // namespace viewer
