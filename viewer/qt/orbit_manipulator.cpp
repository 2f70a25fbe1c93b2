#include "viewer/qt/orbit_manipulator.h"

#include "viewer/scene/camera.h"

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {

struct Basis {
    osg::Vec3d right, up, forward;
};

Basis basisOf(double headingDeg, double pitchDeg) {
    const osg::Matrixd m = cameraMatrixFromView({0, 0, 0, headingDeg, pitchDeg});
    return {osg::Vec3d(m(0, 0), m(0, 1), m(0, 2)), osg::Vec3d(m(1, 0), m(1, 1), m(1, 2)),
            -osg::Vec3d(m(2, 0), m(2, 1), m(2, 2))};
}

} // namespace

OrbitManipulator::OrbitManipulator() = default;

void OrbitManipulator::setCameraView(const gis::CameraView& view) {
    mView = view;
    mView.pitch = std::clamp(mView.pitch, kMinPitch, kMaxPitch);
}

osg::Vec3d OrbitManipulator::forward() const {
    return basisOf(mView.heading, mView.pitch).forward;
}

void OrbitManipulator::rotate(const osg::Vec3d& pivot, double headingDeg, double pitchDeg) {
    const Basis before = basisOf(mView.heading, mView.pitch);
    const osg::Vec3d v = eye() - pivot;
    const double vr = v * before.right, vu = v * before.up, vf = v * before.forward;
    auto apply = [&](double heading, double pitch) {
        const Basis after = basisOf(heading, pitch);
        return pivot + after.right * vr + after.up * vu + after.forward * vf;
    };
    double heading = std::fmod(mView.heading + headingDeg + 360.0, 360.0);
    double pitch = std::clamp(mView.pitch + pitchDeg, kMinPitch, kMaxPitch);
    osg::Vec3d next = apply(heading, pitch);
    if (mGround && next.z() < mGround(next.x(), next.y()) + kMinClearance) {
        // Tilting would take the eye under the ground: keep the pitch, turn only.
        pitch = mView.pitch;
        next = apply(heading, pitch);
    }
    mView.heading = heading;
    mView.pitch = pitch;
    mView.east = next.x();
    mView.north = next.y();
    mView.height = next.z();
    keepAboveGround();
}

void OrbitManipulator::pan(const osg::Vec3d& grabbed, const osg::Vec3d& from, const osg::Vec3d& direction) {
    const double distance = (grabbed - from).length();
    osg::Vec3d hit;
    bool ok = false;
    // Preferably slide over the horizontal plane through the grabbed point (a map-like drag)...
    if (std::abs(direction.z()) > 1e-3) {
        const double t = (grabbed.z() - from.z()) / direction.z();
        if (t > 0 && t < 8.0 * distance) {
            hit = from + direction * t;
            ok = true;
        }
    }
    // ...or, looking near the horizon, over the screen-parallel plane through it.
    if (!ok) {
        const osg::Vec3d f = forward();
        const double denom = direction * f;
        if (std::abs(denom) < 1e-6)
            return;
        const double t = ((grabbed - from) * f) / denom;
        if (t <= 0)
            return;
        hit = from + direction * t;
    }
    const osg::Vec3d delta = grabbed - hit;
    mView.east += delta.x();
    mView.north += delta.y();
    mView.height += delta.z();
    keepAboveGround();
}

void OrbitManipulator::zoom(const osg::Vec3d& target, double factor) {
    const osg::Vec3d offset = eye() - target;
    const double distance = offset.length();
    const double next = std::clamp(distance * factor, 2.0, 200000.0);
    if (distance < 1e-6)
        return;
    const osg::Vec3d e = target + offset * (next / distance);
    mView.east = e.x();
    mView.north = e.y();
    mView.height = e.z();
    keepAboveGround();
}

void OrbitManipulator::focus(const osg::Vec3d& point) {
    const double distance = std::max((eye() - point).length() * 0.5, 5.0);
    const osg::Vec3d e = point - forward() * distance;
    mView.east = e.x();
    mView.north = e.y();
    mView.height = e.z();
    keepAboveGround();
}

void OrbitManipulator::keepAboveGround() {
    if (!mGround)
        return;
    const double minZ = mGround(mView.east, mView.north) + kMinClearance;
    mView.height = std::max(mView.height, minZ);
}

void OrbitManipulator::setByMatrix(const osg::Matrixd& matrix) {
    setCameraView(viewFromCameraMatrix(matrix));
}

void OrbitManipulator::setByInverseMatrix(const osg::Matrixd& matrix) {
    setByMatrix(osg::Matrixd::inverse(matrix));
}

osg::Matrixd OrbitManipulator::getMatrix() const {
    return cameraMatrixFromView(mView);
}

osg::Matrixd OrbitManipulator::getInverseMatrix() const {
    return osg::Matrixd::inverse(getMatrix());
}

} // namespace viewer
