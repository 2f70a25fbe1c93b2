#pragma once
#include "gis/model/project.h"

#include <QString>
#include <QUndoCommand>

#include <optional>

namespace app {

class Document;

// Removes one layer; undo puts it back at the same position with all its data.
class RemoveLayerCommand : public QUndoCommand {
public:
    RemoveLayerCommand(Document* document, const QString& layerId);
    void redo() override;
    void undo() override;

private:
    Document* mDocument;
    QString mLayerId;
    int mIndex = -1;
    std::optional<gis::Layer> mLayer; // held while removed
};

} // namespace app
