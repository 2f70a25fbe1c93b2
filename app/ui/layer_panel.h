#pragma once
// The Layers dock: one row per project layer with its kind icon and a visibility checkbox. Checking, renaming
// (double-click or F2) and removing go through the document's undo stack; the panel mirrors document signals.
#include <QDockWidget>
#include <QString>

class QAction;
class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace app {

class Document;

class LayerPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit LayerPanel(Document* document, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return mTree; }
    // Id of the selected layer, empty when none.
    QString currentLayerId() const;
    void setCurrentLayer(const QString& id);
    QTreeWidgetItem* itemForLayer(const QString& id) const;

    QAction* zoomToLayerAction() const { return mZoomAction; }
    QAction* renameAction() const { return mRenameAction; }
    QAction* removeAction() const { return mRemoveAction; }
    // Adds the panel's layer actions to a menu (the main window's Layer menu).
    void populateMenu(QMenu* menu) const;

signals:
    void currentLayerChanged(const QString& id);
    void zoomToLayerRequested(const QString& id);

private:
    void rebuild();
    void updateItem(QTreeWidgetItem* item);
    void onItemChanged(QTreeWidgetItem* item, int column);
    void updateActions();
    void showContextMenu(const QPoint& pos);

    Document* mDocument;
    QTreeWidget* mTree;
    QAction* mZoomAction;
    QAction* mRenameAction;
    QAction* mRemoveAction;
    bool mUpdating = false;
};

} // namespace app
