// The bad-input corpus (tests/data/bad-input, see its README.md) through the app (needs an X server; label
// "gl"): every file is imported into the open demo city; the window stays up, a failed import leaves the
// project exactly as it was and says so in the Messages panel, a partly bad file adds only what it could
// read.
#include "app/model/document.h"
#include "app/model/task_runner.h"
#include "app/ui/file_controller.h"
#include "app/ui/main_window.h"
#include "tests/viewer/gl_test_main.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <memory>

using app::MainWindow;

namespace {
// Layer ids and feature counts: what a failed import must leave as it was.
std::vector<std::pair<std::string, std::size_t>> contents(const gis::Project& p) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const gis::Layer& l : p.layers)
        out.emplace_back(l.id, l.featureCount());
    return out;
}
} // namespace

class TestBadInputGui : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> mWindow; // one window for the whole corpus (the demo reloaded per file)

private slots:
    void initTestCase() {
        URBIS_REQUIRE_DISPLAY();
        MainWindow::Options options;
        options.rememberLayout = false;
        mWindow = std::make_unique<MainWindow>(options);
        mWindow->fileController()->setInteractive(false);
        mWindow->show();
    }
    void cleanupTestCase() { mWindow.reset(); }

    void corpus_data() {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(URBIS_SOURCE_DIR "/tests/data/bad-input"));
        int files = 0;
        for (const QFileInfo& f : dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (f.fileName() == "README.md")
                continue;
            QString path = f.absoluteFilePath();
            if (f.isDir()) { // a shapefile's folder: import its .shp
                const QStringList shp = QDir(path).entryList({"*.shp"});
                if (shp.isEmpty())
                    continue;
                path = QDir(path).filePath(shp.front());
            }
            QTest::newRow(qPrintable(f.fileName())) << path;
            ++files;
        }
        QVERIFY(files >= 15);
    }

    void corpus() {
        QFETCH(QString, path);
        MainWindow& window = *mWindow;
        QVERIFY(window.document()->loadDemo().ok);
        const std::size_t before = window.document()->project().layers.size();
        const auto demo = contents(window.document()->project());
        QSignalSpy messages(window.fileController(), &app::FileController::logMessage);
        QVERIFY(window.fileController()->importPath(path));
        QVERIFY(window.taskRunner()->waitForFinished(60000));
        QApplication::processEvents();
        QVERIFY(window.isVisible()); // the app is still up
        const std::size_t after = window.document()->project().layers.size();
        QVERIFY(after == before || after == before + 1);
        // Every outcome is told: an error or warning naming the file, or the import's report.
        const QString name = QFileInfo(path).fileName();
        bool named = false;
        for (const auto& m : messages)
            named |= m.at(1).toString().contains(name);
        QVERIFY2(named, qPrintable("no message names " + name));
        if (after == before) // failed: nothing of the demo changed
            QVERIFY(contents(window.document()->project()) == demo);
        else // a partly bad file: the demo's layers are untouched, one layer was added
            QVERIFY(std::equal(demo.begin(), demo.end(), contents(window.document()->project()).begin()));
    }
};

URBIS_GL_TEST_MAIN(TestBadInputGui, QApplication)
#include "test_bad_input_gui.moc"
