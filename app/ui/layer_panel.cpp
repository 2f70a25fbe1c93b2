#include "app/ui/layer_panel.h"

#include "app/model/document.h"
#include "app/ui/action_util.h"
#include "app/ui/icons.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSignalBlocker>
#include <QTreeWidget>

namespace app {

namespace {
constexpr int kIdRole = Qt::UserRole;

QString kindName(gis::LayerKind kind) {
    switch (kind) {
    case gis::LayerKind::Buildings:
    case gis::LayerKind::CityModel: // a 3D city model is shown as buildings (same translated name)
        return LayerPanel::tr("Buildings");
    case gis::LayerKind::Zones:
        return LayerPanel::tr("Zoning");
    case gis::LayerKind::Terrain:
        return LayerPanel::tr("Terrain");
    case gis::LayerKind::Imagery:
        return LayerPanel::tr("Imagery");
    }
    return {};
}
} // namespace

LayerPanel::LayerPanel(Document* document, QWidget* parent)
    : QDockWidget(tr("Layers"), parent), mDocument(document), mTree(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("LayerPanel"));
    mTree->setObjectName(QStringLiteral("LayerTree"));
    mTree->setHeaderHidden(true);
    mTree->setColumnCount(1);
    mTree->setRootIsDecorated(false);
    mTree->setUniformRowHeights(true);
    mTree->setSelectionMode(QAbstractItemView::SingleSelection);
    mTree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    mTree->setContextMenuPolicy(Qt::CustomContextMenu);
    mTree->setToolTip(tr("Project layers: tick to show, double-click or F2 to rename, right-click for more"));
    setWidget(mTree);

    mZoomAction = makeAction(this, QStringLiteral("zoom-layer"), tr("&Zoom to Layer"), QKeySequence(),
                             tr("Frame the selected layer in the 3D view"));
    connect(mZoomAction, &QAction::triggered, this, [this] {
        if (const QString id = currentLayerId(); !id.isEmpty())
            emit zoomToLayerRequested(id);
    });

    mRenameAction = makeAction(this, QString(), tr("&Rename Layer"), QKeySequence(Qt::Key_F2),
                               tr("Change the name the selected layer is shown with"));
    mRenameAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(mRenameAction, &QAction::triggered, this, [this] {
        if (QTreeWidgetItem* item = mTree->currentItem())
            mTree->editItem(item, 0);
    });

    mRemoveAction = makeAction(this, QStringLiteral("remove"), tr("Re&move Layer"), QKeySequence::Delete,
                               tr("Remove the selected layer from the project (undoable)"));
    mRemoveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(mRemoveAction, &QAction::triggered, this, [this] {
        if (const QString id = currentLayerId(); !id.isEmpty())
            mDocument->removeLayer(id);
    });
    // The shortcuts work while the tree has focus (F2 is also the tree's own edit key).
    addAction(mRenameAction);
    addAction(mRemoveAction);

    connect(mTree, &QTreeWidget::itemChanged, this, &LayerPanel::onItemChanged);
    connect(mTree, &QTreeWidget::currentItemChanged, this, [this] {
        updateActions();
        emit currentLayerChanged(currentLayerId());
    });
    connect(mTree, &QTreeWidget::customContextMenuRequested, this, &LayerPanel::showContextMenu);

    connect(mDocument, &Document::projectReset, this, &LayerPanel::rebuild);
    connect(mDocument, &Document::layersInserted, this, &LayerPanel::rebuild);
    connect(mDocument, &Document::layersRemoved, this, &LayerPanel::rebuild);
    connect(mDocument, &Document::layerChanged, this, [this](const QString& id) {
        if (QTreeWidgetItem* item = itemForLayer(id))
            updateItem(item);
    });
    connect(mDocument, &Document::layerVisibilityChanged, this, [this](const QString& id, bool) {
        if (QTreeWidgetItem* item = itemForLayer(id))
            updateItem(item);
    });
    rebuild();
}

QString LayerPanel::currentLayerId() const {
    const QTreeWidgetItem* item = mTree->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

void LayerPanel::setCurrentLayer(const QString& id) {
    if (QTreeWidgetItem* item = itemForLayer(id))
        mTree->setCurrentItem(item);
}

QTreeWidgetItem* LayerPanel::itemForLayer(const QString& id) const {
    for (int i = 0; i < mTree->topLevelItemCount(); ++i)
        if (mTree->topLevelItem(i)->data(0, kIdRole).toString() == id)
            return mTree->topLevelItem(i);
    return nullptr;
}

void LayerPanel::populateMenu(QMenu* menu) const {
    menu->addAction(mZoomAction);
    menu->addSeparator();
    menu->addAction(mRenameAction);
    menu->addAction(mRemoveAction);
}

void LayerPanel::rebuild() {
    const QString current = currentLayerId();
    {
        QSignalBlocker blockTree(mTree);
        mUpdating = true;
        mTree->clear();
        for (int i = 0; i < mDocument->layerCount(); ++i) {
            auto* item = new QTreeWidgetItem(mTree);
            item->setData(0, kIdRole, QString::fromStdString(mDocument->layerAt(i)->id));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable |
                           Qt::ItemIsUserCheckable);
            updateItem(item);
        }
        mUpdating = false;
        if (QTreeWidgetItem* item = itemForLayer(current))
            mTree->setCurrentItem(item);
        else if (mTree->topLevelItemCount() > 0)
            mTree->setCurrentItem(mTree->topLevelItem(0));
    }
    updateActions();
    emit currentLayerChanged(currentLayerId());
}

void LayerPanel::updateItem(QTreeWidgetItem* item) {
    const gis::Layer* layer = mDocument->layer(item->data(0, kIdRole).toString());
    if (!layer)
        return;
    const bool wasUpdating = mUpdating;
    mUpdating = true;
    const QString name = QString::fromStdString(layer->name);
    item->setText(0, name.isEmpty() ? QString::fromStdString(layer->id) : name);
    item->setIcon(0, layerKindIcon(layer->kind()));
    item->setCheckState(0, layer->visible ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(0, tr("%1\n%2 layer, %3 features\nid: %4")
                            .arg(item->text(0), kindName(layer->kind()))
                            .arg(layer->featureCount())
                            .arg(QString::fromStdString(layer->id)));
    mUpdating = wasUpdating;
}

void LayerPanel::onItemChanged(QTreeWidgetItem* item, int column) {
    if (mUpdating || column != 0)
        return;
    const QString id = item->data(0, kIdRole).toString();
    const gis::Layer* layer = mDocument->layer(id);
    if (!layer)
        return;
    const bool checked = item->checkState(0) == Qt::Checked;
    if (checked != layer->visible)
        mDocument->setLayerVisible(id, checked);
    const QString text = item->text(0).trimmed();
    if (text != QString::fromStdString(layer->name)) {
        if (text.isEmpty())
            updateItem(item); // an empty name is not allowed: put the old one back
        else
            mDocument->renameLayer(id, text);
    }
}

void LayerPanel::updateActions() {
    const bool has = !currentLayerId().isEmpty();
    mZoomAction->setEnabled(has);
    mRenameAction->setEnabled(has);
    mRemoveAction->setEnabled(has);
}

void LayerPanel::showContextMenu(const QPoint& pos) {
    QTreeWidgetItem* item = mTree->itemAt(pos);
    if (!item)
        return;
    mTree->setCurrentItem(item);
    QMenu menu(this);
    populateMenu(&menu);
    menu.exec(mTree->viewport()->mapToGlobal(pos));
}

} // namespace app
