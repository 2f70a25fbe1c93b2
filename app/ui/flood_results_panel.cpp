#include "app/ui/flood_results_panel.h"

#include "viewer/scene/flood_overlay.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace app {

namespace flood = gis::analysis::flood;

namespace {

// A table item that sorts by number.
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(double value, int decimals)
        : QTableWidgetItem(QString::number(value, 'f', decimals)), mValue(value) {
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override {
        if (auto* o = dynamic_cast<const NumberItem*>(&other))
            return mValue < o->mValue;
        return QTableWidgetItem::operator<(other);
    }

private:
    double mValue;
};

QString classLabel(int k) {
    const auto& c = flood::kDepthClasses;
    if (k + 1 < int(c.size()))
        return QStringLiteral("%1–%2 m").arg(c[k]).arg(c[k + 1]);
    return QStringLiteral("≥ %1 m").arg(c[k]);
}

QString clock(double seconds) {
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

FloodResultsPanel::FloodResultsPanel(QWidget* parent) : QDockWidget(tr("Flood results"), parent) {
    setObjectName(QStringLiteral("FloodResultsPanel"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    mSummary = new QLabel(tr("No flood computed yet. Choose a tier in the Flood panel."));
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(mSummary);
    layout->addWidget(createLegend());

    mTimeRow = new QWidget;
    auto* timeLayout = new QHBoxLayout(mTimeRow);
    timeLayout->setContentsMargins(0, 0, 0, 0);
    mPlay = new QPushButton(tr("Play"));
    mPlay->setCheckable(true);
    mPlay->setToolTip(tr("Animate the depth over time"));
    mTime = new QSlider(Qt::Horizontal);
    mTime->setToolTip(tr("Time of the depth shown (the snapshots of the run)"));
    mTimeLabel = new QLabel;
    timeLayout->addWidget(mPlay);
    timeLayout->addWidget(mTime, 1);
    timeLayout->addWidget(mTimeLabel);
    layout->addWidget(mTimeRow);
    mTimeRow->hide();
    mPlayTimer = new QTimer(this);
    mPlayTimer->setInterval(400);
    connect(mPlay, &QPushButton::toggled, this, [this](bool on) {
        if (on && mTime->value() == mTime->maximum())
            mTime->setValue(0);
        on ? mPlayTimer->start() : mPlayTimer->stop();
    });
    connect(mPlayTimer, &QTimer::timeout, this, [this] {
        if (mTime->value() >= mTime->maximum())
            mPlay->setChecked(false);
        else
            mTime->setValue(mTime->value() + 1);
    });
    connect(mTime, &QSlider::valueChanged, this, [this](int i) {
        if (i >= 0 && i < mTimes.size())
            mTimeLabel->setText(clock(mTimes[i]));
        emit timeIndexChanged(i);
    });

    auto* scenarioRow = new QHBoxLayout;
    mKeep = new QPushButton(tr("Keep as scenario A"));
    mKeep->setToolTip(tr("Remember this flood; the next one is compared with it"));
    mScenario = new QLabel;
    mScenario->setWordWrap(true);
    scenarioRow->addWidget(mKeep);
    scenarioRow->addWidget(mScenario, 1);
    layout->addLayout(scenarioRow);
    connect(mKeep, &QPushButton::clicked, this, &FloodResultsPanel::keepScenarioRequested);

    mTable = new QTableWidget(0, 5);
    mTable->setHorizontalHeaderLabels(
        {tr("Building"), tr("Use"), tr("Max depth (m)"), tr("Depth class"), tr("Floor area (m²)")});
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSortingEnabled(true);
    mTable->verticalHeader()->hide();
    mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setToolTip(tr("Buildings with water at their walls, deepest first; double-click to look at one"));
    connect(mTable, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (auto* item = mTable->item(row, 0))
            emit buildingActivated(item->data(Qt::UserRole).toLongLong());
    });
    layout->addWidget(mTable, 2);
    mRoads = new QLabel;
    mRoads->setWordWrap(true);
    layout->addWidget(mRoads);

    mSeries = new QLineSeries;
    auto* chart = new QChart;
    chart->addSeries(mSeries);
    chart->legend()->hide();
    auto* x = new QValueAxis;
    x->setTitleText(tr("Time (h)"));
    auto* y = new QValueAxis;
    y->setTitleText(tr("Depth (m)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    mSeries->attachAxis(x);
    mSeries->attachAxis(y);
    chart->setMargins(QMargins(2, 2, 2, 2));
    mChart = new QChartView(chart);
    mChart->setRenderHint(QPainter::Antialiasing);
    mChart->setMinimumHeight(180);
    mChart->hide();
    layout->addWidget(mChart, 1);

    auto* exports = new QHBoxLayout;
    mExportDepth = new QPushButton(tr("Export depth…"));
    mExportDepth->setToolTip(tr("The depth raster shown, as GeoTIFF"));
    mExportBuildings = new QPushButton(tr("Export buildings…"));
    mExportBuildings->setToolTip(tr("The flood extent and the affected buildings as a GeoPackage, or the "
                                    "buildings as a CSV table"));
    exports->addWidget(mExportDepth);
    exports->addWidget(mExportBuildings);
    layout->addLayout(exports);
    connect(mExportDepth, &QPushButton::clicked, this, &FloodResultsPanel::exportDepthRequested);
    connect(mExportBuildings, &QPushButton::clicked, this, &FloodResultsPanel::exportBuildingsRequested);
    setExportsEnabled(false);
    setWidget(content);
}

QWidget* FloodResultsPanel::createLegend() {
    auto* w = new QWidget;
    auto* row = new QHBoxLayout(w);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    for (int k = 0; k < int(flood::kDepthClasses.size()); ++k) {
        const auto c = viewer::floodClassColour(k);
        auto* swatch = new QLabel(classLabel(k));
        const QColor bg = QColor::fromRgbF(c[0], c[1], c[2]);
        const QColor fg = bg.lightnessF() > 0.55 ? Qt::black : Qt::white;
        swatch->setStyleSheet(
            QStringLiteral("background:%1;color:%2;padding:2px 4px;").arg(bg.name(), fg.name()));
        swatch->setToolTip(tr("Water depth %1").arg(classLabel(k)));
        row->addWidget(swatch);
    }
    row->addStretch(1);
    return w;
}

void FloodResultsPanel::setSummary(const QString& html) {
    mSummary->setText(html);
}

void FloodResultsPanel::setImpact(const flood::FloodImpact& impact) {
    mTable->setSortingEnabled(false);
    mTable->setRowCount(int(impact.buildings.size()));
    for (int i = 0; i < int(impact.buildings.size()); ++i) {
        const auto& b = impact.buildings[i];
        auto* name = new QTableWidgetItem(b.name.empty() ? QStringLiteral("#%1").arg(b.id)
                                                         : QString::fromStdString(b.name));
        name->setData(Qt::UserRole, qint64(b.id));
        mTable->setItem(i, 0, name);
        mTable->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(b.use)));
        mTable->setItem(i, 2, new NumberItem(b.maxDepth, 2));
        mTable->setItem(i, 3, new QTableWidgetItem(classLabel(b.depthClass)));
        mTable->setItem(i, 4, new NumberItem(b.floorArea, 0));
    }
    mTable->setSortingEnabled(true);
    mTable->sortByColumn(2, Qt::DescendingOrder);
    QStringList roads;
    for (const auto& r : impact.roadsCut)
        roads << tr("%1 (%2 m², up to %3 m)")
                     .arg(r.name.empty() ? QStringLiteral("#%1").arg(r.id) : QString::fromStdString(r.name))
                     .arg(r.floodedArea, 0, 'f', 0)
                     .arg(r.maxDepth, 0, 'f', 2);
    mRoads->setText(
        roads.isEmpty()
            ? tr("No road area deeper than %1 m.").arg(impact.roadThreshold)
            : tr("Roads cut (deeper than %1 m): %2").arg(impact.roadThreshold).arg(roads.join("; ")));
}

void FloodResultsPanel::setScenarioText(const QString& text) {
    mScenario->setText(text);
}

void FloodResultsPanel::setTimes(const QVector<double>& times) {
    mTimes = times;
    mPlay->setChecked(false);
    mTimeRow->setVisible(!times.isEmpty());
    QSignalBlocker block(mTime);
    mTime->setRange(0, std::max(0, int(times.size()) - 1));
    mTime->setValue(mTime->maximum());
    if (!times.isEmpty())
        mTimeLabel->setText(clock(times.back()));
}

int FloodResultsPanel::timeIndex() const {
    return mTime->value();
}

void FloodResultsPanel::setGauge(const QString& title, const QVector<double>& times,
                                 const QVector<double>& depths) {
    mSeries->clear();
    mChart->setVisible(!times.isEmpty());
    if (times.isEmpty())
        return;
    double maxDepth = 0.1;
    for (int i = 0; i < times.size(); ++i) {
        mSeries->append(times[i] / 3600.0, depths[i]);
        maxDepth = std::max(maxDepth, depths[i]);
    }
    QChart* chart = mChart->chart();
    chart->setTitle(title);
    chart->axes(Qt::Horizontal).front()->setRange(0, std::max(times.back() / 3600.0, 0.01));
    chart->axes(Qt::Vertical).front()->setRange(0, maxDepth * 1.1);
}

void FloodResultsPanel::setExportsEnabled(bool enabled) {
    mExportDepth->setEnabled(enabled);
    mExportBuildings->setEnabled(enabled);
    mKeep->setEnabled(enabled);
}

} // namespace app
