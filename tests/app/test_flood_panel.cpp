// The flood panels driven on the demo city (needs an X server; label "gl"): the static tier from the river
// gives a flood that grows with the level and matches gis::depthAt on the same grid, buildings by the river
// are listed, the overlay is in the scene; ponding and a short dynamic run fill the results (time slider,
// mass error). With URBIS_SCREENSHOT_DIR set, screenshots of each state are written there.
#include "app/model/document.h"
#include "app/model/task_runner.h"
#include "app/ui/file_controller.h"
#include "app/ui/flood_controller.h"
#include "app/ui/flood_panel.h"
#include "app/ui/flood_results_panel.h"
#include "app/ui/main_window.h"
#include "app/ui/window_capture.h"
#include "gis/analysis/flood/project_grid.h"
#include "gis/analysis/flood/static_flood.h"
#include "tests/viewer/gl_test_main.h"
#include "viewer/qt/viewer_widget.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSlider>
#include <QTableWidget>
#include <QtTest>

#include <memory>

using app::MainWindow;
namespace flood = gis::analysis::flood;

namespace {

std::unique_ptr<MainWindow> makeDemoWindow() {
    MainWindow::Options options;
    options.rememberLayout = false;
    auto window = std::make_unique<MainWindow>(options);
    window->fileController()->setInteractive(false);
    window->resize(1600, 1000);
    window->show();
    window->document()->loadDemo();
    window->floodController()->showAction()->trigger();
    return window;
}

void screenshot(MainWindow& w, const char* name) {
    const QString dir = qEnvironmentVariable("URBIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QApplication::processEvents();
    app::captureWindow(&w, w.viewer()).save(dir + "/" + name);
}

} // namespace

class TestFloodPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { URBIS_REQUIRE_DISPLAY(); }

    void staticLevelFromTheRiver() {
        auto w = makeDemoWindow();
        auto* flood = w->floodController();
        w->floodController()->panel()->findChild<QDoubleSpinBox*>()->setValue(10.0); // 10 m grid: fast
        flood->computeStatic();
        QVERIFY(w->taskRunner()->waitForFinished(60000));
        QVERIFY2(flood->shownWetCells() > 0, "the river seeds flood at the initial level");

        // The same model computed directly: the panel shows exactly gis::depthAt at the panel's level.
        auto grid =
            flood::projectHydrologyGrid(w->document()->project(), 10.0, {flood::BuildingMode::Blocked});
        QVERIFY(grid);
        auto cells = flood::seedCells(grid->dem, flood::waterBodySeeds(grid->zones), "demo");
        QVERIFY(cells);
        gis::NullProgress progress;
        auto model =
            flood::buildStaticFlood(grid->dem, cells.value(), {}, flood::Connectivity::Eight, progress);
        QVERIFY(model);
        const double level = flood->panel()->level();
        flood::FloodResult direct = flood::depthAt(model.value(), level);
        std::size_t wet = 0;
        for (float v : direct.depth.data)
            wet += !std::isnan(v) && v >= 0.05f;
        QCOMPARE(flood->shownWetCells(), wet);
        screenshot(*w, "flood_static_low.png");

        // Raising the level floods more and reaches buildings; the table lists them.
        const std::size_t before = flood->shownWetCells();
        flood->panel()->setLevel(level + 6);
        QVERIFY(flood->shownWetCells() > before);
        QVERIFY(flood->shownAffectedBuildings() > 0);
        QCOMPARE(flood->resultsPanel()->buildingTable()->rowCount(), flood->shownAffectedBuildings());
        screenshot(*w, "flood_static_high.png");

        // A coarser grid is a new grid (not the cached one): a quarter as many cells for the same level.
        const std::size_t fine = flood->shownWetCells();
        const double shownLevel = flood->panel()->level();
        w->floodController()->panel()->findChild<QDoubleSpinBox*>()->setValue(20.0);
        flood->computeStatic();
        QVERIFY(w->taskRunner()->waitForFinished(60000));
        flood->panel()->setLevel(shownLevel);
        const double ratio = double(flood->shownWetCells()) / double(fine);
        QVERIFY2(ratio > 0.18 && ratio < 0.32, qPrintable(QString::number(ratio)));
    }

    void pondingAndDynamicRun() {
        auto w = makeDemoWindow();
        auto* flood = w->floodController();
        w->floodController()->panel()->findChild<QDoubleSpinBox*>()->setValue(20.0);
        flood->computePonding();
        QVERIFY(w->taskRunner()->waitForFinished(60000));
        QVERIFY(flood->shownWetCells() > 0);
        screenshot(*w, "flood_ponding.png");

        flood->runDynamic(); // the defaults: 30 mm/h for 1 h, snapshots every 5 min
        QVERIFY(w->taskRunner()->waitForFinished(120000));
        QVERIFY(flood->shownWetCells() > 0);
        auto* slider = flood->resultsPanel()->findChild<QSlider*>();
        QVERIFY(slider && slider->isVisible());
        QVERIFY(slider->maximum() >= 10); // 12 snapshots (and the start)
        slider->setValue(1);              // early in the storm: less water than the maximum
        const std::size_t early = flood->shownWetCells();
        slider->setValue(slider->maximum());
        QVERIFY(flood->shownWetCells() >= early);
        screenshot(*w, "flood_dynamic.png");
    }
};

URBIS_GL_TEST_MAIN(TestFloodPanel, QApplication)
#include "test_flood_panel.moc"
