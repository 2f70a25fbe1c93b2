#pragma once
// A picture of a whole window including its 3D view: the window's own rendering with the viewer's offscreen
// frame painted over the viewport (QOpenGLWidget content does not always appear in QWidget::grab()).
#include <QImage>

class QWidget;

namespace viewer {
class ViewerWidget;
}

namespace app {

QImage captureWindow(QWidget* window, viewer::ViewerWidget* viewer);

} // namespace app
