#include "app/ui/file_controller.h"

#include "app/model/document.h"
#include "app/model/recent_files.h"
#include "app/model/task_runner.h"
#include "app/model/window_settings.h"
#include "app/ui/action_util.h"
#include "app/ui/import_dialog.h"
#include "gis/io/import_dataset.h"
#include "gis/io/postgis.h"
#include "gis/io/project_file.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QToolBar>
#include <QUndoStack>
#include <QWidget>

#include <memory>
#include <optional>

namespace app {

namespace {
QString nativeName(const QString& path) {
    return QDir::toNativeSeparators(path);
}

bool isDatabase(const QString& source) {
    return gis::io::isPostgisConnection(source.toStdString());
}

// What messages call a source: the file name, or the connection without its password.
QString sourceName(const QString& source) {
    return isDatabase(source) ? QString::fromStdString(gis::io::redactPassword(source.toStdString()))
                              : QFileInfo(source).fileName();
}
} // namespace

FileController::FileController(QWidget* window, Document* document, TaskRunner* tasks, RecentFiles* recent,
                               QObject* parent)
    : QObject(parent), mWindow(window), mDocument(document), mTasks(tasks), mRecent(recent) {
    mNew = makeAction(this, QStringLiteral("new"), tr("&New Project"), QKeySequence::New,
                      tr("Start a new, empty project"));
    mOpen = makeAction(this, QStringLiteral("open"), tr("&Open Project…"), QKeySequence::Open,
                       tr("Open a Urbis project (.gpkg)"));
    mDemo = makeAction(
        this, QStringLiteral("urbis"), tr("Open &Demo City"), QKeySequence(),
        tr("Open the built-in demo city: a river town near Wuhan with buildings, zoning and terrain"));
    mSave = makeAction(this, QStringLiteral("save"), tr("&Save"), QKeySequence::Save, tr("Save the project"));
    mSaveAs = makeAction(this, QString(), tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                         tr("Save the project under a new name"));
    mImport =
        makeAction(this, QStringLiteral("import"), tr("&Import Data…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                   tr("Add buildings, zoning or terrain from a GIS file (GeoPackage, Shapefile, GeoJSON, "
                      "GeoTIFF…) to the project"));
    mQuit = makeAction(this, QString(), tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Quit Urbis"));
    mQuit->setMenuRole(QAction::QuitRole);
    mNew->setObjectName(QStringLiteral("actionNew"));
    mOpen->setObjectName(QStringLiteral("actionOpen"));
    mSave->setObjectName(QStringLiteral("actionSave"));
    mSaveAs->setObjectName(QStringLiteral("actionSaveAs"));
    mImport->setObjectName(QStringLiteral("actionImport"));
    mQuit->setObjectName(QStringLiteral("actionQuit"));

    connect(mNew, &QAction::triggered, this, &FileController::newProject);
    connect(mOpen, &QAction::triggered, this, &FileController::open);
    connect(mDemo, &QAction::triggered, this, &FileController::openDemo);
    connect(mSave, &QAction::triggered, this, &FileController::save);
    connect(mSaveAs, &QAction::triggered, this, &FileController::saveAsWithDialog);
    connect(mImport, &QAction::triggered, this, &FileController::importWithDialog);
    connect(mQuit, &QAction::triggered, mWindow, &QWidget::close);

    connect(mTasks, &TaskRunner::busyChanged, this, &FileController::updateActions);
    connect(mRecent, &RecentFiles::changed, this, &FileController::rebuildRecentMenu);

    mWindow->setAcceptDrops(true);
    mWindow->installEventFilter(this);
}

void FileController::populateMenu(QMenu* menu) {
    menu->addAction(mNew);
    menu->addAction(mOpen);
    mRecentMenu = menu->addMenu(tr("Open &Recent"));
    mRecentMenu->setObjectName(QStringLiteral("menuRecent"));
    rebuildRecentMenu();
    menu->addAction(mDemo);
    menu->addSeparator();
    menu->addAction(mSave);
    menu->addAction(mSaveAs);
    menu->addSeparator();
    menu->addAction(mImport);
    menu->addSeparator();
    menu->addAction(mQuit);
}

void FileController::populateToolBar(QToolBar* toolBar) const {
    toolBar->addAction(mNew);
    toolBar->addAction(mOpen);
    toolBar->addAction(mSave);
    toolBar->addAction(mImport);
}

bool FileController::maybeSave() {
    if (!mDocument->isModified() || !mInteractive)
        return true;
    const auto answer = QMessageBox::warning(
        mWindow, tr("Unsaved Changes"),
        tr("The project “%1” has unsaved changes.\nDo you want to save them?").arg(mDocument->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void FileController::newProject() {
    if (!maybeSave())
        return;
    const Outcome outcome = mDocument->newProject();
    emit statusMessage(outcome.message, 3000);
}

void FileController::openDemo() {
    if (!maybeSave())
        return;
    const Outcome outcome = mDocument->loadDemo();
    if (!outcome)
        reportError(outcome.message);
    else
        emit statusMessage(outcome.message, 3000);
}

bool FileController::openPath(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(absolute)) {
        reportError(Document::openFailedMessage(absolute, tr("The file does not exist.")));
        mRecent->remove(absolute);
        return false;
    }
    if (mTasks->isBusy()) {
        reportError(tr("Please wait for “%1” to finish or cancel it, then open the project again.")
                        .arg(mTasks->title()));
        return false;
    }
    if (!maybeSave())
        return false;
    auto result = std::make_shared<std::optional<gis::Result<gis::Project>>>();
    const std::string file = absolute.toStdString();
    return mTasks->start(
        tr("Opening %1").arg(QFileInfo(absolute).fileName()),
        [result, file](gis::Progress& progress) { result->emplace(gis::io::readProject(file, progress)); },
        [this, result, absolute](const TaskOutcome& outcome) {
            if (outcome.canceled) {
                emit statusMessage(tr("Opening canceled; the current project is unchanged."), 5000);
                return;
            }
            if (outcome.failed || !*result || !**result) {
                const QString detail =
                    outcome.failed ? outcome.error : QString::fromStdString((*result)->error());
                reportError(Document::openFailedMessage(absolute, detail));
                return;
            }
            mDocument->adopt(std::move(**result).value(), absolute);
            mRecent->add(absolute);
            settings::setLastDirectory(QStringLiteral("project"), absolute);
            emit logMessage(MessageLevel::Info, tr("Opened “%1”.").arg(nativeName(absolute)));
            emit statusMessage(tr("Opened “%1”.").arg(nativeName(absolute)), 5000);
            emit projectOpened(absolute);
        });
}

bool FileController::importPath(const QString& path) {
    return importPath(path, gis::io::ImportOptions{});
}

bool FileController::importPath(const QString& path, const gis::io::ImportOptions& options,
                                const gis::Crs& projectCrs) {
    const QString absolute = isDatabase(path) ? path : QFileInfo(path).absoluteFilePath();
    if (!isDatabase(path) && !QFileInfo::exists(absolute)) {
        reportError(tr("Could not import “%1”: the file does not exist.").arg(nativeName(absolute)));
        return false;
    }
    mPendingImports << PendingImport{absolute, options, projectCrs};
    if (!mTasks->isBusy())
        startNextImport();
    return true;
}

void FileController::startNextImport() {
    if (mPendingImports.isEmpty() || mTasks->isBusy())
        return;
    const PendingImport pending = mPendingImports.takeFirst();
    const QString absolute = pending.source;
    // The worker sees a snapshot of what the importer needs (CRS, layer ids, terrain), never the live
    // project. A project without a CRS gets the one chosen in the import dialog (when one was).
    auto snapshot = std::make_shared<gis::Project>();
    snapshot->crs = mDocument->project().crs.isEmpty() ? pending.projectCrs : mDocument->project().crs;
    snapshot->title = mDocument->project().title;
    for (const gis::Layer& layer : mDocument->project().layers) {
        gis::Layer shell;
        shell.id = layer.id;
        shell.name = layer.name;
        shell.visible = layer.visible;
        // Terrain is shared (an immutable raster): imported buildings are set on the ground.
        if (layer.kind() == gis::LayerKind::Terrain)
            shell.data = layer.data;
        snapshot->layers.push_back(std::move(shell));
    }
    gis::io::ImportOptions options = pending.options;
    options.projectFile = mDocument->path().toStdString();
    auto result = std::make_shared<std::optional<gis::Result<gis::io::ImportReport>>>();
    const std::string file = absolute.toStdString();
    const QString fileName = sourceName(absolute);
    mTasks->start(
        tr("Importing %1").arg(fileName),
        [result, file, snapshot, options](gis::Progress& progress) {
            result->emplace(gis::io::importDataset(file, *snapshot, options, progress));
        },
        [this, result, absolute, fileName, options](const TaskOutcome& outcome) {
            if (outcome.canceled) {
                emit statusMessage(tr("Import of “%1” canceled.").arg(fileName), 5000);
            } else if (outcome.failed || !*result || !**result) {
                const QString detail =
                    outcome.failed ? outcome.error : QString::fromStdString((*result)->error());
                reportError(tr("Could not import “%1”.\n%2")
                                .arg(isDatabase(absolute) ? fileName : nativeName(absolute), detail));
            } else {
                gis::io::ImportReport report = std::move(**result).value();
                for (const std::string& warning : report.warnings)
                    emit logMessage(MessageLevel::Warning, QString::fromStdString(warning));
                // Where the heights came from: never silent about the buildings that got the default.
                const gis::io::HeightStats& h = report.heights;
                if (h.buildings > 0) {
                    const QLocale locale;
                    emit logMessage(h.defaulted > 0 ? MessageLevel::Warning : MessageLevel::Info,
                                    tr("“%1”: %2 building(s): %3 with a height, %4 from storeys × %5 m, %6 "
                                       "got the default "
                                       "height of %7 m, %8 skipped.")
                                        .arg(fileName, locale.toString(qlonglong(h.buildings)),
                                             locale.toString(qlonglong(h.withHeight)),
                                             locale.toString(qlonglong(h.withLevels)),
                                             locale.toString(options.storeyHeight),
                                             locale.toString(qlonglong(h.defaulted)),
                                             locale.toString(options.defaultHeight),
                                             locale.toString(qlonglong(h.skipped))));
                }
                const int count = int(report.layers.size());
                if (count == 0) {
                    reportError(
                        tr("“%1” contains nothing Urbis can use (no polygon layer with heights or land "
                           "classes, no elevation raster).")
                            .arg(nativeName(absolute)));
                } else {
                    mDocument->addLayers(std::move(report.layers), report.datasetCrs,
                                         tr("Import “%1”").arg(fileName));
                    if (!isDatabase(absolute))
                        settings::setLastDirectory(QStringLiteral("import"), absolute);
                    const QString summary =
                        report.warnings.empty()
                            ? tr("Imported “%1”: layers added: %2.").arg(fileName).arg(count)
                            : tr("Imported “%1”: layers added: %2, warnings: %3 (see Messages).")
                                  .arg(fileName)
                                  .arg(count)
                                  .arg(report.warnings.size());
                    emit logMessage(MessageLevel::Info, summary);
                    emit statusMessage(summary, 8000);
                }
            }
            startNextImport();
        });
}

bool FileController::openOrImport(const QString& path) {
    if (isDatabase(path))
        return mInteractive ? showImportDialog({path}) != nullptr : importPath(path);
    if (gis::io::fileRole(QFileInfo(path).absoluteFilePath().toStdString()) != gis::io::FileRole::Data)
        return openPath(path);
    if (!mInteractive)
        return importPath(path);
    if (!QFileInfo::exists(path)) {
        reportError(tr("Could not import “%1”: the file does not exist.").arg(nativeName(path)));
        return false;
    }
    return showImportDialog({path}) != nullptr;
}

bool FileController::saveAs(const QString& path) {
    QString target = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(target).suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) != 0)
        target += QLatin1String(".gpkg");
    const Outcome outcome = mDocument->save(target);
    if (!outcome) {
        reportError(outcome.message);
        return false;
    }
    mRecent->add(target);
    settings::setLastDirectory(QStringLiteral("project"), target);
    emit logMessage(MessageLevel::Info, outcome.message);
    emit statusMessage(outcome.message, 5000);
    return true;
}

bool FileController::save() {
    if (mDocument->path().isEmpty())
        return saveAsWithDialog();
    return saveAs(mDocument->path());
}

void FileController::open() {
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(mWindow, tr("Open Project"),
                                                      settings::lastDirectory(QStringLiteral("project")),
                                                      tr("Urbis projects (*.gpkg);;All files (*)"));
    if (path.isEmpty())
        return;
    // readProject says precisely what is wrong (not a project, damaged, newer schema) and changes nothing.
    openPath(path);
}

bool FileController::saveAsWithDialog() {
    const QString suggested = mDocument->path().isEmpty()
                                  ? QDir(settings::lastDirectory(QStringLiteral("project")))
                                        .filePath(mDocument->displayName() + ".gpkg")
                                  : mDocument->path();
    const QString path = QFileDialog::getSaveFileName(mWindow, tr("Save Project As"), suggested,
                                                      tr("Urbis projects (*.gpkg)"));
    return !path.isEmpty() && saveAs(path);
}

void FileController::importWithDialog() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        mWindow, tr("Import Data"), settings::lastDirectory(QStringLiteral("import")),
        tr("GIS data (*.gpkg *.shp *.geojson *.json *.jsonl *.fgb *.gml *.xml *.kml *.osm *.pbf *.tif *.tiff "
           "*.vrt *.asc *.img);;All files (*)"));
    if (!paths.isEmpty())
        showImportDialog(paths);
}

ImportDialog* FileController::showImportDialog(const QStringList& sources) {
    auto* dialog = new ImportDialog(mDocument->project().crs, mWindow);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addSources(sources);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const gis::Crs projectCrs = dialog->projectCrs();
        for (const ImportRequest& request : dialog->requests())
            importPath(request.source, request.options, projectCrs);
    });
    dialog->open();
    return dialog;
}

