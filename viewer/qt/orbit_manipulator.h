#pragma once
// Orbit camera for the planning view (OSG only, no Qt): the camera is an eye position plus heading and pitch;
// operations rotate about a picked point, drag the grabbed point with the cursor, zoom toward a point and
// focus on a point. ViewerWidget translates Qt input into these calls; OSG reads the matrix each frame.
#include "gis/model/camera_view.h"

#include <osg/Vec3d>
#include <osgGA/CameraManipulator>

#include <functional>

namespace viewer {

class OrbitManipulator : public osgGA::CameraManipulator {
public:
    static constexpr double kMinPitch = -89.0;
    static constexpr double kMaxPitch = 10.0;
    static constexpr double kMinClearance = 1.5; // metres the eye stays above the ground

    OrbitManipulator();
    const char* className() const override { return "UrbisOrbitManipulator"; }

    // Ground height at (x, y) in world coordinates, to keep the eye above it (optional).
    void setGroundFunction(std::function<double(double, double)> ground) { mGround = std::move(ground); }

    void setCameraView(const gis::CameraView& view);
    const gis::CameraView& cameraView() const { return mView; }
    osg::Vec3d eye() const { return {mView.east, mView.north, mView.height}; }
    osg::Vec3d forward() const;

    // Turns the camera by the given angles while `pivot` keeps its place on screen.
    void rotate(const osg::Vec3d& pivot, double headingDeg, double pitchDeg);
    // Moves the eye so that `grabbed` lies on the ray (from, direction): the grabbed point follows the
    // cursor.
    void pan(const osg::Vec3d& grabbed, const osg::Vec3d& rayFrom, const osg::Vec3d& rayDirection);
    // Moves the eye toward `target` so that the distance becomes `factor` times the current one.
    void zoom(const osg::Vec3d& target, double factor);
    // Centres `point` on screen at half the current distance.
    void focus(const osg::Vec3d& point);

    void setByMatrix(const osg::Matrixd& matrix) override;
    void setByInverseMatrix(const osg::Matrixd& matrix) override;
    osg::Matrixd getMatrix() const override;
    osg::Matrixd getInverseMatrix() const override;

private:
    void keepAboveGround();

    gis::CameraView mView;
    std::function<double(double, double)> mGround;
};

} // namespace viewer
