#include "app/ui/sunlight_results_panel.h"

#include "app/model/sunlight_job.h"

#include <QAbstractTableModel>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace app {

using gis::analysis::LitInterval;
using gis::analysis::ReceiverSunlight;

namespace {
constexpr int kSortRole = Qt::UserRole;
constexpr int kFilterRole = Qt::UserRole + 1; // bit 0 failing, bit 1 newly failing, bit 2 losing sun

enum class Column {
    Building,
    Storey,
    Facade,
    Window,
    Cell,
    Hours,
    Required,
    Result,
    Solar,
    Clock,
    Before,
    Change,
    Status
};

QString hms(double seconds) {
    const long s = std::lround(seconds);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg(s / 60 % 60, 2, 10, QChar('0'))
        .arg(s % 60, 2, 10, QChar('0'));
}
} // namespace

class SunlightTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setRun(std::shared_ptr<const SunlightRun> run, std::shared_ptr<const SunlightClock> clock) {
        beginResetModel();
        mRun = std::move(run);
        mClock = std::move(clock);
        mColumns.clear();
        mChange.clear();
        if (mRun) {
            if (mRun->request.kind == ReceiverKind::Windows)
                mColumns = {Column::Building, Column::Storey, Column::Facade, Column::Window};
            else
                mColumns = {Column::Cell};
            mColumns.insert(mColumns.end(),
                            {Column::Hours, Column::Required, Column::Result, Column::Solar, Column::Clock});
            if (mRun->comparison) {
                mColumns.insert(mColumns.end(), {Column::Before, Column::Change, Column::Status});
                mChange.assign(mRun->size(), 0);
                for (const auto& c : mRun->comparison->drops)
                    mChange[c.index] |= 4;
                for (const auto& c : mRun->comparison->newFailures)
                    mChange[c.index] |= 2;
            }
        }
        endResetModel();
    }
    const SunlightRun* run() const { return mRun.get(); }
    Column column(int i) const { return mColumns[std::size_t(i)]; }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() || !mRun ? 0 : int(mRun->size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(mColumns.size());
    }

    QVariant headerData(int section, Qt::Orientation o, int role) const override {
        if (o != Qt::Horizontal || role != Qt::DisplayRole || section >= columnCount())
            return {};
        switch (column(section)) {
        case Column::Building:
            return SunlightResultsPanel::tr("Building");
        case Column::Storey:
            return SunlightResultsPanel::tr("Storey");
        case Column::Facade:
            return SunlightResultsPanel::tr("Facade");
        case Column::Window:
            return SunlightResultsPanel::tr("Window");
        case Column::Cell:
            return SunlightResultsPanel::tr("Cell");
        case Column::Hours:
            return mRun && mRun->comparison ? SunlightResultsPanel::tr("Hours after (h:mm:ss)")
                                            : SunlightResultsPanel::tr("Hours (h:mm:ss)");
        case Column::Required:
            return SunlightResultsPanel::tr("Required");
        case Column::Result:
            return SunlightResultsPanel::tr("Result");
        case Column::Solar:
            return SunlightResultsPanel::tr("Lit (true solar time)");
        case Column::Clock:
            return SunlightResultsPanel::tr("Lit (clock time)");
        case Column::Before:
            return SunlightResultsPanel::tr("Hours before");
        case Column::Change:
            return SunlightResultsPanel::tr("Change");
        case Column::Status:
            return SunlightResultsPanel::tr("Proposal");
        }
        return {};
    }

    QVariant data(const QModelIndex& index, int role) const override {
        if (!mRun || !index.isValid())
            return {};
        const std::size_t row = std::size_t(index.row());
        const ReceiverSunlight& r = mRun->current(row);
        const Column c = column(index.column());
        if (role == kFilterRole) {
            int bits = r.pass && !*r.pass ? 1 : 0;
            if (!mChange.empty())
                bits |= mChange[row];
            return bits;
        }
        if (role == Qt::TextAlignmentRole)
            return c == Column::Solar || c == Column::Clock || c == Column::Status
                       ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ForegroundRole && c == Column::Result && r.pass)
            return *r.pass ? QColor(20, 120, 40) : QColor(190, 20, 20);
        if (role == Qt::ForegroundRole && c == Column::Status && !mChange.empty() && (mChange[row] & 2))
            return QColor(190, 20, 20);
        if (role != Qt::DisplayRole && role != kSortRole && role != Qt::ToolTipRole)
            return {};
        const bool sort = role == kSortRole;
        const auto* w = mRun->request.kind == ReceiverKind::Windows ? &mRun->windows.windows[row] : nullptr;
        switch (c) {
        case Column::Building:
            return sort ? QVariant(qlonglong(w->building))
                        : QVariant(QString::number(w->building) +
                                   (w->part > 1 ? QStringLiteral(" p%1").arg(w->part) : QString()));
        case Column::Storey:
            return w->storey;
        case Column::Facade:
            return w->facade;
        case Column::Window:
            return w->window;
        case Column::Cell:
            return sort ? QVariant(qlonglong(row)) : QVariant(QString::fromStdString(mRun->rowId(row)));
        case Column::Hours:
            return sort ? QVariant(r.countedSeconds) : QVariant(hms(r.countedSeconds));
        case Column::Required: {
            const auto& req = mRun->request.parameters.requiredHours;
            if (!req)
                return sort ? QVariant(0.0) : QVariant(QStringLiteral("—"));
            return sort ? QVariant(*req) : QVariant(SunlightResultsPanel::tr("%1 h").arg(*req));
        }
        case Column::Result:
            if (sort)
                return r.pass ? (*r.pass ? 2 : 1) : 0;
            if (r.inside)
                return SunlightResultsPanel::tr("inside a building");
            if (!r.pass)
                return QStringLiteral("—");
            return *r.pass ? SunlightResultsPanel::tr("pass") : SunlightResultsPanel::tr("FAIL");
        case Column::Solar:
        case Column::Clock: {
            QStringList parts;
            for (const LitInterval& in : r.intervals) {
                const bool solar = c == Column::Solar;
                const int a = solar ? mClock->solarSeconds(in.start) : mClock->clockSeconds(in.start);
                const int b = solar ? mClock->solarSeconds(in.end) : mClock->clockSeconds(in.end);
                parts << clockText(a) + QStringLiteral("–") + clockText(b);
            }
            if (sort)
                return r.intervals.empty() ? 0 : r.intervals.front().start;
            if (parts.isEmpty())
                return r.neverFacesSun ? SunlightResultsPanel::tr("never faces the sun")
                                       : SunlightResultsPanel::tr("no sun");
            return parts.join(QStringLiteral(", "));
        }
        case Column::Before:
            return sort ? QVariant(mRun->rows[row].countedSeconds)
                        : QVariant(hms(mRun->rows[row].countedSeconds));
        case Column::Change: {
            const double d = r.countedSeconds - mRun->rows[row].countedSeconds;
            if (sort)
                return d;
            return (d < 0 ? QStringLiteral("−") : d > 0 ? QStringLiteral("+") : QString()) + hms(std::abs(d));
        }
        case Column::Status: {
            const int bits = mChange.empty() ? 0 : mChange[row];
            if (sort)
                return bits;
            if (bits & 2)
                return SunlightResultsPanel::tr("newly fails");
            if (bits & 4)
                return SunlightResultsPanel::tr("loses sun");
            return SunlightResultsPanel::tr("unchanged");
        }
        }
        return {};
    }

