#pragma once
// Keeps the 3D viewer in step with the document: the viewer listens to document signals, commands never touch
// the scene. A reset shows the project's saved view (or frames everything); added or removed layers rebuild
// the scene and keep the camera where it is.
#include <QObject>

namespace viewer {
class ViewerWidget;
}

namespace app {

class Document;

class SceneSync : public QObject {
    Q_OBJECT
public:
    SceneSync(Document* document, viewer::ViewerWidget* viewer, QObject* parent = nullptr);

private:
    void onProjectReset();
    void onLayersChanged();

    Document* mDocument;
    viewer::ViewerWidget* mViewer;
    bool mHadLayers = false;
};

} // namespace app
