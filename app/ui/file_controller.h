#pragma once
// The File menu: new, open, open recent, demo, save, save as, import, quit; asks before discarding unsaved
// changes; files dropped on the window are opened (a Urbis project) or imported (any other dataset).
// Reading and importing run on the TaskRunner (progress and cancel in the status bar). The path-taking
// functions show no file dialog, so scripts and tests can drive them.
#include "app/model/outcome.h"
#include "gis/io/import_dataset.h"
#include "gis/model/crs.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QMimeData;
class QMenu;
class QToolBar;
class QWidget;

namespace app {

class Document;
class ImportDialog;
class RecentFiles;
class TaskRunner;

class FileController : public QObject {
    Q_OBJECT
public:
    FileController(QWidget* window, Document* document, TaskRunner* tasks, RecentFiles* recent,
                   QObject* parent = nullptr);

    void populateMenu(QMenu* menu);
    void populateToolBar(QToolBar* toolBar) const;

    QAction* newAction() const { return mNew; }
    QAction* openAction() const { return mOpen; }
    QAction* demoAction() const { return mDemo; }
    QAction* saveAction() const { return mSave; }
    QAction* saveAsAction() const { return mSaveAs; }
    QAction* importAction() const { return mImport; }
    QAction* quitAction() const { return mQuit; }
    QMenu* recentMenu() const { return mRecentMenu; }

    // When the document has unsaved changes, asks to save, discard or cancel. True: go ahead.
    bool maybeSave();
    // When false, maybeSave() never asks (it discards) and errors are only reported through signals; for
    // scripted runs (screenshots, tests).
    void setInteractive(bool interactive) { mInteractive = interactive; }

    // --- Without dialogs ---
    void newProject();
    void openDemo();
    // Starts reading a project in the background (after maybeSave()). False when it could not start.
    bool openPath(const QString& path);
    // Starts importing a dataset (a file or a "PG:" connection) into the current project in the background
    // (queued if a task is running), with the given options (default: attribute roles guessed). A project
    // without a CRS gets `projectCrs` when given, else the one the dataset implies.
    bool importPath(const QString& path);
    bool importPath(const QString& path, const gis::io::ImportOptions& options,
                    const gis::Crs& projectCrs = {});
    // A Urbis project is opened, anything else imported (through the import dialog when interactive).
    bool openOrImport(const QString& path);
    // Writes the project to `path` now (".gpkg" is appended when missing). True on success.
    bool saveAs(const QString& path);
    // Saves to the current path; asks for one when the project was never saved.
    bool save();

    // --- With dialogs ---
    void open();
    bool saveAsWithDialog();
    void importWithDialog();
    // Shows the import dialog (window-modal, not blocking) for these files or connections; Import queues
    // them with the options chosen there. The dialog deletes itself when closed.
    ImportDialog* showImportDialog(const QStringList& sources);

signals:
    // One line for the log panel.
    void logMessage(app::MessageLevel level, const QString& text);
    // A short message for the status bar.
    void statusMessage(const QString& text, int timeoutMs);
    void projectOpened(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuildRecentMenu();
    void reportError(const QString& message);
    void startNextImport();
    void updateActions();
    static QStringList localFiles(const QMimeData* mime);

    QWidget* mWindow;
    Document* mDocument;
    TaskRunner* mTasks;
    RecentFiles* mRecent;
    bool mInteractive = true;
    struct PendingImport {
        QString source; // absolute path or "PG:" connection
        gis::io::ImportOptions options;
        gis::Crs projectCrs;
    };
    QList<PendingImport> mPendingImports;
    QAction* mNew;
    QAction* mOpen;
    QAction* mDemo;
    QAction* mSave;
    QAction* mSaveAs;
    QAction* mImport;
    QAction* mQuit;
    QMenu* mRecentMenu = nullptr;
};

} // namespace app
