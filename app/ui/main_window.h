#pragma once
// The main window only assembles: the document, the task runner, the 3D viewer and one controller or panel
// per feature, wired together. Feature logic lives in the controllers.
#include <QMainWindow>

namespace viewer {
class ViewerWidget;
}

namespace app {

class Document;
class EditController;
class FileController;
class FloodController;
class LayerPanel;
class LegendPanel;
class LogPanel;
class RecentFiles;
class SceneSync;
class StatusBarController;
class SunlightController;
class TaskRunner;
class ViewController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        // Restore and save geometry and dock layout in QSettings (off for reproducible screenshots).
        bool rememberLayout = true;
    };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return mDocument; }
    TaskRunner* taskRunner() const { return mTasks; }
    viewer::ViewerWidget* viewer() const { return mViewer; }
    FileController* fileController() const { return mFile; }
    FloodController* floodController() const { return mFlood; }
    SunlightController* sunlightController() const { return mSunlight; }
    EditController* editController() const { return mEdit; }
    ViewController* viewController() const { return mView; }
    LayerPanel* layerPanel() const { return mLayers; }
    LegendPanel* legendPanel() const { return mLegend; }
    LogPanel* logPanel() const { return mLog; }
    StatusBarController* statusBarController() const { return mStatus; }
    QMenu* fileMenu() const { return mFileMenu; }
    // The Analysis menu: each analysis controller adds its actions (and its dock's toggle) here.
    QMenu* analysisMenu() const { return mAnalysisMenu; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createToolBars();
    void updateTitle();
    void restoreLayout();
    void saveLayout();

    Options mOptions;
    Document* mDocument;
    TaskRunner* mTasks;
    RecentFiles* mRecent;
    viewer::ViewerWidget* mViewer;
    SceneSync* mSceneSync;
    LayerPanel* mLayers;
    LegendPanel* mLegend;
    LogPanel* mLog;
    FileController* mFile;
    FloodController* mFlood;
    SunlightController* mSunlight;
    EditController* mEdit;
    ViewController* mView;
    StatusBarController* mStatus;
    QMenu* mFileMenu = nullptr;
    QMenu* mAnalysisMenu = nullptr;
};

} // namespace app
