#include "app/ui/window_capture.h"

#include "viewer/qt/viewer_widget.h"

#include <QPainter>
#include <QPixmap>

namespace app {

QImage captureWindow(QWidget* window, viewer::ViewerWidget* viewer) {
    QImage image = window->grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (!viewer || !viewer->isVisible())
        return image;
    const QImage scene = viewer->renderToImage();
    if (scene.isNull())
        return image;
    const qreal dpr = image.devicePixelRatio();
    const QPoint topLeft = viewer->mapTo(window, QPoint(0, 0));
    const QRect target(QPointF(topLeft * dpr).toPoint(), QSizeF(viewer->size() * dpr).toSize());
    image.setDevicePixelRatio(1.0);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, scene);
    painter.end();
    image.setDevicePixelRatio(dpr);
    return image;
}

} // namespace app
