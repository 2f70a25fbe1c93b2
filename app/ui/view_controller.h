#pragma once
// View menu and navigation toolbar: camera mode (Orbit / Walk, exclusive), Home (frame all), Zoom to Layer,
// Save Current View (undoable, stored in the project) and Go to Saved View.
#include <QObject>
#include <QString>

class QAction;
class QActionGroup;
class QMenu;
class QToolBar;

namespace viewer {
class ViewerWidget;
enum class CameraMode;
} // namespace viewer

namespace app {

class Document;

class ViewController : public QObject {
    Q_OBJECT
public:
    ViewController(Document* document, viewer::ViewerWidget* viewer, QObject* parent = nullptr);

    void populateMenu(QMenu* menu) const;
    void populateToolBar(QToolBar* toolBar) const;

    QAction* orbitAction() const { return mOrbitAction; }
    QAction* walkAction() const { return mWalkAction; }
    QAction* homeAction() const { return mHomeAction; }
    QAction* zoomToLayerAction() const { return mZoomToLayerAction; }
    QAction* saveViewAction() const { return mSaveViewAction; }
    QAction* goToSavedViewAction() const { return mGoToSavedViewAction; }

public slots:
    // The layer Zoom to Layer acts on (the layer panel's selection).
    void setCurrentLayer(const QString& id);
    void zoomToLayer(const QString& id);
    void saveCurrentView();
    void goToSavedView();

private:
    void syncCameraMode(viewer::CameraMode mode);
    void updateActions();

    Document* mDocument;
    viewer::ViewerWidget* mViewer;
    QString mCurrentLayer;
    QActionGroup* mModeGroup;
    QAction* mOrbitAction;
    QAction* mWalkAction;
    QAction* mHomeAction;
    QAction* mZoomToLayerAction;
    QAction* mSaveViewAction;
    QAction* mGoToSavedViewAction;
};

} // namespace app
