// app::Document and its undo commands without any GL: the demo city, visibility/rename/remove/add/view edits
// with undo and redo, the modified flag, saving and reopening a project, and refusing what is not a project.
#include "app/model/coordinate_format.h"
#include "app/model/document.h"
#include "app/model/recent_files.h"
#include "gis/io/gdal_log.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using app::Document;

namespace {
QString firstLayerId(const Document& doc) {
    return QString::fromStdString(doc.layerAt(0)->id);
}

void compareViews(const gis::CameraView& a, const gis::CameraView& b) {
    QVERIFY(std::abs(a.east - b.east) < 1e-3);
    QVERIFY(std::abs(a.north - b.north) < 1e-3);
    QVERIFY(std::abs(a.height - b.height) < 1e-3);
    QVERIFY(std::abs(a.heading - b.heading) < 1e-6);
    QVERIFY(std::abs(a.pitch - b.pitch) < 1e-6);
}
} // namespace

class TestDocument : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        gis::io::initGdal();
    }

    void startsEmptyAndClean() {
        Document doc;
        QCOMPARE(doc.layerCount(), 0);
        QVERIFY(!doc.isModified());
        QVERIFY(doc.path().isEmpty());
        QVERIFY(!doc.displayName().isEmpty());
    }

    void loadsDemo() {
        Document doc;
        QSignalSpy reset(&doc, &Document::projectReset);
        QVERIFY(doc.loadDemo().ok);
        QCOMPARE(reset.count(), 1);
        QVERIFY(doc.layerCount() >= 2);
        QVERIFY(!doc.project().crs.isEmpty());
        QVERIFY(!doc.isModified());
        QVERIFY(doc.path().isEmpty());
        QCOMPARE(doc.undoStack()->count(), 0);
        for (int i = 0; i < doc.layerCount(); ++i)
            QCOMPARE(doc.indexOfLayer(QString::fromStdString(doc.layerAt(i)->id)), i);
    }

    void visibilityUndoRedo() {
        Document doc;
        QVERIFY(doc.loadDemo().ok);
        const QString id = firstLayerId(doc);
        QVERIFY(doc.layer(id)->visible);
        QSignalSpy visibility(&doc, &Document::layerVisibilityChanged);
        QSignalSpy modified(&doc, &Document::modifiedChanged);

        doc.setLayerVisible(id, false);
        QVERIFY(!doc.layer(id)->visible);
        QVERIFY(doc.isModified());
        QCOMPARE(visibility.count(), 1);
        QCOMPARE(visibility.at(0).at(0).toString(), id);
        QCOMPARE(visibility.at(0).at(1).toBool(), false);
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.at(0).at(0).toBool(), true);

        doc.setLayerVisible(id, false); // no change, no command
        QCOMPARE(doc.undoStack()->count(), 1);

        doc.undoStack()->undo();
        QVERIFY(doc.layer(id)->visible);
        QVERIFY(!doc.isModified());
        QCOMPARE(visibility.count(), 2);
        QCOMPARE(modified.last().at(0).toBool(), false);

        doc.undoStack()->redo();
        QVERIFY(!doc.layer(id)->visible);
        QVERIFY(doc.isModified());
        QVERIFY(doc.undoStack()->undoText().contains(QString::fromStdString(doc.layer(id)->name)));
    }

    void renameUndo() {
        Document doc;
        QVERIFY(doc.loadDemo().ok);
        const QString id = firstLayerId(doc);
        const QString old = QString::fromStdString(doc.layer(id)->name);
        QSignalSpy changed(&doc, &Document::layerChanged);
        doc.renameLayer(id, QStringLiteral("  Towers  "));
        QCOMPARE(QString::fromStdString(doc.layer(id)->name), QStringLiteral("Towers"));
        QCOMPARE(changed.count(), 1);
        doc.renameLayer(id, QStringLiteral("   ")); // empty names are refused
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(QString::fromStdString(doc.layer(id)->name), old);
    }

    void removeUndoRestoresPositionAndData() {
        Document doc;
        QVERIFY(doc.loadDemo().ok);
        const int count = doc.layerCount();
        const int index = count > 1 ? 1 : 0;
        const QString id = QString::fromStdString(doc.layerAt(index)->id);
        const std::size_t features = doc.layerAt(index)->featureCount();
        QSignalSpy removed(&doc, &Document::layersRemoved);
        QSignalSpy inserted(&doc, &Document::layersInserted);

        doc.removeLayer(id);
        QCOMPARE(doc.layerCount(), count - 1);
        QVERIFY(!doc.layer(id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toInt(), index);

        doc.undoStack()->undo();
        QCOMPARE(doc.layerCount(), count);
        QCOMPARE(doc.indexOfLayer(id), index);
        QCOMPARE(doc.layer(id)->featureCount(), features);
        QCOMPARE(inserted.count(), 1);
        doc.undoStack()->redo();
        QVERIFY(!doc.layer(id));
    }

    void addLayersSetsCrsOfEmptyProjectAndMakesIdsUnique() {
        Document demo;
        QVERIFY(demo.loadDemo().ok);
        std::vector<gis::Layer> layers = demo.project().layers;
        const std::size_t n = layers.size();

        Document doc;
        QVERIFY(doc.project().crs.isEmpty());
        QSignalSpy crs(&doc, &Document::crsChanged);
        doc.addLayers(layers, demo.project().crs, QStringLiteral("Import demo"));
        QCOMPARE(doc.layerCount(), int(n));
        QCOMPARE(doc.project().crs, demo.project().crs);
        QCOMPARE(crs.count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Import demo"));

        // The same layers again: new, unique ids; the CRS stays.
        doc.addLayers(layers, gis::Crs{"EPSG:3857"}, {});
        QCOMPARE(doc.layerCount(), int(2 * n));
        QCOMPARE(doc.project().crs, demo.project().crs);
        QStringList ids = doc.layerIds();
        ids.removeDuplicates();
        QCOMPARE(ids.size(), int(2 * n));

        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.layerCount(), 0);
        QVERIFY(doc.project().crs.isEmpty());
        doc.undoStack()->redo();
        QCOMPARE(doc.layerCount(), int(n));
        QCOMPARE(doc.layerIds(), demo.layerIds());
    }

    void savedViewUndo() {
        Document doc;
        QVERIFY(doc.loadDemo().ok);
        const auto original = doc.project().view;
        gis::CameraView view{529000.5, 3380000.25, 350.0, 45.0, -25.0};
        QSignalSpy spy(&doc, &Document::savedViewChanged);
        doc.setSavedView(view);
        QVERIFY(doc.project().view.has_value());
        QCOMPARE(*doc.project().view, view);
        QCOMPARE(spy.count(), 1);
        doc.undoStack()->undo();
        QVERIFY(doc.project().view == original);
    }

    void saveAndReopen() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("saved city.gpkg"));

        Document doc;
        QVERIFY(doc.loadDemo().ok);
        const QString hidden = firstLayerId(doc);
        doc.setLayerVisible(hidden, false);
        const gis::CameraView view{529100.0, 3380200.0, 420.0, 30.0, -35.0};
        doc.setSavedView(view);
        QVERIFY(doc.isModified());

        QSignalSpy pathSpy(&doc, &Document::pathChanged);
        const app::Outcome saved = doc.save(path);
        QVERIFY2(saved.ok, qPrintable(saved.message));
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.path(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(pathSpy.count(), 1);
        QCOMPARE(doc.displayName(), QStringLiteral("saved city"));

        // Modified flag follows the undo stack's clean state.
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
        doc.undoStack()->redo();
        QVERIFY(!doc.isModified());

        Document reopened;
        const app::Outcome loaded = reopened.load(path);
        QVERIFY2(loaded.ok, qPrintable(loaded.message));
        QVERIFY(!reopened.isModified());
        QCOMPARE(reopened.path(), doc.path());
        QCOMPARE(reopened.project().crs.isEmpty(), false);
        QCOMPARE(reopened.layerCount(), doc.layerCount());
        for (int i = 0; i < doc.layerCount(); ++i) {
            const gis::Layer& a = *doc.layerAt(i);
            const gis::Layer& b = *reopened.layerAt(i);
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.visible, a.visible);
            QCOMPARE(int(b.kind()), int(a.kind()));
            QCOMPARE(b.featureCount(), a.featureCount());
        }
        QVERIFY(!reopened.layer(hidden)->visible);
        QVERIFY(reopened.project().view.has_value());
        compareViews(*reopened.project().view, view);
    }

    void refusesWhatIsNotAProject() {
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("notes.gpkg"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is not a GeoPackage\n");
        }
        Document doc;
        QVERIFY(doc.loadDemo().ok);
        doc.setLayerVisible(firstLayerId(doc), false);
        const int layers = doc.layerCount();
        QSignalSpy reset(&doc, &Document::projectReset);

        for (const QString& path : {text, dir.filePath(QStringLiteral("missing.gpkg"))}) {
            const app::Outcome outcome = doc.load(path);
            QVERIFY(!outcome.ok);
            QVERIFY2(outcome.message.contains(QFileInfo(path).fileName()), qPrintable(outcome.message));
            QCOMPARE(doc.layerCount(), layers);
            QVERIFY(doc.isModified());
            QVERIFY(doc.path().isEmpty());
            QCOMPARE(doc.undoStack()->count(), 1);
        }
        QCOMPARE(reset.count(), 0);
    }

    void saveFailureKeepsState() {
        Document doc;
        QVERIFY(doc.loadDemo().ok);
        doc.setLayerVisible(firstLayerId(doc), false);
        const app::Outcome outcome = doc.save(QStringLiteral("/nonexistent-folder/x/city.gpkg"));
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.message.contains(QStringLiteral("city.gpkg")));
        QVERIFY(doc.isModified());
        QVERIFY(doc.path().isEmpty());
    }

    void newProjectClearsHistory() {
        Document doc;
        QVERIFY(doc.loadDemo().ok);
        doc.setLayerVisible(firstLayerId(doc), false);
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        QVERIFY(doc.newProject().ok);
        QCOMPARE(doc.layerCount(), 0);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(modified.count(), 1);
    }

    void coordinateFormat() {
        QCOMPARE(app::formatMetres(529123.44), QStringLiteral("529 123.4"));
        QCOMPARE(app::formatMetres(3380456.66), QStringLiteral("3 380 456.7"));
        QCOMPARE(app::formatMetres(-1234.5), QStringLiteral("-1 234.5"));
        QCOMPARE(app::formatMetres(-0.01), QStringLiteral("0.0"));
        QCOMPARE(app::formatMetres(999.94), QStringLiteral("999.9"));
        QCOMPARE(app::formatProjected(529123.44, 3380456.66, 23.14),
                 QStringLiteral("E 529 123.4  N 3 380 456.7  H 23.1 m"));
        QCOMPARE(app::formatLonLat(114.301234, 30.550123), QStringLiteral("114.30123°E 30.55012°N"));
        QCOMPARE(app::formatLonLat(-70.5, -33.25), QStringLiteral("70.50000°W 33.25000°S"));
    }

    void recentFiles() {
        app::RecentFiles recent(nullptr, QStringLiteral("test/recentFiles"));
        recent.clear();
        QSignalSpy changed(&recent, &app::RecentFiles::changed);
        for (int i = 0; i < 12; ++i)
            recent.add(QStringLiteral("/tmp/p%1.gpkg").arg(i));
        QCOMPARE(recent.files().size(), app::RecentFiles::kMaxFiles);
        QCOMPARE(recent.files().first(), QStringLiteral("/tmp/p11.gpkg"));
        recent.add(QStringLiteral("/tmp/p5.gpkg"));
        QCOMPARE(recent.files().first(), QStringLiteral("/tmp/p5.gpkg"));
        QCOMPARE(recent.files().count(QStringLiteral("/tmp/p5.gpkg")), 1);
        recent.remove(QStringLiteral("/tmp/p5.gpkg"));
        QVERIFY(!recent.files().contains(QStringLiteral("/tmp/p5.gpkg")));
        QCOMPARE(changed.count(), 14);
        recent.clear();
        QVERIFY(recent.files().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "test_document.moc"
