#pragma once
// The 3D viewport: a QOpenGLWidget hosting a single-threaded osgViewer (compatibility-profile context; see
// shared/design/TOOLCHAIN.md). OSG stays out of this header (moc cost): everything lives in Impl.
#include "gis/model/camera_view.h"
#include "gis/model/geometry.h"

#include <QImage>
#include <QOpenGLWidget>

#include <memory>
#include <optional>

namespace gis {
struct Project;
}
namespace osg {
class Node;
}

namespace viewer {

enum class CameraMode { Orbit, Walk };

class ViewerWidget : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit ViewerWidget(QWidget* parent = nullptr);
    ~ViewerWidget() override;

    // Rebuilds the whole scene from `project` (not owned; must outlive the widget or be replaced).
    void setProject(const gis::Project* project);
    // Rebuilds one layer's node after its data changed.
    void refreshLayer(const QString& layerId);
    void setLayerVisible(const QString& layerId, bool visible);

    // Analysis overlays (see SceneView::setOverlay): `node` in project coordinates relative to origin(),
    // kept across setProject; null removes the overlay.
    void setOverlay(const QString& name, osg::Node* node);
    bool hasOverlay(const QString& name) const;
    // The project origin the scene's coordinates are relative to.
    gis::Vec3 origin() const;

    CameraMode cameraMode() const;
    void setCameraMode(CameraMode mode);
    gis::CameraView cameraView() const;
    void setCameraView(const gis::CameraView& view);
    void zoomToExtent(const gis::Extent& extent, double zMin, double zMax);
    void zoomToLayer(const QString& layerId);
    void home();

    // The sunlight preview's sun: unit vector toward it (x east, y north, z up, grid axes of the project
    // CRS); the scene's light follows it and a sun dial with `label` (e.g. the time) is drawn over the view.
    // Empty: the fixed default light and no dial.
    void setSunDirection(const std::optional<gis::Vec3>& toSun, const QString& label = {});
    std::optional<gis::Vec3> sunDirection() const;
    // Live shadow-mapped sun shadows (off by default).
    void setShadowsEnabled(bool enabled);
    bool shadowsEnabled() const;

    // Renders a frame now and returns it (for tests and screenshots).
    QImage renderToImage();
    // Draw calls of the last frame (for the benchmark and tests).
    int lastDrawCalls() const;

signals:
    // Position in the project CRS of the surface under the cursor.
    void cursorMoved(double east, double north, double height);
    void cursorLeft();
    // A left click (press and release without dragging) on a scene surface: its position in the project CRS.
    void clicked(double east, double north, double height);
    void cameraModeChanged(viewer::CameraMode mode);
    void cameraViewChanged();

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseDoubleClickEvent(QMouseEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void keyReleaseEvent(QKeyEvent* e) override;
    void leaveEvent(QEvent* e) override;
    void focusOutEvent(QFocusEvent* e) override;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Sets the default QSurfaceFormat to an OpenGL compatibility profile with depth, stencil and 4x MSAA.
// Must be called before the QApplication/QGuiApplication is constructed.
void setDefaultSurfaceFormat();

// Multisample count the viewport uses: the default format's (4) on GPUs, 0 on software rasterisers (Mesa
// llvmpipe/softpipe), where 4x MSAA costs about 4x the frame time; URBIS_MSAA=N overrides. Needs a
// QGuiApplication; probes the GL renderer once.
int preferredSampleCount();

} // namespace viewer
