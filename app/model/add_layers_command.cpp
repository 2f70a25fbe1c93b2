#include "app/model/add_layers_command.h"

#include "app/model/document.h"

#include <QCoreApplication>

namespace app {

AddLayersCommand::AddLayersCommand(Document* document, std::vector<gis::Layer> layers, const gis::Crs& crs,
                                   const QString& text)
    : mDocument(document), mLayers(std::move(layers)), mCrs(crs) {
    for (auto& layer : mLayers) {
        const QString id =
            document->uniqueLayerId(QString::fromStdString(layer.id.empty() ? layer.name : layer.id), mIds);
        layer.id = id.toStdString();
        mIds << id;
    }
    setText(text.isEmpty() ? QCoreApplication::translate("app::Commands", "Add layers") : text);
}

void AddLayersCommand::redo() {
    mSetCrs = mDocument->project().crs.isEmpty() && !mCrs.isEmpty();
    if (mSetCrs)
        mDocument->applyCrs(mCrs);
    mDocument->insertLayers(mDocument->layerCount(), std::move(mLayers));
    mLayers.clear();
}

void AddLayersCommand::undo() {
    mLayers.clear();
    // Take them back in reverse so earlier indexes stay valid, then restore the original order.
    for (auto it = mIds.crbegin(); it != mIds.crend(); ++it) {
        const int index = mDocument->indexOfLayer(*it);
        if (index >= 0)
            mLayers.insert(mLayers.begin(), mDocument->takeLayerAt(index));
    }
    if (mSetCrs)
        mDocument->applyCrs(gis::Crs{});
}

} // namespace app
