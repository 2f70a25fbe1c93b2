#include "viewer/qt/viewer_widget.h"
#include "viewer/qt/sun_indicator.h"
#include "viewer/qt/viewport_overlay.h"

#include <QPainter>

#include "viewer/qt/viewer_widget_p.h"
#include "viewer/scene/camera.h"
#include "viewer/scene/scene_builder.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QSurfaceFormat>

#include <variant>

namespace viewer {

void setDefaultSurfaceFormat() {
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setProfile(QSurfaceFormat::CompatibilityProfile);
    format.setVersion(2, 1);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setSamples(4);
    QSurfaceFormat::setDefaultFormat(format);
}

int preferredSampleCount() {
    bool ok = false;
    const int forced = qEnvironmentVariableIntValue("URBIS_MSAA", &ok);
    if (ok)
        return std::max(forced, 0);
    static const bool software = [] {
        QOffscreenSurface surface;
        surface.create();
        QOpenGLContext context;
        if (!surface.isValid() || !context.create() || !context.makeCurrent(&surface))
            return false;
        const auto* text = reinterpret_cast<const char*>(context.functions()->glGetString(GL_RENDERER));
        const QByteArray renderer = QByteArray(text ? text : "").toLower();
        context.doneCurrent();
        return renderer.contains("llvmpipe") || renderer.contains("softpipe") || renderer.contains("swrast");
    }();
    return software ? 0 : std::max(QSurfaceFormat::defaultFormat().samples(), 0);
}

osg::Vec3d ViewerWidget::Impl::fallbackPoint(const osg::Vec3d& from, const osg::Vec3d& direction) const {
    // The ray's crossing with the ground level under the eye, else a point 500 m ahead.
    const double ground = groundHeight(from.x(), from.y());
    if (direction.z() < -1e-3) {
        const double t = (ground - from.z()) / direction.z();
        if (t > 0 && t < 50000)
            return from + direction * t;
    }
    return from + direction * 500.0;
}

std::optional<osg::Vec3d> ViewerWidget::Impl::pickAt(const QWidget* w, const QPointF& pos) const {
    return scene.pick(pos.x() * dpr(w), pos.y() * dpr(w));
}

ViewerWidget::ViewerWidget(QWidget* parent) : QOpenGLWidget(parent), d(std::make_unique<Impl>()) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    QSurfaceFormat surfaceFormat = QSurfaceFormat::defaultFormat();
    surfaceFormat.setSamples(preferredSampleCount());
    setFormat(surfaceFormat);
    setMinimumSize(160, 100);
    d->orbit->setGroundFunction([this](double x, double y) { return d->groundHeight(x, y); });
    d->scene.viewer()->setCameraManipulator(d->orbit.get(), false);

    d->cursorTimer.setSingleShot(true);
    d->cursorTimer.setInterval(30);
    connect(&d->cursorTimer, &QTimer::timeout, this, [this] {
        if (auto p = d->pickAt(this, d->cursorPos))
            emit cursorMoved(p->x(), p->y(), p->z());
        else
            emit cursorLeft();
    });
    d->moveTimer.setInterval(16);
    connect(&d->moveTimer, &QTimer::timeout, this, [this] {
        // Time-based motion; a stall (slow software GL) is capped so one step never jumps more than ~1 m.
        const double seconds = std::min(d->moveClock.restart() / 1000.0, 0.25);
        const auto down = [this](int a, int b) { return d->keys.contains(a) || d->keys.contains(b); };
        const double forward =
            (down(Qt::Key_W, Qt::Key_Up) ? 1.0 : 0.0) - (down(Qt::Key_S, Qt::Key_Down) ? 1.0 : 0.0);
        const double right =
            (down(Qt::Key_D, Qt::Key_Right) ? 1.0 : 0.0) - (down(Qt::Key_A, Qt::Key_Left) ? 1.0 : 0.0);
        if (d->keys.isEmpty()) {
            d->moveTimer.stop();
            return;
        }
        if (d->mode == CameraMode::Walk) {
            if (!d->walk->walk(forward, right, seconds, d->run))
                return;
        } else {
            // Orbit: slide horizontally, faster the higher the eye.
            gis::CameraView v = d->orbit->cameraView();
            const double above = std::max(v.height - d->groundHeight(v.east, v.north), 10.0);
            const double step = above * (d->run ? 3.0 : 1.0) * seconds;
            const double h = osg::DegreesToRadians(v.heading);
            v.east += (std::sin(h) * forward + std::cos(h) * right) * step;
            v.north += (std::cos(h) * forward - std::sin(h) * right) * step;
            d->orbit->setCameraView(v);
        }
        update();
        emit cameraViewChanged();
    });
}

