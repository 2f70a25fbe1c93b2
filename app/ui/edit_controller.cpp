#include "app/ui/edit_controller.h"

#include "app/model/document.h"
#include "app/ui/icons.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

namespace app {

EditController::EditController(Document* document, QWidget* window, QObject* parent) : QObject(parent) {
    QUndoStack* stack = document->undoStack();
    mUndo = stack->createUndoAction(this, tr("Undo"));
    mUndo->setObjectName(QStringLiteral("actionUndo"));
    mUndo->setIcon(icon(QStringLiteral("undo")));
    mUndo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    mUndo->setStatusTip(tr("Undo the last edit"));

    mRedo = stack->createRedoAction(this, tr("Redo"));
    mRedo->setObjectName(QStringLiteral("actionRedo"));
    mRedo->setIcon(icon(QStringLiteral("redo")));
    // Ctrl+Shift+Z as in QGIS; Ctrl+Y for those used to it.
    mRedo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    mRedo->setStatusTip(tr("Redo the last undone edit"));

    // createUndoAction() keeps the text ("Undo Hide layer …") up to date; the tooltip follows it.
    for (QAction* a : {mUndo, mRedo}) {
        auto updateTip = [a] {
            a->setToolTip(QStringLiteral("%1 (%2)").arg(a->text().remove(QLatin1Char('&')),
                                                        a->shortcut().toString(QKeySequence::NativeText)));
        };
        connect(a, &QAction::changed, this, updateTip);
        updateTip();
    }

    mHistory = new QDockWidget(tr("History"), window);
    mHistory->setObjectName(QStringLiteral("HistoryPanel"));
    auto* view = new QUndoView(stack, mHistory);
    view->setEmptyLabel(tr("<opened project>"));
    view->setToolTip(tr("Every edit since the project was opened; click a step to go back to it"));
    mHistory->setWidget(view);
}

void EditController::populateMenu(QMenu* menu) const {
    menu->addAction(mUndo);
    menu->addAction(mRedo);
}

void EditController::populateToolBar(QToolBar* toolBar) const {
    toolBar->addAction(mUndo);
    toolBar->addAction(mRedo);
}

} // namespace app
