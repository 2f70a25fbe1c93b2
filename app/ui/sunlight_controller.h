#pragma once
// Sunlight in the GUI: Analysis > Sunlight… shows the Sunlight panel (parameters, receivers, Run, the scheme
// comparison, exports) and its results table; the Sun toolbar holds the time slider over the analysis window
// and the Shadows switch. While the panel is open the viewport's light follows the sun of the analysis date
// at the slider's time (gis::analysis SPA at the project's location) and shows live shadow-mapped shadows;
// after a run the windows are coloured on the facades and a plan grid is draped on the ground. Runs go
// through the TaskRunner (progress and cancel in the status bar). Add Tower… places a tower at a clicked
// point as a new buildings layer (undoable), which Compare then uses as the proposal.
//
// The edited preset is remembered in QSettings ("sunlight/editedPreset", the preset JSON) and can be saved
// as a preset file in the user's preset folder: the project file has no place for analysis settings yet.
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QSlider;
class QTimer;
class QToolBar;
class QWidget;

namespace viewer {
class ViewerWidget;
}

namespace app {

namespace report {
struct SunlightReportData;
}
class Document;
class SunlightClock;
class SunlightPanel;
class SunlightResultsPanel;
struct SunlightRun;
class TaskRunner;

class SunlightController : public QObject {
    Q_OBJECT
public:
    SunlightController(QWidget* window, Document* document, TaskRunner* tasks, viewer::ViewerWidget* viewer,
                       QObject* parent = nullptr);
    ~SunlightController() override;

    SunlightPanel* panel() const { return mPanel; }
    SunlightResultsPanel* resultsPanel() const { return mResults; }
    QToolBar* toolBar() const { return mToolBar; }
    QAction* sunlightAction() const { return mSunlightAction; }
    QAction* addTowerAction() const { return mAddTowerAction; }
    QAction* shadowsAction() const { return mShadowsAction; }
    QAction* outlinesAction() const { return mOutlinesAction; }
    QSlider* timeSlider() const { return mSlider; }
    void populateMenu(QMenu* menu) const;

    // Scripted use (tests, the same paths the buttons take). Start a run / comparison; false when it could
    // not start (the reason is in the panel's summary).
    bool run();
    bool compare();
    // Adds a square tower (side, height in metres) centred at (east, north) as a new buildings layer
    // "Proposed tower" (undoable) and makes that layer the proposal. Returns the layer id.
    QString addTower(double east, double north, double side, double height);
    // The point picks of "Pick in View" and Add Tower… (what a click in the view does).
    void pickAt(double east, double north);
    // Sets the slider to a time of the analysis day (seconds in the time base, clamped to the window).
    void setTimeOfDay(int seconds);
    int timeOfDay() const;
    bool exportTable(const QString& path, QString* error = nullptr) const;
    bool exportGrid(const QString& path, QString* error = nullptr) const;
    // The PDF report of the current run, written here and now (a long table takes a while: the GUI uses
    // startReport, which writes on the TaskRunner).
    bool writeReport(const QString& path, QString* error = nullptr) const;
    bool startReport(const QString& path);
    // Points the camera at row `row` of the current run (a window: from in front of it) and outlines it.
    void showRow(int row);

    std::shared_ptr<const SunlightRun> currentRun() const { return mRun; }
    std::optional<std::int64_t> pickedBuilding() const { return mPickedBuilding; }

signals:
    void statusMessage(const QString& message, int timeoutMs);
    void runFinished(bool ok);

private:
    enum class PickPurpose { None, Receivers, Tower };

    void onProjectReset();
    void updateProposalLayers();
    void onParametersChanged();
    void updateSun();
    void updateActive();
    bool start(bool compare);
    void onRunDone(std::shared_ptr<SunlightRun> run);
    void updateOverlays();
    void frameResults();
    void updateLegend();
    void clearResults();
    void saveSettings() const;
    void askForTower();
    void updateShadowOutlines(); // the outlines overlay at the slider time (sunlight_controller_output.cpp)
    void onClicked(double east, double north);
    QString summaryText(const SunlightRun& run) const;
    std::optional<report::SunlightReportData> reportData(QString* error) const;
    std::shared_ptr<SunlightClock> makeClock() const;

    QWidget* mWindow;
    Document* mDocument;
    TaskRunner* mTasks;
    viewer::ViewerWidget* mViewer;
    SunlightPanel* mPanel;
    SunlightResultsPanel* mResults;
    QToolBar* mToolBar;
    QAction* mSunlightAction;
    QAction* mAddTowerAction;
    QAction* mShadowsAction;
    QAction* mOutlinesAction;
    QTimer* mOutlineTimer; // outlines follow the slider after a short pause (GEOS unions of every building)
    QSlider* mSlider;
    QLabel* mTimeLabel;

    struct Site;
    std::unique_ptr<Site> mSite; // location and zone of the open project (empty without a CRS)
    std::shared_ptr<SunlightRun> mRun;
    std::shared_ptr<SunlightClock> mRunClock;
    bool mRunning = false;
    bool mActive = false; // sun and shadows shown in the viewport
    PickPurpose mPicking = PickPurpose::None;
    std::optional<std::pair<double, double>> mPicked; // east, north of the last pick
    std::optional<std::int64_t> mPickedBuilding;
    std::optional<std::pair<double, double>> mTowerSize; // side, height waiting for a click
    int mHighlightRow = -1;
};

} // namespace app
