#pragma once
// The Edit menu: Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) from the document's undo stack, and the History panel.
#include <QObject>

class QAction;
class QDockWidget;
class QMenu;
class QToolBar;
class QWidget;

namespace app {

class Document;

class EditController : public QObject {
    Q_OBJECT
public:
    EditController(Document* document, QWidget* window, QObject* parent = nullptr);

    QAction* undoAction() const { return mUndo; }
    QAction* redoAction() const { return mRedo; }
    // A dock listing every undoable step; clicking one goes back to it.
    QDockWidget* historyDock() const { return mHistory; }

    void populateMenu(QMenu* menu) const;
    void populateToolBar(QToolBar* toolBar) const;

private:
    QAction* mUndo;
    QAction* mRedo;
    QDockWidget* mHistory;
};

} // namespace app
