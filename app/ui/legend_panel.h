#pragma once
// The Legend dock: for every visible zoning layer, the GB 50137-2011 land classes it holds, each with the
// colour the 3D view paints it in, its code and translated name, how many zones and how many hectares. It
// mirrors the document's signals; it never edits anything.
#include <QDockWidget>
#include <QString>
#include <QStringList>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace app {

class Document;

class LegendPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit LegendPanel(Document* document, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return mTree; }
    // Ids of the zoning layers the legend shows, in layer order.
    QStringList layerIds() const;
    // Major class codes listed for a layer ("R", "A", …, or an unknown code as is), in legend order.
    QStringList classCodes(const QString& layerId) const;
    // The translated name of a class code ("R" -> "Residential" / "居住用地"); "Other" for unknown codes.
    static QString className(const QString& code);
    // Wide enough for the longest class name of the user interface language with its counts, so the main
    // window can size the dock column once, whatever project is open.
    int preferredWidth() const;

private:
    void rebuild();
    QTreeWidgetItem* itemForLayer(const QString& id) const;

    Document* mDocument;
    QStackedWidget* mStack;
    QTreeWidget* mTree;
    QLabel* mEmpty;
};

} // namespace app
