#pragma once
// Pedestrian camera (OSG only, no Qt): the eye stays gis::analysis::WalkConstraint::kEyeHeight above the
// ground and every move goes through WalkConstraint::move, so it stops at building walls. ViewerWidget drives
// it from keys (a ~60 Hz timer while a movement key is down) and mouse drags.
#include "gis/model/camera_view.h"
#include "gis/model/project.h"

#include <osg/Vec3d>
#include <osgGA/CameraManipulator>

#include <memory>

namespace gis::analysis {
class WalkConstraint;
}

namespace viewer {

class WalkController : public osgGA::CameraManipulator {
public:
    static constexpr double kWalkSpeed = 3.0; // m/s
    static constexpr double kRunSpeed = 10.0; // m/s with Shift
    static constexpr double kMaxPitch = 85.0;

    WalkController();
    ~WalkController() override;
    const char* className() const override { return "UrbisWalkController"; }

    // The project to walk in (not owned; null clears). The walk constraint is built on first use.
    void setProject(const gis::Project* project);
    gis::analysis::WalkConstraint* constraint();

    // Stands at the free spot (outside every building) nearest to (x, y), looking along `headingDeg`.
    void placeAt(double x, double y, double headingDeg);
    // Takes position and direction from a view; the eye is put on the ground at (east, north).
    void setCameraView(const gis::CameraView& view);
    const gis::CameraView& cameraView() const { return mView; }

    void look(double headingDeg, double pitchDeg);
    // Walks `forward` / `right` (each -1..1) for `seconds`; returns true when the eye moved.
    bool walk(double forward, double right, double seconds, bool run);

    void setByMatrix(const osg::Matrixd& matrix) override;
    void setByInverseMatrix(const osg::Matrixd& matrix) override;
    osg::Matrixd getMatrix() const override;
    osg::Matrixd getInverseMatrix() const override;

private:
    const gis::Project* mProject = nullptr;
    std::unique_ptr<gis::analysis::WalkConstraint> mConstraint;
    gis::CameraView mView;
};

} // namespace viewer
