#include "app/model/set_saved_view_command.h"

#include "app/model/document.h"

#include <QCoreApplication>

namespace app {

SetSavedViewCommand::SetSavedViewCommand(Document* document, const std::optional<gis::CameraView>& view)
    : mDocument(document), mOld(document->project().view), mNew(view) {
    setText(view ? QCoreApplication::translate("app::Commands", "Save view")
                 : QCoreApplication::translate("app::Commands", "Clear saved view"));
}

void SetSavedViewCommand::redo() {
    mDocument->applySavedView(mNew);
}

void SetSavedViewCommand::undo() {
    mDocument->applySavedView(mOld);
}

} // namespace app
