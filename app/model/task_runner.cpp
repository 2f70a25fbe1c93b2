#include "app/model/task_runner.h"

#include "app/model/task_progress.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace app {

TaskRunner::TaskRunner(QObject* parent) : QObject(parent), mWatcher(new QFutureWatcher<void>(this)) {
    connect(mWatcher, &QFutureWatcher<void>::finished, this, &TaskRunner::onWorkerDone);
}

TaskRunner::~TaskRunner() {
    if (mBusy) {
        mProgress->cancel();
        mWatcher->disconnect(this);
        mWatcher->waitForFinished();
    }
}

bool TaskRunner::start(const QString& title, Work work, Finish finish) {
    if (mBusy || !work)
        return false;
    mBusy = true;
    mTitle = title;
    mFinish = std::move(finish);
    mOutcome = std::make_shared<TaskOutcome>();
    // Deleted on the GUI thread even when the worker drops the last reference.
    mProgress = std::shared_ptr<TaskProgress>(new TaskProgress, [](TaskProgress* p) { p->deleteLater(); });
    connect(mProgress.get(), &TaskProgress::fractionChanged, this, &TaskRunner::progressChanged);
    connect(mProgress.get(), &TaskProgress::messageChanged, this, &TaskRunner::messageChanged);

    emit busyChanged(true);
    emit started(title);

    // The worker holds its own references: the runner may cancel and forget them.
    auto progress = mProgress;
    auto outcome = mOutcome;
    mWatcher->setFuture(QtConcurrent::run([work = std::move(work), progress, outcome]() {
        // Exceptions must not escape a thread: turn them into an error outcome.
        try {
            work(*progress);
        } catch (const std::exception& e) {
            outcome->failed = true;
            outcome->error = QString::fromLocal8Bit(e.what());
        } catch (...) {
            outcome->failed = true;
            outcome->error = QStringLiteral("unknown exception");
        }
    }));
    return true;
}

void TaskRunner::cancel() {
    if (mBusy && mProgress)
        mProgress->cancel();
}

void TaskRunner::onWorkerDone() {
    TaskOutcome outcome = *mOutcome;
    outcome.canceled = mProgress->isCanceled();
    Finish finish = std::move(mFinish);
    mFinish = {};
    mProgress->disconnect(this);
    mProgress.reset();
    mOutcome.reset();
    mBusy = false;
    if (finish) {
        try {
            finish(outcome);
        } catch (const std::exception& e) {
            outcome.failed = true;
            outcome.error = QString::fromLocal8Bit(e.what());
            qWarning("urbis: task '%s' failed while applying its result: %s", qPrintable(mTitle), e.what());
        }
    }
    emit finished(outcome);
    emit busyChanged(false);
}

bool TaskRunner::waitForFinished(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    while (mBusy) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(1);
    }
    return true;
}

} // namespace app
