#pragma once
// 2D overlay drawn over the 3D viewport with QPainter after the OSG frame (TOOLCHAIN.md pitfall 5): a compass
// rose that turns with the camera heading, a scale bar for the ground at the centre of the view, and a hint
// line in walk mode.
#include "gis/model/camera_view.h"

#include <QCoreApplication>
#include <QSize>

class QPainter;

namespace viewer {

struct OverlayState {
    gis::CameraView view;
    double groundUnderCamera = 0; // terrain height below the eye, metres
    double verticalFovDeg = 30;
    bool walkMode = false;
};

class ViewportOverlay {
    Q_DECLARE_TR_FUNCTIONS(viewer::ViewportOverlay)
public:
    // Draws into a widget of logical size `size`.
    static void paint(QPainter& painter, QSize size, const OverlayState& state);
    // Metres per logical pixel at the centre of the view; 0 when the view does not look at the ground.
    static double metresPerPixel(const OverlayState& state, int viewHeightPx);
    // A round bar length (1, 2, 5 x 10^n metres) of at most `maxMetres`.
    static double niceLength(double maxMetres);
};

} // namespace viewer