ViewerWidget::~ViewerWidget() {
    // Release OSG's GL objects while our context is current.
    makeCurrent();
    d->scene.viewer()->setSceneData(nullptr);
    d->scene.viewer()->getCamera()->setGraphicsContext(nullptr);
    d.reset();
    doneCurrent();
}

void ViewerWidget::setProject(const gis::Project* project) {
    d->project = project;
    d->walk->setProject(project);
    d->scene.setProject(project);
    d->homePending = true;
    if (d->sized) {
        d->homePending = false;
        setCameraView(project ? defaultProjectView(*project, d->scene.verticalFov(), d->scene.aspect())
                              : gis::CameraView{});
    }
    if (d->mode == CameraMode::Walk && project)
        d->walk->setCameraView(d->walk->cameraView());
    update();
}

void ViewerWidget::refreshLayer(const QString& layerId) {
    if (!d->project)
        return;
    d->scene.refreshLayer(*d->project, layerId.toStdString());
    if (layerId.size() && d->project->findLayer(layerId.toStdString()) &&
        d->project->findLayer(layerId.toStdString())->kind() != gis::LayerKind::Zones)
        d->walk->setProject(d->project); // walls or ground changed: rebuild the constraint on next use
    update();
}

void ViewerWidget::setLayerVisible(const QString& layerId, bool visible) {
    viewer::setLayerVisible(d->scene.projectRoot(), layerId.toStdString(), visible);
    update();
}

void ViewerWidget::setOverlay(const QString& name, osg::Node* node) {
    d->scene.setOverlay(name.toStdString(), node);
    update();
}

void ViewerWidget::setSunDirection(const std::optional<gis::Vec3>& toSun, const QString& label) {
    d->scene.setSunDirection(toSun);
    d->sunLabel = label;
    update();
}

std::optional<gis::Vec3> ViewerWidget::sunDirection() const {
    return d->scene.sunDirection();
}

void ViewerWidget::setShadowsEnabled(bool enabled) {
    d->scene.setShadowsEnabled(enabled);
    update();
}

bool ViewerWidget::shadowsEnabled() const {
    return d->scene.shadowsEnabled();
}

bool ViewerWidget::hasOverlay(const QString& name) const {
    return d->scene.overlay(name.toStdString()) != nullptr;
}

gis::Vec3 ViewerWidget::origin() const {
    return d->scene.origin();
}

CameraMode ViewerWidget::cameraMode() const {
    return d->mode;
}

void ViewerWidget::setCameraMode(CameraMode mode) {
    if (mode == d->mode)
        return;
    d->keys.clear();
    d->moveTimer.stop();
    if (mode == CameraMode::Walk) {
        // Step down to the ground where the view centre points, facing the same way.
        const gis::CameraView current = d->orbit->cameraView();
        osg::Vec3d from, direction;
        d->scene.pixelRay(d->scene.width() / 2.0, d->scene.height() / 2.0, from, direction);
        osg::Vec3d target = from;
        if (auto hit = d->scene.pickRay(from, direction, 200000.0))
            target = *hit;
        d->walk->placeAt(target.x(), target.y(), current.heading);
        d->scene.setVerticalFov(SceneView::kWalkFovDeg);
        d->scene.setNearFarRatio(0.00002);
        d->scene.viewer()->setCameraManipulator(d->walk.get(), false);
    } else {
        gis::CameraView v = d->walk->cameraView();
        d->orbit->setCameraView(v);
        d->scene.setVerticalFov(SceneView::kOrbitFovDeg);
        d->scene.setNearFarRatio(0.0002);
        d->scene.viewer()->setCameraManipulator(d->orbit.get(), false);
    }
    d->mode = mode;
    update();
    emit cameraModeChanged(mode);
    emit cameraViewChanged();
}

