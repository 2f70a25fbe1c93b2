// urbis: the desktop application. Parses the command line, installs translations and opens the main window.
#include "app/model/document.h"
#include "app/model/task_runner.h"
#include "app/ui/file_controller.h"
#include "app/ui/main_window.h"
#include "app/ui/translations.h"
#include "app/ui/window_capture.h"
#include "gis/io/gdal_log.h"
#include "viewer/qt/viewer_widget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMouseEvent>
#include <QOpenGLWidget>
#include <QTimer>

#include <cstdio>
#include <exception>
#include <memory>

namespace {

// Exceptions must not cross the Qt event loop: anything a handler lets escape is logged here and dropped.
class UrbisApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        try {
            return QApplication::notify(receiver, event);
        } catch (const std::exception& e) {
            qCritical("urbis: unexpected error while handling an event: %s", e.what());
        } catch (...) {
            qCritical("urbis: unexpected unknown error while handling an event");
        }
        return false;
    }
};

// --lang must be known before the parser exists so that --help is translated too.
QString languageArgument(const QStringList& args) {
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            return args[i + 1];
        if (args[i].startsWith(QLatin1String("--lang=")))
            return args[i].mid(7);
    }
    return {};
}

void printError(const QString& message) {
    std::fprintf(stderr, "urbis: %s\n", qPrintable(message));
}

// Saves a picture of the window once nothing is loading any more, then quits (exit code 1 on failure).
void scheduleScreenshot(app::MainWindow* window, const QString& path) {
    auto* timer = new QTimer(window);
    timer->setInterval(200);
    QObject::connect(timer, &QTimer::timeout, window, [window, timer, path, ticks = 0]() mutable {
        // Wait for background work (opening, importing) and give the viewer a few frames.
        if (window->taskRunner()->isBusy() || ++ticks < 5)
            return;
        viewer::ViewerWidget* view = window->viewer();
        if (ticks == 5) {
            // Point at the middle of the view so the status bar shows the coordinate read-out (the viewer
            // picks a moment after the mouse moves).
            const QPointF centre(view->width() / 2.0, view->height() / 2.0);
            QMouseEvent move(QEvent::MouseMove, centre, view->mapToGlobal(centre), Qt::NoButton, Qt::NoButton,
                             Qt::NoModifier);
            QCoreApplication::sendEvent(view, &move);
            return;
        }
        timer->stop();
        const QImage image = app::captureWindow(window, view);
        const bool saved = !image.isNull() && image.save(path);
        if (saved)
            std::fprintf(stderr, "urbis: screenshot saved to %s (%dx%d)\n",
                         qPrintable(QDir::toNativeSeparators(path)), image.width(), image.height());
        else
            printError(
                QCoreApplication::translate("app::Main", "could not save the screenshot to %1").arg(path));
        QCoreApplication::exit(saved ? 0 : 1);
    });
    timer->start();
}

// The command line, described once for the GUI and for --help/--version (which need no display).
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption demo{QStringLiteral("demo"),
                            QCoreApplication::translate("app::Main", "Open the built-in demo city.")};
    QCommandLineOption lang{
        QStringLiteral("lang"),
        QCoreApplication::translate("app::Main",
                                    "User interface language, e.g. zh_CN or en (default: the system's)."),
        QCoreApplication::translate("app::Main", "locale")};
    QCommandLineOption timing{
        QStringLiteral("timing"),
        QCoreApplication::translate("app::Main", "Print the time from start to the first rendered frame.")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "app::Main", "Save a picture of the window to <file> (PNG) once it is shown, then quit."),
        QCoreApplication::translate("app::Main", "file")};

    CommandLine() {
        parser.setApplicationDescription(
            QCoreApplication::translate("app::Main", "Urbis: 3D urban planning on real coordinates."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(demo);
        parser.addOption(lang);
        parser.addOption(screenshot);
        parser.addOption(timing);
        parser.addPositionalArgument(
            QCoreApplication::translate("app::Main", "file"),
            QCoreApplication::translate("app::Main", "A Urbis project to open, or a GIS dataset to import."),
            QCoreApplication::translate("app::Main", "[file]"));
    }
};

void installLanguage(app::Translations& translations) {
    const QString language = languageArgument(QCoreApplication::arguments());
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!translations.install(locale) && !language.isEmpty())
        printError(QStringLiteral("no translation for '%1' (available: en, %2); using English")
                       .arg(language, app::Translations::available().join(QStringLiteral(", "))));
}

