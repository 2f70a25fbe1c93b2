#include "app/ui/main_window.h"

#include "app/model/document.h"
#include "app/model/recent_files.h"
#include "app/model/task_runner.h"
#include "app/model/window_settings.h"
#include "app/ui/about_dialog.h"
#include "app/ui/edit_controller.h"
#include "app/ui/file_controller.h"
#include "app/ui/flood_controller.h"
#include "app/ui/flood_panel.h"
#include "app/ui/flood_results_panel.h"
#include "app/ui/icons.h"
#include "app/ui/layer_panel.h"
#include "app/ui/legend_panel.h"
#include "app/ui/log_panel.h"
#include "app/ui/scene_sync.h"
#include "app/ui/status_bar_controller.h"
#include "app/ui/sunlight_controller.h"
#include "app/ui/sunlight_panel.h"
#include "app/ui/sunlight_results_panel.h"
#include "app/ui/view_controller.h"
#include "viewer/qt/viewer_widget.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

namespace app {

MainWindow::MainWindow(QWidget* parent) : MainWindow(Options{}, parent) {}

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent), mOptions(options), mDocument(new Document(this)), mTasks(new TaskRunner(this)),
      mRecent(new RecentFiles(this)), mViewer(new viewer::ViewerWidget(this)) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(icon(QStringLiteral("urbis")));
    setDockNestingEnabled(true);
    mViewer->setObjectName(QStringLiteral("Viewer"));
    mViewer->setMinimumSize(320, 240);
    setCentralWidget(mViewer);

    mSceneSync = new SceneSync(mDocument, mViewer, this);
    mLayers = new LayerPanel(mDocument, this);
    mLegend = new LegendPanel(mDocument, this);
    mLog = new LogPanel(this);
    mFile = new FileController(this, mDocument, mTasks, mRecent, this);
    mEdit = new EditController(mDocument, this, this);
    mView = new ViewController(mDocument, mViewer, this);
    mStatus = new StatusBarController(statusBar(), mDocument, mViewer, mTasks, this);
    mFlood = new FloodController(this, mDocument, mTasks, mViewer, this);
    mSunlight = new SunlightController(this, mDocument, mTasks, mViewer, this);

    addDockWidget(Qt::LeftDockWidgetArea, mLayers);
    splitDockWidget(mLayers, mLegend, Qt::Vertical); // the legend under the layers it explains
    addDockWidget(Qt::LeftDockWidgetArea, mEdit->historyDock());
    addDockWidget(Qt::BottomDockWidgetArea, mLog);
    mEdit->historyDock()->hide();
    mLog->hide();
    addDockWidget(Qt::RightDockWidgetArea, mFlood->panel());
    splitDockWidget(mFlood->panel(), mFlood->resultsPanel(), Qt::Vertical);
    mFlood->panel()->hide();
    mFlood->resultsPanel()->hide();
    addDockWidget(Qt::RightDockWidgetArea, mSunlight->panel());
    addDockWidget(Qt::BottomDockWidgetArea, mSunlight->resultsPanel());
    mSunlight->panel()->hide();
    mSunlight->resultsPanel()->hide();
    // The left column as wide as the legend's longest class name (capped), its height shared with the layers.
    resizeDocks({mLayers}, {std::min(mLegend->preferredWidth(), 420)}, Qt::Horizontal);
    resizeDocks({mLayers, mLegend}, {1, 1}, Qt::Vertical);

    createToolBars();
    createMenus();

    connect(mLayers, &LayerPanel::currentLayerChanged, mView, &ViewController::setCurrentLayer);
    connect(mLayers, &LayerPanel::zoomToLayerRequested, mView, &ViewController::zoomToLayer);
    connect(mFile, &FileController::logMessage, mLog, &LogPanel::append);
    connect(mFile, &FileController::statusMessage, mStatus, &StatusBarController::showMessage);
    connect(mFlood, &FloodController::logMessage, mLog, &LogPanel::append);
    connect(mFlood, &FloodController::statusMessage, mStatus, &StatusBarController::showMessage);
    connect(mSunlight, &SunlightController::statusMessage, mStatus, &StatusBarController::showMessage);
    connect(mDocument, &Document::projectReset, this, &MainWindow::updateTitle);
    connect(mDocument, &Document::pathChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    mView->setCurrentLayer(mLayers->currentLayerId());

    resize(1440, 900);
    if (mOptions.rememberLayout)
        restoreLayout();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
    mFileMenu = menuBar()->addMenu(tr("&File"));
    mFileMenu->setObjectName(QStringLiteral("menuFile"));
    mFile->populateMenu(mFileMenu);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    mEdit->populateMenu(edit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    mView->populateMenu(view);
    view->addSeparator();
    QMenu* panels = view->addMenu(tr("&Panels"));
    for (QDockWidget* dock :
         {static_cast<QDockWidget*>(mLayers), static_cast<QDockWidget*>(mLegend), mEdit->historyDock(),
          static_cast<QDockWidget*>(mLog), static_cast<QDockWidget*>(mFlood->panel()),
          static_cast<QDockWidget*>(mFlood->resultsPanel()), static_cast<QDockWidget*>(mSunlight->panel()),
          static_cast<QDockWidget*>(mSunlight->resultsPanel())}) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setStatusTip(tr("Show or hide the %1 panel").arg(dock->windowTitle()));
        panels->addAction(toggle);
    }
    panels->addSeparator();
    for (QToolBar* bar : findChildren<QToolBar*>(QString(), Qt::FindDirectChildrenOnly))
        panels->addAction(bar->toggleViewAction());

    QMenu* layer = menuBar()->addMenu(tr("&Layer"));
    layer->setObjectName(QStringLiteral("menuLayer"));
    layer->addAction(mFile->importAction());
    layer->addSeparator();
    mLayers->populateMenu(layer);

    // Analyses (sunlight, flood ...) add their actions here through analysisMenu().
    mAnalysisMenu = menuBar()->addMenu(tr("&Analysis"));
    mAnalysisMenu->setObjectName(QStringLiteral("menuAnalysis"));
    mFlood->populateMenu(mAnalysisMenu);
    mSunlight->populateMenu(mAnalysisMenu);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    QAction* about = help->addAction(icon(QStringLiteral("urbis")), tr("&About Urbis"));
    about->setMenuRole(QAction::AboutRole);
    about->setStatusTip(tr("Version and credits"));
    connect(about, &QAction::triggered, this, [this] { showAboutDialog(this); });
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    aboutQt->setStatusTip(tr("The version of Qt Urbis runs on"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBars() {
    QToolBar* file = addToolBar(tr("File"));
    file->setObjectName(QStringLiteral("FileToolBar"));
    mFile->populateToolBar(file);
    file->addSeparator();
    mEdit->populateToolBar(file);

    QToolBar* navigation = addToolBar(tr("Navigation"));
    navigation->setObjectName(QStringLiteral("NavigationToolBar"));
    navigation->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    mView->populateToolBar(navigation);
    for (QToolBar* bar : {file, navigation})
        bar->toggleViewAction()->setStatusTip(tr("Show or hide the %1 toolbar").arg(bar->windowTitle()));
    addToolBar(mSunlight->toolBar()); // the time slider: shown while the Sunlight panel is open
}

void MainWindow::updateTitle() {
    // "[*]" shows as '*' while the project has unsaved changes.
    setWindowTitle(tr("%1[*] — Urbis").arg(mDocument->displayName()));
    setWindowModified(mDocument->isModified());
    setWindowFilePath(mDocument->path());
}

void MainWindow::restoreLayout() {
    const QByteArray geometry = settings::windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings::windowState();
    if (!state.isEmpty())
        restoreState(state, settings::kWindowStateVersion);
}

void MainWindow::saveLayout() {
    settings::setWindowGeometry(saveGeometry());
    settings::setWindowState(saveState(settings::kWindowStateVersion));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!mFile->maybeSave()) {
        event->ignore();
        return;
    }
    mTasks->cancel();
    if (mOptions.rememberLayout)
        saveLayout();
    event->accept();
}

} // namespace app
