// The main window driven like a user would (needs an X server: run under xvfb-run; label "gl"): open the
// demo, the layer panel lists the layers, unticking a layer hides it in the document, Ctrl+Z / Ctrl+Shift+Z
// undo and redo, save and reopen in a new window, the zoning legend follows the visible layers, switch to
// walk mode, the title, and the Chinese user interface.
#include "app/model/document.h"
#include "app/model/task_runner.h"
#include "app/ui/edit_controller.h"
#include "app/ui/file_controller.h"
#include "app/ui/layer_panel.h"
#include "app/ui/legend_panel.h"
#include "app/ui/main_window.h"
#include "app/ui/translations.h"
#include "app/ui/view_controller.h"
#include "app/ui/window_capture.h"
#include "viewer/qt/viewer_widget.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <string>

using app::MainWindow;

namespace {
std::unique_ptr<MainWindow> makeWindow() {
    MainWindow::Options options;
    options.rememberLayout = false;
    auto window = std::make_unique<MainWindow>(options);
    window->fileController()->setInteractive(false); // no modal dialogs in a test
    window->show();
    return window;
}

QTreeWidgetItem* itemFor(MainWindow& w, const QString& id) {
    return w.layerPanel()->itemForLayer(id);
}

// Two buildings in the demo city's CRS (CGCS2000 / GK CM 114E), one without a height.
bool writeGeoJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(R"({"type": "FeatureCollection",
  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}},
  "features": [
    {"type": "Feature", "properties": {"height": 36.0},
     "geometry": {"type": "Polygon", "coordinates": [[[528800, 3380500], [528840, 3380500], [528840, 3380530],
                                                      [528800, 3380530], [528800, 3380500]]]}},
    {"type": "Feature", "properties": {"height": null},
     "geometry": {"type": "Polygon", "coordinates": [[[528900, 3380500], [528930, 3380500], [528930, 3380520],
                                                      [528900, 3380520], [528900, 3380500]]]}}]})");
    return true;
}

// Drags `file` onto `target` and drops it, as the window manager would deliver it.
void drop(QWidget* target, const QString& file) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

