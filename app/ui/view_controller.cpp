#include "app/ui/view_controller.h"

#include "app/model/document.h"
#include "app/ui/action_util.h"
#include "viewer/qt/viewer_widget.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QToolBar>

namespace app {

ViewController::ViewController(Document* document, viewer::ViewerWidget* viewer, QObject* parent)
    : QObject(parent), mDocument(document), mViewer(viewer), mModeGroup(new QActionGroup(this)) {
    // Letters would clash with WASD walking and typing: camera modes use Ctrl+1 / Ctrl+2.
    mOrbitAction =
        makeAction(this, QStringLiteral("orbit"), tr("&Orbit"), QKeySequence(Qt::CTRL | Qt::Key_1),
                   tr("Orbit camera: left-drag rotates about the point under the cursor, right-drag "
                      "pans, the wheel zooms"));
    mWalkAction = makeAction(this, QStringLiteral("walk"), tr("&Walk"), QKeySequence(Qt::CTRL | Qt::Key_2),
                             tr("Walk at eye height: W A S D or the arrow keys move, the mouse looks around, "
                                "Shift is faster"));
    mOrbitAction->setObjectName(QStringLiteral("actionOrbit"));
    mWalkAction->setObjectName(QStringLiteral("actionWalk"));
    for (QAction* a : {mOrbitAction, mWalkAction}) {
        a->setCheckable(true);
        mModeGroup->addAction(a);
    }
    mModeGroup->setExclusive(true);
    mOrbitAction->setChecked(true);
    connect(mOrbitAction, &QAction::triggered, this,
            [this] { mViewer->setCameraMode(viewer::CameraMode::Orbit); });
    connect(mWalkAction, &QAction::triggered, this,
            [this] { mViewer->setCameraMode(viewer::CameraMode::Walk); });
    connect(mViewer, &viewer::ViewerWidget::cameraModeChanged, this, &ViewController::syncCameraMode);

    mHomeAction = makeAction(this, QStringLiteral("home"), tr("&Home"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), tr("Frame the whole project"));
    mHomeAction->setObjectName(QStringLiteral("actionHome"));
    connect(mHomeAction, &QAction::triggered, mViewer, &viewer::ViewerWidget::home);

    mZoomToLayerAction = makeAction(this, QStringLiteral("zoom-layer"), tr("&Zoom to Layer"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                                    tr("Frame the layer selected in the Layers panel"));
    mZoomToLayerAction->setObjectName(QStringLiteral("actionZoomToLayer"));
    connect(mZoomToLayerAction, &QAction::triggered, this, [this] { zoomToLayer(mCurrentLayer); });

    mSaveViewAction = makeAction(this, QStringLiteral("save-view"), tr("&Save Current View"),
                                 QKeySequence(Qt::CTRL | Qt::Key_B),
                                 tr("Store the current camera view in the project (undoable)"));
    mSaveViewAction->setObjectName(QStringLiteral("actionSaveView"));
    connect(mSaveViewAction, &QAction::triggered, this, &ViewController::saveCurrentView);

    mGoToSavedViewAction =
        makeAction(this, QString(), tr("&Go to Saved View"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                   tr("Return to the camera view stored in the project"));
    mGoToSavedViewAction->setObjectName(QStringLiteral("actionGoToSavedView"));
    connect(mGoToSavedViewAction, &QAction::triggered, this, &ViewController::goToSavedView);

    connect(mDocument, &Document::projectReset, this, &ViewController::updateActions);
    connect(mDocument, &Document::savedViewChanged, this, &ViewController::updateActions);
    connect(mDocument, &Document::layersInserted, this, &ViewController::updateActions);
    connect(mDocument, &Document::layersRemoved, this, &ViewController::updateActions);
    syncCameraMode(mViewer->cameraMode());
    updateActions();
}

void ViewController::populateMenu(QMenu* menu) const {
    menu->addAction(mOrbitAction);
    menu->addAction(mWalkAction);
    menu->addSeparator();
    menu->addAction(mHomeAction);
    menu->addAction(mZoomToLayerAction);
    menu->addSeparator();
    menu->addAction(mSaveViewAction);
    menu->addAction(mGoToSavedViewAction);
}

void ViewController::populateToolBar(QToolBar* toolBar) const {
    toolBar->addAction(mOrbitAction);
    toolBar->addAction(mWalkAction);
    toolBar->addSeparator();
    toolBar->addAction(mHomeAction);
    toolBar->addAction(mZoomToLayerAction);
    toolBar->addAction(mSaveViewAction);
}

void ViewController::setCurrentLayer(const QString& id) {
    mCurrentLayer = id;
    updateActions();
}

void ViewController::zoomToLayer(const QString& id) {
    if (!id.isEmpty() && mDocument->layer(id))
        mViewer->zoomToLayer(id);
}

void ViewController::saveCurrentView() {
    mDocument->setSavedView(mViewer->cameraView());
}

void ViewController::goToSavedView() {
    if (const auto& view = mDocument->project().view)
        mViewer->setCameraView(*view);
}

void ViewController::syncCameraMode(viewer::CameraMode mode) {
    (mode == viewer::CameraMode::Walk ? mWalkAction : mOrbitAction)->setChecked(true);
}

void ViewController::updateActions() {
    const bool hasLayers = mDocument->layerCount() > 0;
    mHomeAction->setEnabled(hasLayers);
    mZoomToLayerAction->setEnabled(hasLayers && mDocument->layer(mCurrentLayer));
    mSaveViewAction->setEnabled(hasLayers);
    mGoToSavedViewAction->setEnabled(mDocument->project().view.has_value());
}

} // namespace app
