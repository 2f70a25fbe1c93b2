#include "app/model/set_layer_visibility_command.h"

#include "app/model/document.h"

#include <QCoreApplication>

namespace app {

SetLayerVisibilityCommand::SetLayerVisibilityCommand(Document* document, const QString& layerId, bool visible)
    : mDocument(document), mLayerId(layerId), mVisible(visible) {
    const gis::Layer* layer = document->layer(layerId);
    const QString name = layer ? QString::fromStdString(layer->name) : layerId;
    setText(visible ? QCoreApplication::translate("app::Commands", "Show layer “%1”").arg(name)
                    : QCoreApplication::translate("app::Commands", "Hide layer “%1”").arg(name));
}

void SetLayerVisibilityCommand::redo() {
    mDocument->applyLayerVisible(mLayerId, mVisible);
}

void SetLayerVisibilityCommand::undo() {
    mDocument->applyLayerVisible(mLayerId, !mVisible);
}

} // namespace app
