#include "app/ui/crs_picker.h"

#include "gis/io/crs_search.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace app {

namespace {
enum Column { CodeColumn, NameColumn, TypeColumn, AreaColumn };

QString typeText(const gis::io::CrsInfo& info) {
    switch (info.type) {
    case gis::io::CrsType::Projected:
        return info.metres ? CrsPicker::tr("Projected, metres") : CrsPicker::tr("Projected, other units");
    case gis::io::CrsType::Geographic:
        return CrsPicker::tr("Geographic, degrees");
    case gis::io::CrsType::Compound:
        return info.metres ? CrsPicker::tr("Compound, metres") : CrsPicker::tr("Compound");
    case gis::io::CrsType::Other:
        break;
    }
    return CrsPicker::tr("Other");
}

QString describe(const gis::io::CrsInfo& info) {
    return CrsPicker::tr("%1 (%2)").arg(QString::fromStdString(info.name), QString::fromStdString(info.code));
}
} // namespace

CrsPicker::CrsPicker(bool projectedOnly, QWidget* parent)
    : QWidget(parent), mProjectedOnly(projectedOnly), mSearch(new QLineEdit(this)),
      mResults(new QTreeWidget(this)), mChosen(new QLabel(this)), mDelay(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mSearch->setObjectName(QStringLiteral("crsSearch"));
    mSearch->setClearButtonEnabled(true);
    mSearch->setPlaceholderText(projectedOnly ? tr("EPSG code or name, e.g. 4547 or “UTM zone 50N”")
                                              : tr("EPSG code or name, e.g. 4547, 4326 or “CGCS2000 114E”"));
    mSearch->setToolTip(tr("Type an EPSG code (4547, EPSG:4547) or words of the name (CGCS2000 Gauss 114E); "
                           "Enter takes the first match, Down moves into the list"));
    mResults->setObjectName(QStringLiteral("crsResults"));
    mResults->setRootIsDecorated(false);
    mResults->setAlternatingRowColors(true);
    mResults->setUniformRowHeights(true);
    mResults->setHeaderLabels({tr("Code"), tr("Name"), tr("Type"), tr("Area of use")});
    mResults->header()->setStretchLastSection(true);
    mResults->setColumnWidth(CodeColumn, 90);
    mResults->setColumnWidth(NameColumn, 300);
    mResults->setColumnWidth(TypeColumn, 140);
    mResults->setMinimumHeight(150);
    mResults->setToolTip(projectedOnly ? tr("Projected coordinate systems in metres that match the search")
                                       : tr("Coordinate systems that match the search"));
    mChosen->setObjectName(QStringLiteral("crsChosen"));
    mChosen->setWordWrap(true);
    mChosen->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mChosen->setText(tr("None chosen yet."));
    layout->addWidget(mSearch);
    layout->addWidget(mResults, 1);
    layout->addWidget(mChosen);
    setFocusProxy(mSearch);

    mDelay->setSingleShot(true);
    mDelay->setInterval(150);
    connect(mSearch, &QLineEdit::textChanged, mDelay, qOverload<>(&QTimer::start));
    connect(mDelay, &QTimer::timeout, this, &CrsPicker::searchNow);
    connect(mResults, &QTreeWidget::currentItemChanged, this, &CrsPicker::onCurrentItemChanged);
    mSearch->installEventFilter(this);
}

void CrsPicker::searchNow() {
    mDelay->stop();
    gis::io::CrsSearchOptions options;
    options.limit = 100;
    options.projectedOnly = mProjectedOnly;
    const auto found = gis::io::searchCrs(mSearch->text().toStdString(), options);
    const QSignalBlocker block(mResults);
    mResults->clear();
    QTreeWidgetItem* current = nullptr;
    for (const auto& info : found) {
        auto* item = new QTreeWidgetItem(mResults);
        const QString code = QString::fromStdString(info.code);
        item->setText(CodeColumn, code);
        item->setText(NameColumn, QString::fromStdString(info.name));
        item->setText(TypeColumn, typeText(info));
        item->setText(AreaColumn, QString::fromStdString(info.areaOfUse));
        item->setData(CodeColumn, Qt::UserRole, code);
        item->setData(NameColumn, Qt::UserRole, describe(info));
        QString tip = describe(info) + QLatin1Char('\n') + typeText(info);
        if (!info.areaOfUse.empty())
            tip += QLatin1Char('\n') + QString::fromStdString(info.areaOfUse);
        if (info.hasBounds)
            tip += QLatin1Char('\n') + tr("Longitude %1° to %2°, latitude %3° to %4°")
                                           .arg(info.west, 0, 'f', 2)
                                           .arg(info.east, 0, 'f', 2)
                                           .arg(info.south, 0, 'f', 2)
                                           .arg(info.north, 0, 'f', 2);
        if (info.deprecated)
            tip += QLatin1Char('\n') + tr("Deprecated in the EPSG registry");
        for (int c = CodeColumn; c <= AreaColumn; ++c)
            item->setToolTip(c, tip);
        if (code == mSelected)
            current = item;
    }
    if (current)
        mResults->setCurrentItem(current);
}

void CrsPicker::setSelectedCode(const QString& code) {
    if (code.isEmpty()) {
        choose({}, {});
        return;
    }
    {
        const QSignalBlocker block(mSearch);
        mSearch->setText(code);
    }
    // Search with `code` as the selection so that its row becomes current, then choose it (which signals).
    const QString previous = std::exchange(mSelected, code);
    searchNow();
    mSelected = previous;
    if (QTreeWidgetItem* item = mResults->currentItem()) {
        choose(code, item->data(NameColumn, Qt::UserRole).toString());
    } else if (auto info = gis::io::crsInfo(code.toStdString())) {
        choose(code, describe(*info));
    } else {
        choose({}, {});
    }
}

void CrsPicker::onCurrentItemChanged() {
    if (QTreeWidgetItem* item = mResults->currentItem())
        choose(item->data(CodeColumn, Qt::UserRole).toString(),
               item->data(NameColumn, Qt::UserRole).toString());
}

void CrsPicker::choose(const QString& code, const QString& description) {
    mChosen->setText(code.isEmpty() ? tr("None chosen yet.") : tr("Chosen: %1").arg(description));
    if (code == mSelected && !code.isEmpty())
        return;
    const bool changed = code != mSelected;
    mSelected = code;
    if (changed)
        emit selectedCodeChanged(code);
}

bool CrsPicker::eventFilter(QObject* watched, QEvent* event) {
    if (watched == mSearch && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            // Take the first match rather than letting the dialog's default button act on a half-typed code.
            searchNow();
            if (mResults->topLevelItemCount() > 0)
                mResults->setCurrentItem(mResults->topLevelItem(0));
            return true;
        }
        if (key->key() == Qt::Key_Down && mResults->topLevelItemCount() > 0) {
            mResults->setFocus();
            if (!mResults->currentItem())
                mResults->setCurrentItem(mResults->topLevelItem(0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace app
