#include "app/ui/scene_sync.h"

#include "app/model/document.h"
#include "viewer/qt/viewer_widget.h"

namespace app {

SceneSync::SceneSync(Document* document, viewer::ViewerWidget* viewer, QObject* parent)
    : QObject(parent), mDocument(document), mViewer(viewer) {
    connect(mDocument, &Document::projectReset, this, &SceneSync::onProjectReset);
    connect(mDocument, &Document::layersInserted, this, &SceneSync::onLayersChanged);
    connect(mDocument, &Document::layersRemoved, this, &SceneSync::onLayersChanged);
    connect(mDocument, &Document::layerVisibilityChanged, mViewer, &viewer::ViewerWidget::setLayerVisible);
    onProjectReset();
}

void SceneSync::onProjectReset() {
    mViewer->setProject(&mDocument->project());
    if (const auto& view = mDocument->project().view)
        mViewer->setCameraView(*view);
    else
        mViewer->home();
    mHadLayers = mDocument->layerCount() > 0;
}

void SceneSync::onLayersChanged() {
    const bool hasLayers = mDocument->layerCount() > 0;
    const gis::CameraView camera = mViewer->cameraView();
    mViewer->setProject(&mDocument->project());
    // The first data in an empty project is framed; afterwards the user's camera stays.
    if (!mHadLayers && hasLayers)
        mViewer->home();
    else
        mViewer->setCameraView(camera);
    mHadLayers = hasLayers;
}

} // namespace app
