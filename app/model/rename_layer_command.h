#pragma once
#include <QString>
#include <QUndoCommand>

namespace app {

class Document;

// Changes the name a layer is shown with (its id stays).
class RenameLayerCommand : public QUndoCommand {
public:
    RenameLayerCommand(Document* document, const QString& layerId, const QString& newName);
    void redo() override;
    void undo() override;

private:
    Document* mDocument;
    QString mLayerId;
    QString mOldName;
    QString mNewName;
};

} // namespace app
