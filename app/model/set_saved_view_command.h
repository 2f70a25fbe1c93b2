#pragma once
#include "gis/model/camera_view.h"

#include <QUndoCommand>

#include <optional>

namespace app {

class Document;

// Stores (or clears) the camera view saved in the project.
class SetSavedViewCommand : public QUndoCommand {
public:
    SetSavedViewCommand(Document* document, const std::optional<gis::CameraView>& view);
    void redo() override;
    void undo() override;

private:
    Document* mDocument;
    std::optional<gis::CameraView> mOld;
    std::optional<gis::CameraView> mNew;
};

} // namespace app
