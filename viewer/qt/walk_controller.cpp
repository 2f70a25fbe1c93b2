#include "viewer/qt/walk_controller.h"

#include "gis/analysis/walk.h"
#include "viewer/scene/camera.h"

#include <algorithm>
#include <cmath>
#include <variant>

namespace viewer {

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

void WalkController::placeAt(double x, double y, double headingDeg) {
    // The nearest spot outside every building, eye height above the ground (gis::analysis::WalkConstraint).
    gis::Vec3 eye{x, y, gis::analysis::WalkConstraint::kEyeHeight};
    if (auto* c = constraint())
        eye = c->nearestStandingEye(x, y);
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