bool FileController::eventFilter(QObject* watched, QEvent* event) {
    if (watched == mWindow && event->type() == QEvent::DragEnter) {
        auto* drag = static_cast<QDragEnterEvent*>(event);
        if (!localFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == mWindow && event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList files = localFiles(drop->mimeData());
        if (!files.isEmpty()) {
            drop->acceptProposedAction();
            // A single project replaces the document; everything else is added to it.
            if (files.size() == 1 &&
                gis::io::fileRole(files.first().toStdString()) != gis::io::FileRole::Data)
                openPath(files.first());
            else if (mInteractive) // everything else through the import dialog (roles, CRS)
                showImportDialog(files);
            else
                for (const QString& file : files)
                    importPath(file);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

QStringList FileController::localFiles(const QMimeData* mime) {
    QStringList files;
    if (mime && mime->hasUrls())
        for (const QUrl& url : mime->urls())
            if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
                files << url.toLocalFile();
    return files;
}

void FileController::rebuildRecentMenu() {
    if (!mRecentMenu)
        return;
    mRecentMenu->clear();
    const QStringList files = mRecent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files.at(i);
        const QString label = QStringLiteral("&%1 %2").arg(
            i + 1 < 10 ? QString::number(i + 1) : QStringLiteral("1&0"), QFileInfo(path).fileName());
        QAction* action = mRecentMenu->addAction(label);
        action->setToolTip(nativeName(path));
        action->setStatusTip(nativeName(path));
        connect(action, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    if (!files.isEmpty()) {
        mRecentMenu->addSeparator();
        QAction* clear = mRecentMenu->addAction(tr("&Clear Menu"));
        clear->setStatusTip(tr("Forget the recently opened projects"));
        connect(clear, &QAction::triggered, mRecent, &RecentFiles::clear);
    }
    mRecentMenu->setEnabled(!files.isEmpty());
}

void FileController::reportError(const QString& message) {
    emit logMessage(MessageLevel::Error, message);
    emit statusMessage(message.section(QLatin1Char('\n'), 0, 0), 8000);
    if (!mInteractive)
        return;
    // Window-modal but not blocking: the event loop (and any running task) goes on.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Urbis"), message, QMessageBox::Ok, mWindow);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void FileController::updateActions() {
    const bool busy = mTasks->isBusy();
    mOpen->setEnabled(!busy);
    mDemo->setEnabled(!busy);
    mNew->setEnabled(!busy);
    if (mRecentMenu)
        mRecentMenu->setEnabled(!busy && !mRecent->files().isEmpty());
}

} // namespace app