gis::CameraView ViewerWidget::cameraView() const {
    return d->mode == CameraMode::Walk ? d->walk->cameraView() : d->orbit->cameraView();
}

void ViewerWidget::setCameraView(const gis::CameraView& view) {
    if (d->mode == CameraMode::Walk)
        d->walk->setCameraView(view);
    else
        d->orbit->setCameraView(view);
    update();
    emit cameraViewChanged();
}

void ViewerWidget::zoomToExtent(const gis::Extent& extent, double zMin, double zMax) {
    if (extent.isEmpty())
        return;
    setCameraMode(CameraMode::Orbit);
    setCameraView(framingView(extent, zMin, zMax, d->scene.verticalFov(), d->scene.aspect()));
}

void ViewerWidget::zoomToLayer(const QString& layerId) {
    if (!d->project)
        return;
    const gis::Layer* layer = d->project->findLayer(layerId.toStdString());
    if (!layer)
        return;
    HeightRange range = projectHeightRange(*d->project);
    if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer->data); b && !b->buildings.empty()) {
        range = {1e300, -1e300};
        for (const auto& building : b->buildings) {
            range.zMin = std::min(range.zMin, building.baseZ);
            range.zMax = std::max(range.zMax, building.baseZ + building.height);
        }
    }
    zoomToExtent(layer->extent(), range.zMin, range.zMax);
}

void ViewerWidget::home() {
    if (!d->project) {
        setCameraView(gis::CameraView{});
        return;
    }
    const HeightRange range = projectHeightRange(*d->project);
    zoomToExtent(projectContentExtent(*d->project), range.zMin, range.zMax);
}

QImage ViewerWidget::renderToImage() {
    return grabFramebuffer();
}

int ViewerWidget::lastDrawCalls() const {
    return d->lastDrawCalls;
}

void ViewerWidget::initializeGL() {
    // Nothing to do: the embedded window realizes with the first frame in paintGL.
}

void ViewerWidget::resizeGL(int w, int h) {
    const double ratio = devicePixelRatioF();
    d->scene.resize(int(w * ratio + 0.5), int(h * ratio + 0.5));
    d->sized = true;
    if (d->homePending && d->project) {
        d->homePending = false;
        setCameraView(defaultProjectView(*d->project, d->scene.verticalFov(), d->scene.aspect()));
    }
}

void ViewerWidget::paintGL() {
    // The default FBO changes on resize and OSG would otherwise rebind FBO 0 (TOOLCHAIN.md pitfall 2).
    d->scene.frame(defaultFramebufferObject());
    // OSG leaves the pixel-store state of its last texture upload (the shadow map's stand-in, overlay
    // rasters: alignment 1); Qt uploads its glyph cache assuming the defaults, and text would come out
    // sheared. OSG sets these before every upload of its own, so restoring them is invisible to it.
    if (QOpenGLContext* gl = QOpenGLContext::currentContext()) {
        gl->functions()->glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        gl->functions()->glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    }
    d->lastDrawCalls = d->scene.drawCalls();
    if (!d->project || d->project->layers.empty())
        return; // nothing to orient or measure
    OverlayState overlay;
    overlay.view = cameraView();
    overlay.groundUnderCamera = d->groundHeight(overlay.view.east, overlay.view.north);
    overlay.verticalFovDeg = d->scene.verticalFov();
    overlay.walkMode = d->mode == CameraMode::Walk;
    QPainter painter(this);
    ViewportOverlay::paint(painter, size(), overlay);
    if (const auto& sun = d->scene.sunDirection())
        SunIndicator::paint(painter, size(), *sun, overlay.view.heading, d->sunLabel);
}

} // namespace viewer