private:
    std::shared_ptr<const SunlightRun> mRun;
    std::shared_ptr<const SunlightClock> mClock;
    std::vector<Column> mColumns;
    std::vector<int> mChange; // per row: bit 1 newly fails, bit 2 loses sun
};

namespace {
class FilterProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMask(int mask) {
        mMask = mask;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        if (mMask == 0)
            return true;
        return (sourceModel()->index(row, 0, parent).data(kFilterRole).toInt() & mMask) != 0;
    }

private:
    int mMask = 0;
};
} // namespace

SunlightResultsPanel::SunlightResultsPanel(QWidget* parent)
    : QDockWidget(tr("Sunlight Results"), parent), mModel(new SunlightTableModel(this)) {
    setObjectName(QStringLiteral("SunlightResultsPanel"));
    auto* proxy = new FilterProxy(this);
    mProxy = proxy;
    mProxy->setSourceModel(mModel);
    mProxy->setSortRole(kSortRole);
    auto* content = new QWidget;
    auto* v = new QVBoxLayout(content);
    auto* top = new QHBoxLayout;
    mFilter = new QComboBox;
    mFilter->addItem(tr("All rows"), int(Filter::All));
    mFilter->addItem(tr("Failing"), int(Filter::Failing));
    mFilter->addItem(tr("Newly failing (proposal)"), int(Filter::NewlyFailing));
    mFilter->addItem(tr("Losing sun (proposal)"), int(Filter::LosingSun));
    top->addWidget(new QLabel(tr("Show:")));
    top->addWidget(mFilter);
    top->addStretch(1);
    v->addLayout(top);
    mSummary = new QLabel;
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(mSummary);
    mTable = new QTableView;
    mTable->setObjectName(QStringLiteral("sunlightTable"));
    mTable->setModel(mProxy);
    mTable->setSortingEnabled(true);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setAlternatingRowColors(true);
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 6);
    mTable->verticalHeader()->hide();
    mTable->horizontalHeader()->setStretchLastSection(true);
    v->addWidget(mTable);
    setWidget(content);

    connect(mFilter, &QComboBox::currentIndexChanged, this,
            [this] { setFilter(Filter(mFilter->currentData().toInt())); });
    auto activate = [this](const QModelIndex& index) {
        if (index.isValid())
            emit rowActivated(mProxy->mapToSource(index).row());
    };
    connect(mTable, &QTableView::clicked, this, activate);
    connect(mTable, &QTableView::activated, this, activate);
}

