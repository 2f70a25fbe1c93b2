#include "app/model/remove_layer_command.h"

#include "app/model/document.h"

#include <QCoreApplication>

namespace app {

RemoveLayerCommand::RemoveLayerCommand(Document* document, const QString& layerId)
    : mDocument(document), mLayerId(layerId) {
    const gis::Layer* layer = document->layer(layerId);
    const QString name = layer ? QString::fromStdString(layer->name) : layerId;
    setText(QCoreApplication::translate("app::Commands", "Remove layer “%1”").arg(name));
}

void RemoveLayerCommand::redo() {
    mIndex = mDocument->indexOfLayer(mLayerId);
    if (mIndex < 0) {
        setObsolete(true);
        return;
    }
    mLayer = mDocument->takeLayerAt(mIndex);
}

void RemoveLayerCommand::undo() {
    if (!mLayer)
        return;
    std::vector<gis::Layer> layers;
    layers.push_back(std::move(*mLayer));
    mLayer.reset();
    mDocument->insertLayers(mIndex, std::move(layers));
}

} // namespace app
