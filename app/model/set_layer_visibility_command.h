#pragma once
#include <QString>
#include <QUndoCommand>

namespace app {

class Document;

// Shows or hides one layer.
class SetLayerVisibilityCommand : public QUndoCommand {
public:
    SetLayerVisibilityCommand(Document* document, const QString& layerId, bool visible);
    void redo() override;
    void undo() override;

private:
    Document* mDocument;
    QString mLayerId;
    bool mVisible;
};

} // namespace app
