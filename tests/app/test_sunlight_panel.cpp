// Sunlight in the GUI (needs an X server: run under xvfb-run; label "gl"): live sun shadows in the viewport
// (a render with shadows differs from one without and between two times of day, without GL errors), the
// Sunlight panel's window analysis restricted to one building of the demo city (the table's pass/fail
// counts equal gis::analysis::computeSunlight on the same receivers), the time slider moving the viewer's
// sun, the overlays, and the exports.
#include "../viewer/gl_test_main.h"

#include "app/model/document.h"
#include "app/model/sunlight_job.h"
#include "app/model/task_runner.h"
#include "app/ui/file_controller.h"
#include "app/ui/main_window.h"
#include "app/ui/sunlight_controller.h"
#include "app/ui/sunlight_panel.h"
#include "app/ui/sunlight_preset_editor.h"
#include "app/ui/sunlight_results_panel.h"
#include "app/ui/window_capture.h"
#include "gis/analysis/sunlight_preset.h"
#include "gis/demo/demo_city.h"
#include "gis/geom/extrude.h"
#include "gis/io/raster_io.h"
#include "gis/resources.h"
#include "viewer/qt/viewer_widget.h"

#include <osg/Notify>
#include <osg/ref_ptr>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QImage>
#include <QMenu>
#include <QMutex>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <memory>
#include <variant>

namespace {

// Collects OSG's warnings (shader compile/link logs, "detected OpenGL error ...").
class NotifyCollector : public osg::NotifyHandler {
public:
    void notify(osg::NotifySeverity severity, const char* message) override {
        if (severity <= osg::WARN) {
            QMutexLocker lock(&mutex);
            messages << QString::fromUtf8(message).trimmed();
        }
    }
    QStringList take() {
        QMutexLocker lock(&mutex);
        QStringList m = messages;
        messages.clear();
        return m;
    }
    QMutex mutex;
    QStringList messages;
};

// Fraction of pixels that differ by more than `tolerance` in any channel.
double differingFraction(const QImage& a, const QImage& b, int tolerance = 12) {
    if (a.size() != b.size())
        return 1.0;
    long differing = 0, total = 0;
    for (int y = 0; y < a.height(); y += 2)
        for (int x = 0; x < a.width(); x += 2, ++total) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (std::abs(qRed(p) - qRed(q)) > tolerance || std::abs(qGreen(p) - qGreen(q)) > tolerance ||
                std::abs(qBlue(p) - qBlue(q)) > tolerance)
                ++differing;
        }
    return total ? double(differing) / total : 0.0;
}

void saveForInspection(const QImage& image, const QString& name) {
    const QString dir = qEnvironmentVariable("URBIS_TEST_IMAGES");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        image.save(dir + "/" + name + ".png");
    }
}

// One main window for all tests (building it and its GL context costs seconds under llvmpipe); every test
// starts from a freshly loaded demo city with the Sunlight panel closed.
std::unique_ptr<app::MainWindow>& sharedWindow() {
    static std::unique_ptr<app::MainWindow> window;
    return window;
}

app::MainWindow* demoWindow() {
    std::unique_ptr<app::MainWindow>& window = sharedWindow();
    if (!window) {
        app::MainWindow::Options options;
        options.rememberLayout = false;
        window = std::make_unique<app::MainWindow>(options);
        window->fileController()->setInteractive(false);
        window->resize(1500, 950);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
    }
    window->sunlightController()->panel()->hide();
    if (!window->document()->loadDemo())
        return nullptr;
    return window.get();
}

// The residential slab the one-building tests analyse: the first of at least 8 storeys.
const gis::Building* testBuilding(const gis::Project& project) {
    for (const auto& layer : project.layers)
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
            for (const auto& building : b->buildings)
                if (building.use == "residential" && building.storeys >= 8)
                    return &building;
    return nullptr;
}

gis::Vec2 centre(const gis::Building& b) {
    return b.footprint.extent().center();
}

gis::Vec3 sunVector(double azimuthDeg, double elevationDeg) {
    const double a = azimuthDeg * M_PI / 180, e = elevationDeg * M_PI / 180;
    return {std::sin(a) * std::cos(e), std::cos(a) * std::cos(e), std::sin(e)};
}

} // namespace

class TestSunlightPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings and user presets of the test, not the user's
        mCollector = new NotifyCollector;
        osg::setNotifyHandler(mCollector.get());
    }

    void cleanupTestCase() {
        sharedWindow().reset(); // before the application goes
        osg::setNotifyHandler(new osg::StandardNotifyHandler);
    }

    // The viewport alone: shadows off by default, a render with them differs, two times of day differ, and
    // neither OSG nor GL reports an error.
    void shadowsRender() {
        URBIS_REQUIRE_DISPLAY();
        const gis::Project project = gis::demo::makeDemoCity();
        viewer::ViewerWidget widget;
        widget.resize(900, 600);
        widget.setProject(&project);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(!widget.shadowsEnabled());
        mCollector->take();
        const QImage plain = widget.renderToImage();
        widget.setSunDirection(sunVector(150, 25), QStringLiteral("10:00"));
        widget.setShadowsEnabled(true);
        QVERIFY(widget.shadowsEnabled());
        const QImage morning = widget.renderToImage();
        widget.setSunDirection(sunVector(215, 22), QStringLiteral("14:00"));
        const QImage afternoon = widget.renderToImage();
        // A close look at the slabs south of the river (inspection only).
        if (!qEnvironmentVariableIsEmpty("URBIS_TEST_IMAGES")) {
            const gis::CameraView overview = widget.cameraView();
            gis::Vec2 c = project.extent().center();
            for (const auto& layer : project.layers)
                if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
                    for (const auto& building : b->buildings)
                        if (building.use == "residential" && building.height > 30) {
                            c = building.footprint.extent().center();
                            break;
                        }
            widget.setCameraView({c.x - 60, c.y - 260, 170, 12, -30});
            saveForInspection(widget.renderToImage(), "closeup_afternoon");
            widget.setSunDirection(sunVector(150, 25), QStringLiteral("10:00"));
            saveForInspection(widget.renderToImage(), "closeup_morning");
            widget.setShadowsEnabled(false);
            saveForInspection(widget.renderToImage(), "closeup_plain");
            widget.setShadowsEnabled(true);
            widget.setSunDirection(sunVector(215, 22), QStringLiteral("14:00"));
            widget.setCameraView(overview);
        }
        saveForInspection(plain, "plain");
        saveForInspection(morning, "shadows_morning");
        saveForInspection(afternoon, "shadows_afternoon");
        const QStringList messages = mCollector->take();
        QVERIFY2(messages.filter(QStringLiteral("error"), Qt::CaseInsensitive).isEmpty(),
                 qPrintable(messages.join('\n')));
        QVERIFY2(differingFraction(plain, morning) > 0.02, "shadows change the picture");
        QVERIFY2(differingFraction(morning, afternoon) > 0.02, "the shadows move with the sun");
        // Off again: the picture is the plain one (nothing of the shadow pass stays in the scene).
        widget.setShadowsEnabled(false);
        widget.setSunDirection(std::nullopt);
        const QImage again = widget.renderToImage();
        QVERIFY(differingFraction(plain, again, 2) < 0.001);
    }

    // The panel's window analysis of one building against gis::analysis directly: the same windows, the
    // same pass/fail counts, the table filled and the windows coloured on the facades.
    void oneBuildingMatchesGis() {
        URBIS_REQUIRE_DISPLAY();
        app::MainWindow* window = demoWindow();
        QVERIFY(window);
        app::SunlightController* sun = window->sunlightController();
        QVERIFY(sun);
        // Analysis > Sunlight… opens the panel.
        QMenu* analysis = window->analysisMenu();
        QVERIFY(analysis && analysis->actions().contains(sun->sunlightAction()));
        sun->sunlightAction()->trigger();
        QVERIFY(!sun->panel()->isHidden());
        app::SunlightPanel* panel = sun->panel();
        QVERIFY(panel->presetNames().contains("gb50180-dahan-2h"));
        QVERIFY(panel->selectPreset("gb50180-dahan-2h"));
        panel->setYear(2026);
        panel->setReceivers(app::SunlightPanel::Receivers::Windows);
        const gis::Project& project = window->document()->project();
        const gis::Building* building = testBuilding(project);
        QVERIFY(building);
        // The picked building without a pick: refused with a message, nothing runs.
        panel->setScope(app::SunlightPanel::Scope::SelectedBuilding);
        QVERIFY(!sun->run());
        QVERIFY(panel->summary().contains("Pick a building"));
        sun->pickAt(centre(*building).x, centre(*building).y);
        QCOMPARE(sun->pickedBuilding().value_or(-1), building->id);
        QCOMPARE(panel->scope(), app::SunlightPanel::Scope::SelectedBuilding);
        QVERIFY(sun->run());
        QVERIFY(window->taskRunner()->waitForFinished(60000));
        const auto run = sun->currentRun();
        QVERIFY2(run, qPrintable(panel->summary()));
        app::SunlightResultsPanel* results = sun->resultsPanel();
        QVERIFY(!results->isHidden());
        QCOMPARE(results->visibleRows(), int(run->size()));

        // The same computation straight from gis::analysis.
        using namespace gis::analysis;
        auto preset = findPreset("gb50180-dahan-2h", {gis::resourceDirectory() + "/presets"});
        QVERIFY(preset);
        auto params = presetParameters(preset.value(), 2026);
        QVERIFY(params);
        SunlightInput input;
        input.crs = project.crs;
        for (const auto& layer : project.layers)
            if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data); b && layer.visible)
                input.buildings.insert(input.buildings.end(), b->buildings.begin(), b->buildings.end());
        if (const auto* t = project.terrain(); t && t->dem)
            input.occluders.push_back(gis::geom::terrainMesh(*t->dem));
        auto where = app::projectLocation(project);
        QVERIFY(where);
        input.location = where.value();
        WindowOptions options;
        options.uses = {"residential"};
        options.buildingIds = {building->id};
        options.facing = WindowFacing::South;
        options.gridConvergence = where->gridConvergence;
        const WindowReceivers windows = windowReceivers(input.buildings, options);
        QVERIFY(!windows.windows.empty());
        input.receivers = windows.samples;
        input.parameters = params.value();
        gis::Progress progress;
        auto result = computeSunlight(input, progress);
        QVERIFY2(result, result ? "" : result.error().c_str());
        const auto perWindow = aggregateWindows(windows, result.value(), params.value());
        int pass = 0, fail = 0;
        for (const auto& w : perWindow)
            (w.pass.value_or(false) ? pass : fail) += w.pass ? 1 : 0;
        QCOMPARE(int(run->size()), int(windows.windows.size()));
        QCOMPARE(results->passing(), pass);
        QCOMPARE(results->failing(), fail);
        QVERIFY(pass + fail == int(windows.windows.size()));
        for (std::size_t i = 0; i < perWindow.size(); ++i)
            QVERIFY(std::abs(run->rows[i].countedSeconds - perWindow[i].countedSeconds) <= 1.0);
        // The table: storey and hours of the first row as the run has them.
        results->table()->sortByColumn(-1, Qt::AscendingOrder);
        QCOMPARE(results->text(0, 1).toInt(), run->windows.windows[std::size_t(results->runRow(0))].storey);
        QVERIFY(results->text(0, 4).contains(':'));
        // Sorted by hours, the first row has the fewest.
        results->table()->sortByColumn(4, Qt::AscendingOrder);
        const int first = results->runRow(0), last = results->runRow(results->visibleRows() - 1);
        QVERIFY(run->rows[std::size_t(first)].countedSeconds <= run->rows[std::size_t(last)].countedSeconds);
        // A row click points the camera at its window.
        const gis::CameraView before = window->viewer()->cameraView();
        sun->showRow(first);
        const gis::CameraView after = window->viewer()->cameraView();
        QVERIFY(before != after);
        const gis::Vec3 sill = run->rowPosition(std::size_t(first));
        QVERIFY(std::hypot(after.east - sill.x, after.north - sill.y) < 60);
        // The windows are drawn on the facades.
        QVERIFY(window->viewer()->lastDrawCalls() >= 0);
        saveForInspection(app::captureWindow(window, window->viewer()), "panel_one_building");
    }

    // The time slider moves the viewer's sun (east in the morning, west in the afternoon), shadows are on
    // while the panel is open and off again when it closes.
    void timeSliderMovesSun() {
        URBIS_REQUIRE_DISPLAY();
        app::MainWindow* window = demoWindow();
        QVERIFY(window);
        app::SunlightController* sun = window->sunlightController();
        viewer::ViewerWidget* view = window->viewer();
        QVERIFY(!view->shadowsEnabled());
        QVERIFY(!view->sunDirection());
        sun->panel()->selectPreset("gb50180-dahan-2h");
        sun->sunlightAction()->trigger();
        QVERIFY(view->shadowsEnabled());
        QVERIFY(!sun->toolBar()->isHidden());
        sun->setTimeOfDay(9 * 3600);
        const auto morning = view->sunDirection();
        const QImage morningImage = view->renderToImage();
        sun->setTimeOfDay(15 * 3600);
        const auto afternoon = view->sunDirection();
        const QImage afternoonImage = view->renderToImage();
        QVERIFY(morning && afternoon);
        QVERIFY2(morning->x > 0.3 && afternoon->x < -0.3, "the sun rises in the east and sets in the west");
        QVERIFY(morning->z > 0 && afternoon->z > 0);
        // Symmetric about true solar noon: 9:00 and 15:00 solar time have the same altitude.
        QVERIFY(std::abs(morning->z - afternoon->z) < 0.01);
        QVERIFY(differingFraction(morningImage, afternoonImage) > 0.02);
        QCOMPARE(sun->timeSlider()->value(), 15 * 60);
        // The window bounds the slider.
        QCOMPARE(sun->timeSlider()->minimum(), 8 * 60);
        QCOMPARE(sun->timeSlider()->maximum(), 16 * 60);
        // Shadow outlines at the slider time: drawn after a short pause, gone when switched off.
        const QString outlines = QStringLiteral("sunlight_shadow_outlines");
        sun->outlinesAction()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(view->hasOverlay(outlines), 5000);
        sun->outlinesAction()->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(!view->hasOverlay(outlines), 5000);
        sun->shadowsAction()->setChecked(false);
        QVERIFY(!view->shadowsEnabled());
        sun->shadowsAction()->setChecked(true);
        sun->panel()->hide();
        QVERIFY(!view->shadowsEnabled());
        QVERIFY(!view->sunDirection());
    }

    // Add a tower south of the slab, compare: the windows that newly fail are named; undo removes the tower.
    void towerComparison() {
        URBIS_REQUIRE_DISPLAY();
        app::MainWindow* window = demoWindow();
        QVERIFY(window);
        app::SunlightController* sun = window->sunlightController();
        app::SunlightPanel* panel = sun->panel();
        sun->sunlightAction()->trigger();
        panel->selectPreset("gb50180-dahan-2h");
        panel->setYear(2026);
        panel->setReceivers(app::SunlightPanel::Receivers::Windows);
        const gis::Project& project = window->document()->project();
        const gis::Building* building = testBuilding(project);
        QVERIFY(building);
        const gis::Vec2 c = centre(*building);
        const gis::Extent e = building->footprint.extent();
        const std::int64_t id = building->id;
        sun->pickAt(c.x, c.y);
        // No proposal chosen yet: refused with a message.
        QVERIFY(panel->proposalLayer().isEmpty());
        QVERIFY(!sun->compare());
        QVERIFY(panel->summary().contains("proposal"));
        const int layers = window->document()->layerCount();
        const QString tower = sun->addTower(c.x, e.minY - 42, 60, 150);
        QCOMPARE(window->document()->layerCount(), layers + 1);
        QCOMPARE(panel->proposalLayer(), tower);
        QVERIFY(sun->compare());
        QVERIFY(window->taskRunner()->waitForFinished(60000));
        const auto run = sun->currentRun();
        QVERIFY2(run && run->comparison, qPrintable(panel->summary()));
        QVERIFY2(
            !run->comparison->newFailures.empty(),
            qPrintable("a 60 m wide, 150 m tall tower 12 m south takes the winter sun: " + panel->summary()));
        for (const auto& change : run->comparison->newFailures) {
            QVERIFY(QString::fromStdString(change.id).startsWith(QStringLiteral("b%1-").arg(id)));
            QVERIFY(change.afterSeconds < 2 * 3600 && change.beforeSeconds >= 2 * 3600);
        }
        // The table lists exactly the newly failing windows.
        app::SunlightResultsPanel* results = sun->resultsPanel();
        QCOMPARE(results->visibleRows(), int(run->comparison->newFailures.size()));
        saveForInspection(app::captureWindow(window, window->viewer()), "panel_comparison");
        QTemporaryDir dir;
        // The GUI writes the report on the task runner (a city's table is hundreds of pages).
        QVERIFY(sun->startReport(dir.filePath("report.pdf")));
        QVERIFY(window->taskRunner()->waitForFinished(60000));
        QFile pdf(dir.filePath("report.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        if (!qEnvironmentVariableIsEmpty("URBIS_TEST_IMAGES"))
            QFile::copy(dir.filePath("report.pdf"),
                        qEnvironmentVariable("URBIS_TEST_IMAGES") + "/report.pdf");
        window->document()->undoStack()->undo();
        QCOMPARE(window->document()->layerCount(), layers);
    }

    // A plan grid around a point: the hour map draped on the ground, exported as a GeoTIFF that reads back
    // with the same hours, and the table as CSV.
    void gridExports() {
        URBIS_REQUIRE_DISPLAY();
        app::MainWindow* window = demoWindow();
        QVERIFY(window);
        app::SunlightController* sun = window->sunlightController();
        app::SunlightPanel* panel = sun->panel();
        sun->sunlightAction()->trigger();
        panel->selectPreset("gb50180-dahan-2h");
        panel->setYear(2026);
        panel->setReceivers(app::SunlightPanel::Receivers::Grid);
        panel->setGrid(app::SunlightPanel::GridArea::SquareAroundPick, 150, 3, 0);
        const gis::Building* building = testBuilding(window->document()->project());
        QVERIFY(building);
        sun->pickAt(centre(*building).x, centre(*building).y);
        QVERIFY(sun->run());
        QVERIFY(window->taskRunner()->waitForFinished(60000));
        const auto run = sun->currentRun();
        QVERIFY2(run && run->request.kind == app::ReceiverKind::Grid, qPrintable(panel->summary()));
        QVERIFY(run->size() > 1500);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(sun->exportGrid(dir.filePath("hours.tif"), &error), qPrintable(error));
        auto tif = gis::io::readDem(dir.filePath("hours.tif").toStdString());
        QVERIFY2(tif, tif ? "" : tif.error().c_str());
        QCOMPARE(tif->raster.width, run->hours.width);
        QCOMPARE(tif->raster.height, run->hours.height);
        int compared = 0;
        for (std::size_t i = 0; i < run->hours.data.size(); ++i)
            if (!std::isnan(run->hours.data[i])) {
                QVERIFY(std::abs(tif->raster.data[i] - run->hours.data[i]) < 1e-4);
                ++compared;
            }
        QVERIFY(compared > 1000); // cells inside buildings are nodata
        QVERIFY2(sun->exportTable(dir.filePath("grid.csv"), &error), qPrintable(error));
        QFile csv(dir.filePath("grid.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), int(run->size()) + 1);
        QVERIFY(lines[0].startsWith("id,x,y,z,sunlit_minutes"));
        saveForInspection(app::captureWindow(window, window->viewer()), "panel_grid");
    }

    // Cancel in the middle of a city-wide run: no result, a message, the panel ready again.
    void cancelRun() {
        URBIS_REQUIRE_DISPLAY();
        app::MainWindow* window = demoWindow();
        QVERIFY(window);
        app::SunlightController* sun = window->sunlightController();
        app::SunlightPanel* panel = sun->panel();
        sun->sunlightAction()->trigger();
        panel->selectPreset("gb50180-dahan-2h");
        panel->setReceivers(app::SunlightPanel::Receivers::Windows);
        panel->setScope(app::SunlightPanel::Scope::AllResidential);
        QVERIFY(sun->run());
        QVERIFY(!panel->runButton()->isEnabled());
        QVERIFY(!sun->run()); // one at a time
        window->taskRunner()->cancel();
        QVERIFY(window->taskRunner()->waitForFinished(60000));
        QVERIFY(!sun->currentRun());
        QVERIFY2(panel->summary().contains("Canceled"), qPrintable(panel->summary()));
        QVERIFY(panel->runButton()->isEnabled());
    }

    // Copy and edit: the edited parameters run, and the JSON of the edited preset reads back as a preset.
    void editedPreset() {
        URBIS_REQUIRE_DISPLAY();
        app::SunlightPanel panel;
        panel.setPresetDirectories({gis::resourceDirectory() + "/presets"});
        QVERIFY(panel.selectPreset("gb50180-dahan-2h"));
        QVERIFY(!panel.isEditing());
        QVERIFY(!panel.editor()->requiredHoursBox()->isEnabled());
        panel.copyAndEdit();
        QVERIFY(panel.isEditing());
        QVERIFY(panel.editor()->requiredHoursBox()->isEnabled());
        panel.editor()->requiredHoursBox()->setValue(3);
        const auto params = panel.editor()->parameters();
        QVERIFY(params && params->requiredHours == 3.0);
        auto back = gis::analysis::parsePreset(
            app::SunlightPresetEditor::toJson(panel.editor()->preset()).toStdString(), "edited");
        QVERIFY2(back, back ? "" : back.error().c_str());
        QCOMPARE(back->parameters.requiredHours.value_or(0), 3.0);
        QVERIFY(back->date.solarLongitude.has_value()); // still 大寒, not a fixed date
        QCOMPARE(back->parameters.windowStart, 8 * 3600);
    }

    // The acceptance on the demo city, driven through the GUI, with screenshots for a person to look
    // at: GB 50180 大寒 2 h on every residential building's windows, shadows at 10:00, a tall tower and the
    // comparison naming the windows that fail, a grid hour map as GeoTIFF, the PDF report. Minutes of CPU on
    // llvmpipe: only with URBIS_SUNLIGHT_WALKTHROUGH=<folder> (the folder receives the files).
    void walkthrough() {
        URBIS_REQUIRE_DISPLAY();
        const QString out = qEnvironmentVariable("URBIS_SUNLIGHT_WALKTHROUGH");
        if (out.isEmpty())
            QSKIP("a manual walkthrough: set URBIS_SUNLIGHT_WALKTHROUGH=<folder>");
        QDir().mkpath(out);
        app::MainWindow* window = demoWindow();
        QVERIFY(window);
        app::SunlightController* sun = window->sunlightController();
        app::SunlightPanel* panel = sun->panel();
        QElapsedTimer phase;
        phase.start();
        auto shot = [&](const QString& name) {
            qInfo("%s: %lld ms", qPrintable(name), phase.restart());
            QTest::qWait(300);
            app::captureWindow(window, window->viewer()).save(out + "/" + name + ".png");
        };
        sun->sunlightAction()->trigger();
        panel->selectPreset("gb50180-dahan-2h");
        panel->setYear(2026);
        panel->setReceivers(app::SunlightPanel::Receivers::Windows);
        panel->setScope(app::SunlightPanel::Scope::AllResidential);
        const gis::Building* building = testBuilding(window->document()->project());
        QVERIFY(building);
        const gis::Vec2 c = centre(*building);
        const gis::Extent e = building->footprint.extent();
        sun->setTimeOfDay(10 * 3600);
        window->viewer()->setCameraView({c.x - 80, c.y - 330, 200, 12, -28});
        shot("1_shadows_1000_dahan");
        sun->outlinesAction()->setChecked(true);
        QTest::qWait(1000);
        shot("1b_shadow_outlines_1000_dahan");
        sun->outlinesAction()->setChecked(false);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(sun->run());
        QVERIFY(window->taskRunner()->waitForFinished(600000));
        QVERIFY2(sun->currentRun(), qPrintable(panel->summary()));
        qInfo("all residential windows: %s (%lld ms)", qPrintable(panel->summary()), timer.elapsed());
        shot("2_windows_all_residential");
        window->viewer()->setCameraView({c.x - 80, c.y - 330, 200, 12, -28});
        shot("3_windows_closeup");
        panel->setColourBy(app::SunlightPanel::ColourBy::Hours);
        if (auto* scroll = panel->findChild<QScrollArea*>())
            scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        shot("3b_windows_by_hours");
        panel->setColourBy(app::SunlightPanel::ColourBy::PassFail);
        sun->addTower(c.x, e.minY - 42, 60, 150);
        QVERIFY(sun->compare());
        QVERIFY(window->taskRunner()->waitForFinished(600000));
        qInfo("comparison: %s", qPrintable(panel->summary()));
        shot("4_comparison");
        if (auto* scroll = panel->findChild<QScrollArea*>())
            scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        shot("4b_panel_lower_part");
        QString error;
        phase.restart();
        QVERIFY2(sun->writeReport(out + "/report.pdf", &error), qPrintable(error));
        qInfo("report: %lld ms", phase.restart());
        QVERIFY2(sun->exportTable(out + "/windows.csv", &error), qPrintable(error));
        qInfo("csv: %lld ms", phase.restart());
        panel->setReceivers(app::SunlightPanel::Receivers::Grid);
        panel->setGrid(app::SunlightPanel::GridArea::SquareAroundPick, 300, 2, 0);
        sun->pickAt(c.x, c.y);
        QVERIFY(sun->run());
        QVERIFY(window->taskRunner()->waitForFinished(600000));
        qInfo("grid: %s", qPrintable(panel->summary()));
        shot("5_grid");
        QVERIFY2(sun->exportGrid(out + "/hours.tif", &error), qPrintable(error));
    }

private:
    osg::ref_ptr<NotifyCollector> mCollector;
};

URBIS_GL_TEST_MAIN(TestSunlightPanel, QApplication)
#include "test_sunlight_panel.moc"
