#include "viewer/qt/walk_controller.h"

#include "gis/analysis/walk.h"
#include "viewer/scene/camera.h"

#include <algorithm>
#include <cmath>
#include <variant>

namespace viewer {

namespace {

bool insideRing(const gis::Ring& ring, double x, double y) {
    bool inside = false;
    for (std::size_t i = 0, n = ring.size(), j = n - 1; i < n; j = i++) {
        const gis::Vec2& a = ring[i];
        const gis::Vec2& b = ring[j];
        if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

} // namespace

WalkController::WalkController() = default;
WalkController::~WalkController() = default;

void WalkController::setProject(const gis::Project* project) {
    mProject = project;
    mConstraint.reset();
}

gis::analysis::WalkConstraint* WalkController::constraint() {
    if (!mConstraint && mProject)
        mConstraint = std::make_unique<gis::analysis::WalkConstraint>(*mProject);
    return mConstraint.get();
}

bool WalkController::insideBuilding(double x, double y) const {
    if (!mProject)
        return false;
    const double margin = gis::analysis::WalkConstraint::kBodyRadius;
    for (const auto& layer : mProject->layers) {
        const auto* data = std::get_if<gis::BuildingLayerData>(&layer.data);
        if (!data)
            continue;
        for (const auto& b : data->buildings) {
            const gis::Extent e = b.footprint.extent();
            if (x < e.minX - margin || x > e.maxX + margin || y < e.minY - margin || y > e.maxY + margin)
                continue;
            // Inside, or closer than the body radius to a wall: not a place to stand.
            if (insideRing(b.footprint.outer, x, y)) {
                bool inHole = false;
                for (const auto& h : b.footprint.holes)
                    inHole = inHole || insideRing(h, x, y);
                if (!inHole)
                    return true;
            }
            for (double a = 0; a < 2 * M_PI; a += M_PI / 4)
                if (insideRing(b.footprint.outer, x + margin * std::cos(a), y + margin * std::sin(a)))
                    return true;
        }
    }
    return false;
}

void WalkController::placeAt(double x, double y, double headingDeg) {
    // Spiral outward (2 m rings, up to 400 m) to the nearest spot outside every building.
    double px = x, py = y;
    if (insideBuilding(x, y)) {
        bool found = false;
        for (double r = 2.0; r <= 400.0 && !found; r += 2.0) {
            const int steps = std::max(8, int(2 * M_PI * r / 2.0));
            for (int i = 0; i < steps && !found; ++i) {
                const double a = 2 * M_PI * i / steps;
                const double cx = x + r * std::cos(a), cy = y + r * std::sin(a);
                if (!insideBuilding(cx, cy)) {
                    px = cx;
                    py = cy;
                    found = true;
                }
            }
        }
    }
    gis::Vec3 eye{px, py, gis::analysis::WalkConstraint::kEyeHeight};
    if (auto* c = constraint())
        eye = c->eyeAt(px, py);
    else if (mProject)
        eye.z += mProject->groundHeight(px, py);
    mView.east = eye.x;
    mView.north = eye.y;
    mView.height = eye.z;
    mView.heading = headingDeg;
    mView.pitch = 0;
}

void WalkController::setCameraView(const gis::CameraView& view) {
    placeAt(view.east, view.north, view.heading);
    mView.pitch = std::clamp(view.pitch, -kMaxPitch, kMaxPitch);
}

void WalkController::look(double headingDeg, double pitchDeg) {
    mView.heading = std::fmod(mView.heading + headingDeg + 360.0, 360.0);
    mView.pitch = std::clamp(mView.pitch + pitchDeg, -kMaxPitch, kMaxPitch);
}

bool WalkController::walk(double forward, double right, double seconds, bool run) {
    const double h = osg::DegreesToRadians(mView.heading);
    double dx = std::sin(h) * forward + std::cos(h) * right;
    double dy = std::cos(h) * forward - std::sin(h) * right;
    const double len = std::hypot(dx, dy);
    if (len < 1e-9 || seconds <= 0)
        return false;
    const double distance = (run ? kRunSpeed : kWalkSpeed) * seconds;
    dx *= distance / len;
    dy *= distance / len;
    const gis::Vec3 from{mView.east, mView.north, mView.height};
    const gis::Vec3 to{from.x + dx, from.y + dy, from.z};
    gis::Vec3 next = to;
    if (auto* c = constraint())
        next = c->move(from, to);
    const bool moved = (next - from).length() > 1e-6;
    mView.east = next.x;
    mView.north = next.y;
    mView.height = next.z;
    return moved;
}

void WalkController::setByMatrix(const osg::Matrixd& matrix) {
    mView = viewFromCameraMatrix(matrix);
}

void WalkController::setByInverseMatrix(const osg::Matrixd& matrix) {
    setByMatrix(osg::Matrixd::inverse(matrix));
}

osg::Matrixd WalkController::getMatrix() const {
    return cameraMatrixFromView(mView);
}

osg::Matrixd WalkController::getInverseMatrix() const {
    return osg::Matrixd::inverse(getMatrix());
}

} // namespace viewer
