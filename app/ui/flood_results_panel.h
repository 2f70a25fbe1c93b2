#pragma once
// The Flood results dock: the summary of the current flood (static level, ponding or a dynamic run), the
// classed depth legend, the time slider over a dynamic run's snapshots, the affected-building table, roads
// cut, scenario A/B, a chart of depth over time at a clicked gauge and the exports. Display only:
// FloodController fills it and reacts to its requests.
#include "gis/analysis/flood/flood_impact.h"

#include <QDockWidget>
#include <QVector>

class QChartView;
class QLabel;
class QLineSeries;
class QPushButton;
class QSlider;
class QTableWidget;
class QTimer;

namespace app {

class FloodResultsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit FloodResultsPanel(QWidget* parent = nullptr);

    void setSummary(const QString& html);
    void setImpact(const gis::analysis::flood::FloodImpact& impact);
    void setScenarioText(const QString& text);
    // Snapshot times (s) of a dynamic run; empty hides the time slider.
    void setTimes(const QVector<double>& times);
    int timeIndex() const;
    // Depth over time at a gauge; empty times hide the chart.
    void setGauge(const QString& title, const QVector<double>& times, const QVector<double>& depths);
    void setExportsEnabled(bool enabled);

    QTableWidget* buildingTable() const { return mTable; }

signals:
    void timeIndexChanged(int index);
    void buildingActivated(qint64 id);
    void exportDepthRequested();
    void exportBuildingsRequested();
    void keepScenarioRequested();

private:
    QWidget* createLegend();

    QLabel* mSummary;
    QWidget* mTimeRow;
    QSlider* mTime;
    QLabel* mTimeLabel;
    QPushButton* mPlay;
    QTimer* mPlayTimer;
    QVector<double> mTimes;
    QLabel* mScenario;
    QTableWidget* mTable;
    QLabel* mRoads;
    QChartView* mChart;
    QLineSeries* mSeries;
    QPushButton* mExportDepth;
    QPushButton* mExportBuildings;
    QPushButton* mKeep;
};

} // namespace app
