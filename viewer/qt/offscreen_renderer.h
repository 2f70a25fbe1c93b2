#pragma once
// Renders a project scene without a window (QOffscreenSurface + FBO). Needs a QGuiApplication on the xcb
// platform, i.e. an X server (Xvfb): available() says why not when it cannot work.
#include "gis/model/camera_view.h"
#include "gis/model/project.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

namespace viewer {

struct FrameStats {
    int frames = 0;
    double seconds = 0;
    double framesPerSecond = 0;
    int drawCalls = 0;
};

class OffscreenRenderer {
public:
    // Empty string when offscreen GL rendering can work in this process, otherwise the reason.
    static QString unavailableReason();

    // samples: multisampling of the framebuffer (4 for pictures; see preferredSampleCount() for timing what
    // the interactive viewer does).
    explicit OffscreenRenderer(QSize size, int samples = 4);
    ~OffscreenRenderer();
    bool isValid() const;
    QString error() const;

    void setProject(const gis::Project& project);
    // Default: framing view of the whole project.
    void setCameraView(const std::optional<gis::CameraView>& view);
    // The view render() uses: the one set, else the project's default view.
    gis::CameraView cameraView() const;
    // Draw calls a frame of the current scene issues (before view-frustum culling).
    int drawCalls() const;
    QImage render();
    // Renders `frames` frames (after one warm-up frame) and times them, with glFinish per frame.
    FrameStats measure(int frames);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace viewer
