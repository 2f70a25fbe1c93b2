#pragma once
// Flood analysis in the GUI: builds the project's hydrology grid, runs the three tiers (static level with an
// instant level slider, rain ponding, the dynamic 2D model) on the TaskRunner, and shows one result model:
// the water overlay in 3D, the affected buildings and roads, a time slider and gauge chart for dynamic runs,
// scenario A/B and the exports. The analyses themselves are gis functions shared with urbis-cli flood.
#include "app/model/outcome.h"
#include "app/ui/flood_panel.h"

#include <QObject>
#include <QString>

#include <memory>

class QAction;
class QMainWindow;
class QMenu;
class QTimer;

namespace viewer {
class ViewerWidget;
}
namespace gis::analysis::flood {
struct ProjectGrid;
}

namespace app {

class Document;
class FloodResultsPanel;
class TaskRunner;
struct TaskOutcome;

class FloodController : public QObject {
    Q_OBJECT
public:
    FloodController(QMainWindow* window, Document* document, TaskRunner* tasks, viewer::ViewerWidget* viewer,
                    QObject* parent = nullptr);
    ~FloodController() override;

    FloodPanel* panel() const { return mPanel; }
    FloodResultsPanel* resultsPanel() const { return mResults; }
    QAction* showAction() const { return mShow; }
    void populateMenu(QMenu* menu);

    // For tests and scripted runs: the tiers as the buttons start them (asynchronous, on the TaskRunner).
    void computeStatic();
    void computePonding();
    void runDynamic();
    void showLevel(double level);
    // What is shown now (counts for tests): flooded cells and affected buildings.
    std::size_t shownWetCells() const;
    int shownAffectedBuildings() const;

signals:
    void logMessage(app::MessageLevel level, const QString& text);
    void statusMessage(const QString& text, int timeoutMs);
    void resultShown();

private:
    struct State;
    void invalidate();
    // The common start of every tier's finish: reports a failure or cancel (false), else adopts the run's
    // grid (a new grid drops the level model built on the old one).
    bool acceptRun(const TaskOutcome& outcome, const QString& error, const QString& canceledMessage,
                   std::shared_ptr<const gis::analysis::flood::ProjectGrid> grid,
                   const FloodPanel::GridParams& params);
    void clearOverlay();
    void showDepth(const QString& title, const QString& details);
    void showSnapshot(int index);
    void showGaugeAt(double east, double north);
    void onViewerClicked(double east, double north, double height);
    void exportDepth();
    void exportBuildings();
    void keepScenario();
    void zoomToBuilding(qint64 id);
    void fail(const QString& message);

    QMainWindow* mWindow;
    Document* mDocument;
    TaskRunner* mTasks;
    viewer::ViewerWidget* mViewer;
    FloodPanel* mPanel;
    FloodResultsPanel* mResults;
    QAction* mShow;
    QTimer* mAnimation;
    std::unique_ptr<State> d;
};

} // namespace app
