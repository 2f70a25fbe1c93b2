// ViewerWidget: mouse and keyboard input (orbit: left-drag rotate about the point under the cursor,
// right/middle drag pan, wheel zoom toward the cursor, double-click focus; walk: keys move, drag looks
// around).
#include "viewer/qt/viewer_widget.h"
#include "viewer/qt/viewer_widget_p.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace viewer {

namespace {

constexpr double kRotateDegPerPixel = 0.3;
constexpr double kLookDegPerPixel = 0.2;
constexpr double kZoomPerNotch = 0.82;

bool isMoveKey(int key) {
    switch (key) {
    case Qt::Key_W:
    case Qt::Key_A:
    case Qt::Key_S:
    case Qt::Key_D:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
        return true;
    default:
        return false;
    }
}

} // namespace

void ViewerWidget::mousePressEvent(QMouseEvent* e) {
    setFocus(Qt::MouseFocusReason);
    d->lastPos = e->position();
    d->pressPos = e->position();
    d->anchor.reset();
    if (d->mode == CameraMode::Orbit) {
        if (auto p = d->pickAt(this, e->position())) {
            d->anchor = *p;
        } else {
            osg::Vec3d from, direction;
            const double ratio = devicePixelRatioF();
            d->scene.pixelRay(e->position().x() * ratio, e->position().y() * ratio, from, direction);
            d->anchor = d->fallbackPoint(from, direction);
        }
    }
    e->accept();
}

void ViewerWidget::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && (e->position() - d->pressPos).manhattanLength() <= 3) {
        if (auto p = d->pickAt(this, e->position())) // world coordinates = project CRS
            emit clicked(p->x(), p->y(), p->z());
    }
    if (e->buttons() == Qt::NoButton)
        d->anchor.reset();
    e->accept();
}

void ViewerWidget::mouseMoveEvent(QMouseEvent* e) {
    const QPointF pos = e->position();
    const QPointF delta = pos - d->lastPos;
    d->lastPos = pos;
    if (e->buttons() == Qt::NoButton) {
        d->cursorPos = pos;
        if (!d->cursorTimer.isActive())
            d->cursorTimer.start();
        return;
    }
    if (d->mode == CameraMode::Walk) {
        d->walk->look(delta.x() * kLookDegPerPixel, -delta.y() * kLookDegPerPixel);
    } else if (d->anchor) {
        if (e->buttons() & Qt::LeftButton) {
            d->orbit->rotate(*d->anchor, -delta.x() * kRotateDegPerPixel, delta.y() * kRotateDegPerPixel);
        } else if (e->buttons() & (Qt::RightButton | Qt::MiddleButton)) {
            osg::Vec3d from, direction;
            const double ratio = devicePixelRatioF();
            d->scene.pixelRay(pos.x() * ratio, pos.y() * ratio, from, direction);
            d->orbit->pan(*d->anchor, from, direction);
        }
    }
    update();
    emit cameraViewChanged();
}

void ViewerWidget::mouseDoubleClickEvent(QMouseEvent* e) {
    const auto p = d->pickAt(this, e->position());
    if (!p)
        return;
    if (d->mode == CameraMode::Walk)
        d->walk->placeAt(p->x(), p->y(), d->walk->cameraView().heading);
    else
        d->orbit->focus(*p);
    update();
    emit cameraViewChanged();
}

void ViewerWidget::wheelEvent(QWheelEvent* e) {
    const double notches = e->angleDelta().y() / 120.0;
    if (notches == 0) {
        e->ignore();
        return;
    }
    if (d->mode == CameraMode::Walk) {
        d->walk->walk(notches > 0 ? 1.0 : -1.0, 0.0, std::abs(notches) * 0.5, false);
    } else {
        osg::Vec3d target;
        if (auto p = d->pickAt(this, e->position())) {
            target = *p;
        } else {
            osg::Vec3d from, direction;
            const double ratio = devicePixelRatioF();
            d->scene.pixelRay(e->position().x() * ratio, e->position().y() * ratio, from, direction);
            target = d->fallbackPoint(from, direction);
        }
        d->orbit->zoom(target, std::pow(kZoomPerNotch, notches));
    }
    e->accept();
    update();
    emit cameraViewChanged();
}

void ViewerWidget::keyPressEvent(QKeyEvent* e) {
    d->run = e->modifiers() & Qt::ShiftModifier;
    if (isMoveKey(e->key())) {
        if (!e->isAutoRepeat()) {
            d->keys.insert(e->key());
            if (!d->moveTimer.isActive()) {
                d->moveClock.start();
                d->moveTimer.start();
            }
        }
        e->accept();
        return;
    }
    if (e->key() == Qt::Key_Home) {
        home();
        e->accept();
        return;
    }
    QOpenGLWidget::keyPressEvent(e);
}

void ViewerWidget::keyReleaseEvent(QKeyEvent* e) {
    d->run = e->modifiers() & Qt::ShiftModifier;
    if (isMoveKey(e->key())) {
        if (!e->isAutoRepeat())
            d->keys.remove(e->key());
        if (d->keys.isEmpty())
            d->moveTimer.stop();
        e->accept();
        return;
    }
    QOpenGLWidget::keyReleaseEvent(e);
}

void ViewerWidget::leaveEvent(QEvent* e) {
    d->cursorTimer.stop();
    emit cursorLeft();
    QOpenGLWidget::leaveEvent(e);
}

void ViewerWidget::focusOutEvent(QFocusEvent* e) {
    // A key released while another window had focus would otherwise keep us walking.
    d->keys.clear();
    d->moveTimer.stop();
    QOpenGLWidget::focusOutEvent(e);
}

} // namespace viewer
