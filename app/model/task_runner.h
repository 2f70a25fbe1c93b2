#pragma once
// Runs long work off the GUI thread (QtConcurrent) with progress and cancel, and delivers the outcome on the
// GUI thread (QGIS qgstaskmanager.h in miniature). One task at a time; the status bar shows it.
//
//   auto result = std::make_shared<std::optional<gis::Result<X>>>();
//   runner->start(tr("Importing…"), [=](gis::Progress& p) { result->emplace(compute(p)); },
//                 [=](const TaskOutcome& o) { if (o.succeeded()) apply(**result); });
#include "gis/progress.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

template <typename T> class QFutureWatcher;

namespace app {

class TaskProgress;

struct TaskOutcome {
    bool canceled = false;
    bool failed = false; // an exception escaped the work; `error` says which
    QString error;
    bool succeeded() const { return !canceled && !failed; }
};

class TaskRunner : public QObject {
    Q_OBJECT
public:
    using Work = std::function<void(gis::Progress&)>;
    using Finish = std::function<void(const TaskOutcome&)>;

    explicit TaskRunner(QObject* parent = nullptr);
    // Cancels a running task and waits for it; its finish callback is not called.
    ~TaskRunner() override;

    // Starts `work` on a worker thread; `finish` runs on this object's (the GUI) thread afterwards.
    // Returns false (and runs nothing) while another task is running.
    bool start(const QString& title, Work work, Finish finish = {});
    bool isBusy() const { return mBusy; }
    QString title() const { return mTitle; }
    // Asks the running task to stop; it ends at its next isCanceled() check.
    void cancel();
    // Processes events until the running task has finished and delivered (for tests and scripted runs).
    // Returns false on timeout.
    bool waitForFinished(int timeoutMs = -1);

signals:
    void started(const QString& title);
    void progressChanged(double fraction);
    void messageChanged(const QString& message);
    void finished(const app::TaskOutcome& outcome);
    void busyChanged(bool busy);

private:
    void onWorkerDone();

    bool mBusy = false;
    QString mTitle;
    std::shared_ptr<TaskProgress> mProgress;
    std::shared_ptr<TaskOutcome> mOutcome;
    Finish mFinish;
    QFutureWatcher<void>* mWatcher = nullptr;
};

} // namespace app
