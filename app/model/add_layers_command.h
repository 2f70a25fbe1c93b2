#pragma once
#include "gis/model/project.h"

#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include <vector>

namespace app {

class Document;

// Appends layers (an import). Layer ids are made unique in the project. When the project has no CRS yet,
// `crs` becomes the project CRS; undo restores the empty CRS.
class AddLayersCommand : public QUndoCommand {
public:
    AddLayersCommand(Document* document, std::vector<gis::Layer> layers, const gis::Crs& crs,
                     const QString& text);
    void redo() override;
    void undo() override;

private:
    Document* mDocument;
    std::vector<gis::Layer> mLayers; // held while not in the document
    QStringList mIds;
    gis::Crs mCrs;
    bool mSetCrs = false;
};

} // namespace app