// The GB 50137 major classes of a zoning layer in legend order (gis::landClassCodes()), then unknown codes
// sorted: what the legend should list, computed from the project rather than known about the demo.
QStringList expectedClasses(const gis::Layer& layer) {
    const auto& codes = gis::landClassCodes();
    QStringList known, unknown;
    for (const gis::Zone& zone : std::get<gis::ZoneLayerData>(layer.data).zones) {
        const std::string_view major = std::string_view(zone.landClass).substr(0, 1);
        if (std::find(codes.begin(), codes.end(), major) != codes.end()) {
            if (!known.contains(QString::fromUtf8(major.data(), major.size())))
                known << QString::fromUtf8(major.data(), major.size());
        } else if (!unknown.contains(QString::fromStdString(zone.landClass))) {
            unknown << QString::fromStdString(zone.landClass);
        }
    }
    QStringList ordered;
    for (std::string_view code : codes)
        if (known.contains(QString::fromUtf8(code.data(), code.size())))
            ordered << QString::fromUtf8(code.data(), code.size());
    unknown.sort();
    return ordered + unknown;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("DISPLAY")) {
            if (!qEnvironmentVariableIsEmpty("CI"))
                QFAIL("DISPLAY is not set: GL tests must run under xvfb-run in CI");
            QSKIP("no X server (DISPLAY unset); run under xvfb-run");
        }
        QStandardPaths::setTestModeEnabled(true);
    }

    void demoUndoRedoSaveReopen() {
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        app::Document* doc = window->document();

        window->fileController()->openDemo();
        QVERIFY(doc->layerCount() >= 2);
        QVERIFY(!doc->isModified());
        QVERIFY(!window->isWindowModified());
        QVERIFY(window->windowTitle().contains(doc->displayName()));
        QVERIFY(window->windowTitle().contains(QStringLiteral("Urbis")));

        // The panel lists every layer, by name, ticked when visible.
        QTreeWidget* tree = window->layerPanel()->tree();
        QCOMPARE(tree->topLevelItemCount(), doc->layerCount());
        for (int i = 0; i < doc->layerCount(); ++i) {
            QCOMPARE(tree->topLevelItem(i)->text(0), QString::fromStdString(doc->layerAt(i)->name));
            QCOMPARE(tree->topLevelItem(i)->checkState(0), Qt::Checked);
        }

        // Untick the first layer with the keyboard: the document says hidden.
        const QString id = QString::fromStdString(doc->layerAt(0)->id);
        tree->setCurrentItem(itemFor(*window, id));
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Space);
        QVERIFY(!doc->layer(id)->visible);
        QCOMPARE(itemFor(*window, id)->checkState(0), Qt::Unchecked);
        QVERIFY(doc->isModified());
        QVERIFY(window->isWindowModified());

        // Ctrl+Z: visible again; Ctrl+Shift+Z: hidden again.
        QCOMPARE(window->editController()->undoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(doc->layer(id)->visible);
        QCOMPARE(itemFor(*window, id)->checkState(0), Qt::Checked);
        QVERIFY(!window->isWindowModified());
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!doc->layer(id)->visible);
        QCOMPARE(itemFor(*window, id)->checkState(0), Qt::Unchecked);

        // Rename through the panel (as the item editor does), undoable.
        const QString oldName = QString::fromStdString(doc->layerAt(0)->name);
        itemFor(*window, id)->setText(0, QStringLiteral("Renamed"));
        QCOMPARE(QString::fromStdString(doc->layer(id)->name), QStringLiteral("Renamed"));
        doc->undoStack()->undo();
        QCOMPARE(QString::fromStdString(doc->layer(id)->name), oldName);
        QCOMPARE(itemFor(*window, id)->text(0), oldName);

        // Remove through the panel's action, then undo.
        const int count = doc->layerCount();
        const QString second = QString::fromStdString(doc->layerAt(1)->id);
        window->layerPanel()->setCurrentLayer(second);
        window->layerPanel()->removeAction()->trigger();
        QCOMPARE(doc->layerCount(), count - 1);
        QCOMPARE(tree->topLevelItemCount(), count - 1);
        doc->undoStack()->undo();
        QCOMPARE(tree->topLevelItemCount(), count);
        QVERIFY(itemFor(*window, second));

        // Save the current view in the project (undoable).
        window->viewController()->saveViewAction()->trigger();
        QVERIFY(doc->project().view.has_value());
        const gis::CameraView saved = *doc->project().view;

        // Save without dialogs, reopen in a new window and compare.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("gui-test.gpkg"));
        QVERIFY(window->fileController()->saveAs(path));
        QVERIFY(!doc->isModified());
        QVERIFY(!window->isWindowModified());
        QVERIFY(window->windowTitle().contains(QStringLiteral("gui-test")));

        auto reopened = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(reopened.get()));
        QVERIFY(reopened->fileController()->openPath(path));
        QVERIFY(reopened->taskRunner()->waitForFinished(60000));
        app::Document* doc2 = reopened->document();
        QCOMPARE(doc2->path(), doc->path());
        QCOMPARE(doc2->layerIds(), doc->layerIds());
        QCOMPARE(reopened->layerPanel()->tree()->topLevelItemCount(), doc->layerCount());
        for (int i = 0; i < doc->layerCount(); ++i) {
            QCOMPARE(doc2->layerAt(i)->name, doc->layerAt(i)->name);
            QCOMPARE(doc2->layerAt(i)->visible, doc->layerAt(i)->visible);
            QCOMPARE(doc2->layerAt(i)->featureCount(), doc->layerAt(i)->featureCount());
        }
        QCOMPARE(itemFor(*reopened, id)->checkState(0), Qt::Unchecked);
        QVERIFY(doc2->project().view.has_value());
        QVERIFY(std::abs(doc2->project().view->east - saved.east) < 1e-3);
        QVERIFY(std::abs(doc2->project().view->north - saved.north) < 1e-3);
        QVERIFY(reopened->windowTitle().contains(QStringLiteral("gui-test")));
        QVERIFY(!reopened->isWindowModified());
    }

    void importRunsInTheBackgroundAndIsUndoable() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new_blocks.geojson"));
        QVERIFY(writeGeoJson(path));
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->fileController()->openDemo();
        app::Document* doc = window->document();
        const int before = doc->layerCount();
        QSignalSpy started(window->taskRunner(), &app::TaskRunner::started);
        QVERIFY(window->fileController()->importPath(path));
        QCOMPARE(started.count(), 1);
        QVERIFY(window->taskRunner()->waitForFinished(60000));
        QCOMPARE(doc->layerCount(), before + 1);
        const gis::Layer* added = doc->layerAt(before);
        QCOMPARE(added->kind(), gis::LayerKind::Buildings);
        QCOMPARE(added->featureCount(), std::size_t(2));
        // Set on the demo terrain, not at sea level.
        const auto& buildings = std::get<gis::BuildingLayerData>(added->data).buildings;
        QVERIFY(buildings.front().baseZ > 1.0);
        QCOMPARE(window->layerPanel()->tree()->topLevelItemCount(), before + 1);
        QVERIFY(doc->isModified());
        doc->undoStack()->undo();
        QCOMPARE(doc->layerCount(), before);
        QVERIFY(!doc->isModified());
    }

    void dropOpensProjectsAndImportsData() {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("dropped.gpkg"));
        const QString data = dir.filePath(QStringLiteral("blocks.geojson"));
        QVERIFY(writeGeoJson(data));
        {
            app::Document demo;
            QVERIFY(demo.loadDemo().ok);
            QVERIFY(demo.save(project).ok);
        }
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        drop(window.get(), project); // a Urbis project: opened
        QVERIFY(window->taskRunner()->waitForFinished(60000));
        QCOMPARE(window->document()->path(), QFileInfo(project).absoluteFilePath());
        const int layers = window->document()->layerCount();
        QVERIFY(layers > 0);
        drop(window.get(), data); // anything else: imported into it
        QVERIFY(window->taskRunner()->waitForFinished(60000));
        QCOMPARE(window->document()->layerCount(), layers + 1);
        QCOMPARE(window->document()->path(), QFileInfo(project).absoluteFilePath());
    }

    void legendFollowsTheVisibleZoning() {
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->fileController()->openDemo();
        app::Document* doc = window->document();
        app::LegendPanel* legend = window->legendPanel();
        QVERIFY(legend->isVisible());
        QVERIFY(window->dockWidgetArea(legend) == window->dockWidgetArea(window->layerPanel()));

        // One group per visible zoning layer, listing the classes its zones hold, with their zone counts.
        QStringList zoningIds;
        for (int i = 0; i < doc->layerCount(); ++i)
            if (doc->layerAt(i)->kind() == gis::LayerKind::Zones && doc->layerAt(i)->visible)
                zoningIds << QString::fromStdString(doc->layerAt(i)->id);
        QVERIFY(!zoningIds.isEmpty());
        QCOMPARE(legend->layerIds(), zoningIds);
        const QString zoning = zoningIds.front();
        const QStringList expected = expectedClasses(*doc->layer(zoning));
        QVERIFY(expected.size() >= 2);
        QCOMPARE(legend->classCodes(zoning), expected);
        int zones = 0;
        const QTreeWidgetItem* group = legend->tree()->topLevelItem(0);
        for (int i = 0; i < group->childCount(); ++i) {
            QVERIFY(!group->child(i)->icon(0).isNull()); // the colour swatch
            QVERIFY(group->child(i)->text(0).contains(app::LegendPanel::className(expected.at(i))));
            QVERIFY(group->child(i)->text(2).endsWith(QStringLiteral(" ha")));
            zones += QLocale().toInt(group->child(i)->text(1));
        }
        QCOMPARE(std::size_t(zones), doc->layer(zoning)->featureCount());

        // Unticking the zoning layer in the Layers panel empties the legend; undo brings it back.
        itemFor(*window, zoning)->setCheckState(0, Qt::Unchecked);
        QVERIFY(!doc->layer(zoning)->visible);
        QVERIFY(legend->layerIds().isEmpty());
        QVERIFY(legend->classCodes(zoning).isEmpty());
        doc->undoStack()->undo();
        QCOMPARE(legend->classCodes(zoning), expected);

        // A new project has no zoning: the legend is empty, and it can be hidden from View > Panels.
        window->document()->newProject();
        QVERIFY(legend->layerIds().isEmpty());
        legend->toggleViewAction()->trigger();
        QVERIFY(legend->isHidden());
    }

    void walkMode() {
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->fileController()->openDemo();
        app::ViewController* view = window->viewController();
        QVERIFY(view->orbitAction()->isChecked());
        QCOMPARE(window->viewer()->cameraMode(), viewer::CameraMode::Orbit);

        view->walkAction()->trigger();
        QCOMPARE(window->viewer()->cameraMode(), viewer::CameraMode::Walk);
        QVERIFY(view->walkAction()->isChecked());
        QVERIFY(!view->orbitAction()->isChecked());

        // Camera modes use Ctrl+1 / Ctrl+2: plain letters are WASD in walk mode.
        QCOMPARE(view->orbitAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
        QCOMPARE(view->walkAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
        view->orbitAction()->trigger();
        QCOMPARE(window->viewer()->cameraMode(), viewer::CameraMode::Orbit);
        QVERIFY(view->orbitAction()->isChecked());
    }

    void screenshotShowsTheWindow() {
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->fileController()->openDemo();
        QTest::qWait(200);
        const QImage image = app::captureWindow(window.get(), window->viewer());
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), window->size() * window->devicePixelRatio());
    }

    void chineseUserInterface() {
        app::Translations translations;
        QVERIFY(translations.install(QLocale(QStringLiteral("zh_CN"))));
        auto window = makeWindow();
        QCOMPARE(window->fileMenu()->title(), QStringLiteral("文件(&F)"));
        QCOMPARE(window->layerPanel()->windowTitle(), QStringLiteral("图层"));
        QCOMPARE(window->legendPanel()->windowTitle(), QStringLiteral("图例"));
        QCOMPARE(app::LegendPanel::className(QStringLiteral("R")), QStringLiteral("居住用地"));
        QVERIFY(window->windowTitle().contains(QStringLiteral("未命名")));
        window.reset();
        translations.remove();
        auto english = makeWindow();
        QCOMPARE(english->fileMenu()->title(), QStringLiteral("&File"));
    }
};

int main(int argc, char** argv) {
    // QOpenGLWidget needs xcb (offscreen crashes it); without an X server the test skips in initTestCase.
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "minimal");
    else
        qputenv("QT_QPA_PLATFORM", "xcb");
    viewer::setDefaultSurfaceFormat();
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("UrbisTest"));
    QApplication::setApplicationName(QStringLiteral("test_mainwindow"));
    TestMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_mainwindow.moc"
