#include "app/ui/legend_panel.h"

#include "app/model/document.h"
#include "gis/model/zone.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>

#include <algorithm>
#include <map>
#include <string>

namespace app {

namespace {
constexpr int kIdRole = Qt::UserRole;       // on a layer row: the layer id
constexpr int kCodeRole = Qt::UserRole + 1; // on a class row: the major class code
constexpr const char* kContext = "app::LegendPanel";

// The English names gis::landClassName() returns, listed for lupdate; className() translates them by text.
[[maybe_unused]] constexpr const char* kClassNames[] = {
    QT_TRANSLATE_NOOP("app::LegendPanel", "Residential"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Public administration and services"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Commercial and business"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Industrial"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Logistics and warehouse"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Roads and transport"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Utilities"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Green space and squares"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Water and non-construction"),
    QT_TRANSLATE_NOOP("app::LegendPanel", "Other"),
};

// The GB 50137 major class of a zone's code ("R2" -> "R"); an unknown code stays as it is.
std::string majorClass(const std::string& code) {
    const std::string_view major = std::string_view(code).substr(0, 1);
    const auto& codes = gis::landClassCodes();
    return std::find(codes.begin(), codes.end(), major) != codes.end() ? std::string(major) : code;
}

// Legend order: the GB 50137 order of gis::landClassCodes(), then unknown codes alphabetically.
int legendRank(const std::string& code) {
    const auto& codes = gis::landClassCodes();
    const auto it = std::find(codes.begin(), codes.end(), std::string_view(code));
    return it != codes.end() ? int(it - codes.begin()) : int(codes.size());
}

QIcon swatch(const gis::Rgb& rgb, qreal devicePixelRatio) {
    const QSize size(20, 14);
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QColor fill(rgb.r, rgb.g, rgb.b);
    painter.setPen(fill.darker(160));
    painter.setBrush(fill);
    painter.drawRect(QRectF(0.5, 0.5, size.width() - 1.0, size.height() - 1.0));
    return QIcon(pixmap);
}

struct ClassTotal {
    int zones = 0;
    double squareMetres = 0.0;
};
} // namespace

LegendPanel::LegendPanel(Document* document, QWidget* parent)
    : QDockWidget(tr("Legend"), parent), mDocument(document), mStack(new QStackedWidget(this)),
      mTree(new QTreeWidget(mStack)), mEmpty(new QLabel(mStack)) {
    setObjectName(QStringLiteral("LegendPanel"));
    mTree->setObjectName(QStringLiteral("LegendTree"));
    mTree->setColumnCount(3);
    mTree->setHeaderLabels({tr("Land use class"), tr("Zones"), tr("Area")});
    mTree->headerItem()->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    mTree->headerItem()->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    mTree->header()->setStretchLastSection(false);
    mTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    mTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    mTree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    mTree->setRootIsDecorated(false);
    mTree->setItemsExpandable(false);
    mTree->setUniformRowHeights(true);
    mTree->setSelectionMode(QAbstractItemView::NoSelection);
    mTree->setFocusPolicy(Qt::NoFocus);
    mTree->setIconSize(QSize(20, 14));
    mTree->setIndentation(12);
    mTree->setToolTip(
        tr("Colours of the zoning in the 3D view: GB 50137-2011 land use classes of every visible "
           "zoning layer, with the number of zones and their area"));

    mEmpty->setObjectName(QStringLiteral("LegendEmpty"));
    mEmpty->setText(tr("No visible zoning layer.\nShow or import one to see its land use classes here."));
    mEmpty->setAlignment(Qt::AlignCenter);
    mEmpty->setWordWrap(true);
    mEmpty->setMargin(8);
    mEmpty->setEnabled(false); // drawn greyed, as a placeholder

    mStack->addWidget(mTree);
    mStack->addWidget(mEmpty);
    setWidget(mStack);

    connect(mDocument, &Document::projectReset, this, &LegendPanel::rebuild);
    connect(mDocument, &Document::layersInserted, this, &LegendPanel::rebuild);
    connect(mDocument, &Document::layersRemoved, this, &LegendPanel::rebuild);
    connect(mDocument, &Document::layerVisibilityChanged, this, &LegendPanel::rebuild);
    connect(mDocument, &Document::layerChanged, this, &LegendPanel::rebuild);
    rebuild();
}

QString LegendPanel::className(const QString& code) {
    const std::string english(gis::landClassName(code.toStdString()));
    return QCoreApplication::translate(kContext, english.c_str());
}

int LegendPanel::preferredWidth() const {
    const QFontMetrics metrics(mTree->font());
    int name = 0;
    for (std::string_view code : gis::landClassCodes()) {
        const QString qcode = QString::fromUtf8(code.data(), qsizetype(code.size()));
        name =
            std::max(name, metrics.horizontalAdvance(QStringLiteral("%1  %2").arg(qcode, className(qcode))));
    }
    const int spacing = style()->pixelMetric(QStyle::PM_HeaderMargin) * 2 + 8;
    const int zones =
        std::max(metrics.horizontalAdvance(tr("Zones")), metrics.horizontalAdvance(QStringLiteral("9999")));
    const int area = std::max(metrics.horizontalAdvance(tr("Area")),
                              metrics.horizontalAdvance(tr("%1 ha").arg(QLocale().toString(9999.9, 'f', 1))));
    const int frame = 2 * mTree->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    return mTree->indentation() + mTree->iconSize().width() + name + zones + area + 3 * spacing + frame;
}

QStringList LegendPanel::layerIds() const {
    QStringList ids;
    for (int i = 0; i < mTree->topLevelItemCount(); ++i)
        ids << mTree->topLevelItem(i)->data(0, kIdRole).toString();
    return ids;
}

QStringList LegendPanel::classCodes(const QString& layerId) const {
    QStringList codes;
    if (const QTreeWidgetItem* layerItem = itemForLayer(layerId))
        for (int i = 0; i < layerItem->childCount(); ++i)
            codes << layerItem->child(i)->data(0, kCodeRole).toString();
    return codes;
}

QTreeWidgetItem* LegendPanel::itemForLayer(const QString& id) const {
    for (int i = 0; i < mTree->topLevelItemCount(); ++i)
        if (mTree->topLevelItem(i)->data(0, kIdRole).toString() == id)
            return mTree->topLevelItem(i);
    return nullptr;
}

void LegendPanel::rebuild() {
    mTree->clear();
    const QLocale locale;
    const qreal dpr = devicePixelRatioF();
    QFont layerFont = mTree->font();
    layerFont.setBold(true);

    for (int i = 0; i < mDocument->layerCount(); ++i) {
        const gis::Layer* layer = mDocument->layerAt(i);
        const auto* zoning = std::get_if<gis::ZoneLayerData>(&layer->data);
        if (!zoning || !layer->visible)
            continue;

        std::map<std::string, ClassTotal> totals;
        for (const gis::Zone& zone : zoning->zones) {
            ClassTotal& total = totals[majorClass(zone.landClass)];
            ++total.zones;
            total.squareMetres += gis::area(zone.area);
        }
        std::vector<std::pair<std::string, ClassTotal>> classes(totals.begin(), totals.end());
        std::stable_sort(classes.begin(), classes.end(), [](const auto& a, const auto& b) {
            return legendRank(a.first) < legendRank(b.first);
        });

        auto* layerItem = new QTreeWidgetItem(mTree);
        const QString name = QString::fromStdString(layer->name.empty() ? layer->id : layer->name);
        layerItem->setText(0, name);
        layerItem->setData(0, kIdRole, QString::fromStdString(layer->id));
        layerItem->setFont(0, layerFont);
        layerItem->setFlags(Qt::ItemIsEnabled);
        layerItem->setFirstColumnSpanned(true);

        for (const auto& [code, total] : classes) {
            const QString qcode = QString::fromStdString(code);
            const QString label = QStringLiteral("%1  %2").arg(qcode, className(qcode));
            const QString hectares = tr("%1 ha").arg(locale.toString(total.squareMetres / 10000.0, 'f', 1));
            auto* item = new QTreeWidgetItem(layerItem);
            item->setFlags(Qt::ItemIsEnabled);
            item->setData(0, kCodeRole, qcode);
            item->setIcon(0, swatch(gis::landClassColour(code), dpr));
            item->setText(0, label);
            item->setText(1, locale.toString(total.zones));
            item->setText(2, hectares);
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            const QString tip = tr("%1 (%2)\nZones: %3\nArea: %4")
                                    .arg(className(qcode), qcode, locale.toString(total.zones), hectares);
            for (int column = 0; column < 3; ++column)
                item->setToolTip(column, tip);
        }
    }
    mTree->expandAll();
    mStack->setCurrentWidget(mTree->topLevelItemCount() > 0 ? static_cast<QWidget*>(mTree) : mEmpty);
}

} // namespace app