SunlightResultsPanel::~SunlightResultsPanel() = default;

void SunlightResultsPanel::setRun(std::shared_ptr<const SunlightRun> run,
                                  std::shared_ptr<const SunlightClock> clock) {
    const bool comparison = run && run->comparison;
    mModel->setRun(std::move(run), std::move(clock));
    // The comparison's filters only mean something after a comparison.
    if (auto* items = qobject_cast<QStandardItemModel*>(mFilter->model()))
        for (int i = 2; i < 4; ++i)
            items->item(i)->setEnabled(comparison);
    if (!comparison && mFilter->currentIndex() >= 2)
        mFilter->setCurrentIndex(0);
    mTable->sortByColumn(-1, Qt::AscendingOrder);
    mTable->resizeColumnsToContents();
}

void SunlightResultsPanel::setFilter(Filter filter) {
    if (mFilter->currentData().toInt() != int(filter))
        mFilter->setCurrentIndex(mFilter->findData(int(filter)));
    static_cast<FilterProxy*>(mProxy)->setMask(filter == Filter::All            ? 0
                                               : filter == Filter::Failing      ? 1
                                               : filter == Filter::NewlyFailing ? 2
                                                                                : 4);
}

void SunlightResultsPanel::setSummary(const QString& text) {
    mSummary->setText(text);
}

int SunlightResultsPanel::visibleRows() const {
    return mProxy->rowCount();
}

int SunlightResultsPanel::runRow(int visibleRow) const {
    return mProxy->mapToSource(mProxy->index(visibleRow, 0)).row();
}

QString SunlightResultsPanel::text(int visibleRow, int column) const {
    return mProxy->index(visibleRow, column).data(Qt::DisplayRole).toString();
}

int SunlightResultsPanel::columnCount() const {
    return mProxy->columnCount();
}

int SunlightResultsPanel::passing() const {
    const SunlightRun* run = mModel->run();
    int n = 0;
    for (std::size_t i = 0; run && i < run->size(); ++i)
        n += run->current(i).pass.value_or(false) ? 1 : 0;
    return n;
}

int SunlightResultsPanel::failing() const {
    const SunlightRun* run = mModel->run();
    int n = 0;
    for (std::size_t i = 0; run && i < run->size(); ++i)
        n += run->current(i).pass && !*run->current(i).pass ? 1 : 0;
    return n;
}

} // namespace app
