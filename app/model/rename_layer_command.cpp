#include "app/model/rename_layer_command.h"

#include "app/model/document.h"

#include <QCoreApplication>

namespace app {

RenameLayerCommand::RenameLayerCommand(Document* document, const QString& layerId, const QString& newName)
    : mDocument(document), mLayerId(layerId), mNewName(newName) {
    if (const gis::Layer* layer = document->layer(layerId))
        mOldName = QString::fromStdString(layer->name);
    setText(
        QCoreApplication::translate("app::Commands", "Rename layer “%1” to “%2”").arg(mOldName, mNewName));
}

void RenameLayerCommand::redo() {
    mDocument->applyLayerName(mLayerId, mNewName);
}

void RenameLayerCommand::undo() {
    mDocument->applyLayerName(mLayerId, mOldName);
}

} // namespace app