bool onlyPrintsInformation(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    QCoreApplication::setOrganizationName(QStringLiteral("Urbis"));
    QCoreApplication::setApplicationName(QStringLiteral("Urbis"));
    QCoreApplication::setApplicationVersion(QStringLiteral(URBIS_VERSION));
    if (onlyPrintsInformation(argc, argv)) {
        // --help and --version work without a display.
        QCoreApplication application(argc, argv);
        app::Translations translations;
        installLanguage(translations);
        CommandLine commandLine;
        commandLine.parser.process(application); // prints and exits
        return 0;
    }

    viewer::setDefaultSurfaceFormat(); // before QApplication: OSG needs a compatibility-profile context
    UrbisApplication application(argc, argv);
    app::Translations translations;
    installLanguage(translations);
    CommandLine commandLine;
    QCommandLineParser& parser = commandLine.parser;
    const QCommandLineOption& demoOption = commandLine.demo;
    const QCommandLineOption& screenshotOption = commandLine.screenshot;
    parser.process(application);

    if (parser.positionalArguments().size() > 1) {
        printError(QCoreApplication::translate("app::Main", "give at most one file to open"));
        return 2;
    }
    if (parser.isSet(demoOption) && !parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("app::Main", "--demo and a file cannot be combined"));
        return 2;
    }
    const QString screenshot = parser.value(screenshotOption);

    gis::io::initGdal();
    gis::io::setLogSink([](gis::io::LogLevel level, const std::string& message) {
        // May be called from worker threads; Qt's message handler is thread-safe.
        switch (level) {
        case gis::io::LogLevel::Debug:
            qDebug("gis: %s", message.c_str());
            break;
        case gis::io::LogLevel::Info:
            qInfo("gis: %s", message.c_str());
            break;
        case gis::io::LogLevel::Warning:
            qWarning("gis: %s", message.c_str());
            break;
        case gis::io::LogLevel::Error:
            qCritical("gis: %s", message.c_str());
            break;
        }
    });

    app::MainWindow::Options options;
    options.rememberLayout = screenshot.isEmpty(); // screenshots use the default layout
    app::MainWindow window(options);
    if (!screenshot.isEmpty())
        window.fileController()->setInteractive(false);
    if (parser.isSet(commandLine.timing)) {
        // The first frame the viewport swaps after the window is shown (the demo or file is loaded before
        // the event loop starts, so it is in that frame; a file opened in the background comes later).
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(window.viewer(), &QOpenGLWidget::frameSwapped, &window,
                                       [connection, sinceStart] {
                                           std::fprintf(stderr, "urbis: first frame after %lld ms\n",
                                                        static_cast<long long>(sinceStart.elapsed()));
                                           QObject::disconnect(*connection);
                                       });
    }
    window.show();

    int status = 0;
    if (parser.isSet(demoOption)) {
        const app::Outcome outcome = window.document()->loadDemo();
        if (!outcome)
            printError(outcome.message);
    } else if (!parser.positionalArguments().isEmpty()) {
        const QString file = parser.positionalArguments().first();
        if (!QFileInfo::exists(file)) {
            printError(QCoreApplication::translate("app::Main", "no such file: %1").arg(file));
            status = 1;
        } else {
            window.fileController()->openOrImport(file);
        }
    }
    if (!screenshot.isEmpty()) {
        if (status != 0)
            return status;
        scheduleScreenshot(&window, QFileInfo(screenshot).absoluteFilePath());
    }
    return application.exec();
}
