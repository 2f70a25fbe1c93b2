#include "viewer/qt/offscreen_renderer.h"

#include "viewer/qt/scene_view.h"
#include "viewer/scene/camera.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>
#include <QSurfaceFormat>

namespace viewer {

namespace {

QSurfaceFormat compatibilityFormat() {
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setProfile(QSurfaceFormat::CompatibilityProfile);
    if (format.majorVersion() >= 3 && format.profile() != QSurfaceFormat::CompatibilityProfile)
        format.setVersion(2, 1);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    return format;
}

} // namespace

struct OffscreenRenderer::Impl {
    QSize size;
    int samples = 4;
    QString error;
    std::unique_ptr<QOffscreenSurface> surface;
    std::unique_ptr<QOpenGLContext> context;
    std::unique_ptr<QOpenGLFramebufferObject> fbo;
    std::unique_ptr<SceneView> scene;
    gis::CameraView view;
    bool haveView = false;
    std::optional<gis::CameraView> defaultView;

    bool makeCurrent() { return context && surface && context->makeCurrent(surface.get()); }
    void applyView() {
        scene->setCameraMatrix(
            cameraMatrixFromView(haveView ? view : defaultView.value_or(gis::CameraView{})));
    }
    void renderFrame() {
        fbo->bind();
        applyView();
        scene->frame(fbo->handle());
    }
};

QString OffscreenRenderer::unavailableReason() {
    const QString noDisplay =
        QStringLiteral("offscreen rendering needs an X server: set DISPLAY or run under xvfb-run");
    auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance());
    const QString platform = app ? QGuiApplication::platformName() : QString();
    const bool haveX = !qEnvironmentVariableIsEmpty("DISPLAY");
    const bool haveWayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (!app) {
        if (!haveX && !haveWayland)
            return noDisplay;
        return QStringLiteral("offscreen rendering needs a QGuiApplication (none was constructed)");
    }
    if (platform == QLatin1String("xcb")) {
        if (!haveX)
            return noDisplay;
    } else if (platform.startsWith(QLatin1String("wayland"))) {
        if (!haveWayland)
            return noDisplay;
    } else {
        return QStringLiteral("offscreen rendering needs the xcb or wayland Qt platform, not '%1': %2")
            .arg(platform, noDisplay);
    }
    // Can a compatibility-profile context be made at all? (Checked once per process.)
    static const QString contextError = [] {
        QOpenGLContext context;
        context.setFormat(compatibilityFormat());
        if (!context.create())
            return QStringLiteral("could not create an OpenGL context (is Mesa's libGL installed?)");
        return QString();
    }();
    return contextError;
}

OffscreenRenderer::OffscreenRenderer(QSize size, int samples) : d(std::make_unique<Impl>()) {
    d->size = size.expandedTo(QSize(1, 1));
    d->samples = std::max(samples, 0);
    d->error = unavailableReason();
    if (!d->error.isEmpty())
        return;
    d->surface = std::make_unique<QOffscreenSurface>();
    d->surface->setFormat(compatibilityFormat());
    d->surface->create();
    d->context = std::make_unique<QOpenGLContext>();
    d->context->setFormat(compatibilityFormat());
    if (!d->surface->isValid() || !d->context->create() || !d->makeCurrent()) {
        d->error = QStringLiteral("could not create an OpenGL context for offscreen rendering");
        d->context.reset();
        return;
    }
    QOpenGLFramebufferObjectFormat fboFormat;
    fboFormat.setAttachment(QOpenGLFramebufferObject::CombinedDepthStencil);
    fboFormat.setSamples(d->samples);
    d->fbo = std::make_unique<QOpenGLFramebufferObject>(d->size, fboFormat);
    if (!d->fbo->isValid()) {
        fboFormat.setSamples(d->samples);
        d->fbo = std::make_unique<QOpenGLFramebufferObject>(d->size, fboFormat);
    }
    if (!d->fbo->isValid()) {
        d->error = QStringLiteral("could not create a %1x%2 framebuffer object")
                       .arg(size.width())
                       .arg(size.height());
        d->fbo.reset();
        return;
    }
    d->scene = std::make_unique<SceneView>();
    d->scene->resize(d->size.width(), d->size.height());
}

OffscreenRenderer::~OffscreenRenderer() {
    if (d->makeCurrent()) {
        // Release OSG's GL objects and the FBO while the context is current.
        d->scene.reset();
        d->fbo.reset();
        d->context->doneCurrent();
    }
}

bool OffscreenRenderer::isValid() const {
    return d->error.isEmpty();
}

QString OffscreenRenderer::error() const {
    return d->error;
}

void OffscreenRenderer::setProject(const gis::Project& project) {
    if (!isValid() || !d->makeCurrent())
        return;
    d->scene->setProject(&project);
    d->defaultView = defaultProjectView(project, d->scene->verticalFov(), d->scene->aspect());
}

void OffscreenRenderer::setCameraView(const std::optional<gis::CameraView>& view) {
    d->haveView = view.has_value();
    if (view)
        d->view = *view;
}

gis::CameraView OffscreenRenderer::cameraView() const {
    return d->haveView ? d->view : d->defaultView.value_or(gis::CameraView{});
}

int OffscreenRenderer::drawCalls() const {
    return d->scene ? d->scene->drawCalls() : 0;
}

QImage OffscreenRenderer::render() {
    if (!isValid() || !d->makeCurrent())
        return {};
    d->renderFrame();
    d->context->functions()->glFinish();
    QImage image = d->fbo->toImage(); // resolves multisampling
    return image.convertToFormat(QImage::Format_RGB32);
}

FrameStats OffscreenRenderer::measure(int frames) {
    FrameStats stats;
    if (!isValid() || !d->makeCurrent() || frames <= 0)
        return stats;
    QOpenGLFunctions* gl = d->context->functions();
    d->renderFrame(); // warm-up: uploads buffers
    gl->glFinish();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < frames; ++i) {
        d->renderFrame();
        gl->glFinish();
    }
    stats.frames = frames;
    stats.seconds = timer.nsecsElapsed() / 1e9;
    stats.framesPerSecond = stats.seconds > 0 ? frames / stats.seconds : 0;
    stats.drawCalls = d->scene->drawCalls();
    return stats;
}

} // namespace viewer
