#pragma once
// Private state of ViewerWidget (OSG allowed here: this header is never moc'd).
#include "viewer/qt/orbit_manipulator.h"
#include "viewer/qt/scene_view.h"
#include "viewer/qt/viewer_widget.h"
#include "viewer/qt/walk_controller.h"

#include <QElapsedTimer>
#include <QPoint>
#include <QSet>
#include <QTimer>

#include <optional>

namespace viewer {

struct ViewerWidget::Impl {
    SceneView scene;
    osg::ref_ptr<OrbitManipulator> orbit = new OrbitManipulator;
    osg::ref_ptr<WalkController> walk = new WalkController;
    const gis::Project* project = nullptr;
    CameraMode mode = CameraMode::Orbit;
    bool homePending = true; // apply the project's default view once the size is known
    bool sized = false;
    int lastDrawCalls = 0;
    QString sunLabel; // shown with the sun dial while a sun direction is set

    // Mouse
    QPointF lastPos;
    QPointF pressPos;                 // where the left button went down (a click when released near it)
    std::optional<osg::Vec3d> anchor; // rotation pivot (left) or grabbed point (right/middle)
    QTimer cursorTimer;               // coalesces cursor picks
    QPointF cursorPos;

    // Keys
    QSet<int> keys;
    bool run = false;
    QTimer moveTimer;
    QElapsedTimer moveClock;

    double dpr(const QWidget* w) const { return w->devicePixelRatioF(); }
    // A point to rotate about / zoom toward when nothing is under the cursor.
    osg::Vec3d fallbackPoint(const osg::Vec3d& from, const osg::Vec3d& direction) const;
    std::optional<osg::Vec3d> pickAt(const QWidget* w, const QPointF& pos) const;
    double groundHeight(double x, double y) const { return project ? project->groundHeight(x, y) : 0.0; }
};

} // namespace viewer
