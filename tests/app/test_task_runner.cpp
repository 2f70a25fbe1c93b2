// app::TaskRunner: work runs off the GUI thread, progress arrives as signals, the outcome is delivered on the
// GUI thread, cancel stops the work, exceptions become an error outcome, one task at a time.
#include "app/model/task_progress.h"
#include "app/model/task_runner.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using app::TaskOutcome;
using app::TaskRunner;

class TestTaskRunner : public QObject {
    Q_OBJECT
private slots:
    void runsOffTheGuiThreadAndFinishesOnIt() {
        TaskRunner runner;
        QSignalSpy progress(&runner, &TaskRunner::progressChanged);
        QSignalSpy messages(&runner, &TaskRunner::messageChanged);
        QSignalSpy busy(&runner, &TaskRunner::busyChanged);
        QThread* workThread = nullptr;
        QThread* finishThread = nullptr;
        std::optional<TaskOutcome> result;
        QVERIFY(runner.start(
            QStringLiteral("count"),
            [&](gis::Progress& p) {
                workThread = QThread::currentThread();
                p.setMessage("counting");
                for (int i = 0; i <= 10; ++i) {
                    p.setFraction(i / 10.0);
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                }
            },
            [&](const TaskOutcome& o) {
                finishThread = QThread::currentThread();
                result = o;
            }));
        QVERIFY(runner.isBusy());
        QCOMPARE(runner.title(), QStringLiteral("count"));
        QVERIFY(runner.waitForFinished(10000));
        QVERIFY(!runner.isBusy());
        QVERIFY(result && result->succeeded());
        QVERIFY(workThread && workThread != QThread::currentThread());
        QCOMPARE(finishThread, QThread::currentThread());
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.last().at(0).toDouble(), 1.0);
        QCOMPARE(messages.count(), 1);
        QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("counting"));
        QCOMPARE(busy.count(), 2);
    }

    void cancelStopsTheWork() {
        TaskRunner runner;
        std::atomic<bool> running{false};
        std::optional<TaskOutcome> result;
        QVERIFY(runner.start(
            QStringLiteral("forever"),
            [&](gis::Progress& p) {
                running = true;
                const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
                while (!p.isCanceled() && std::chrono::steady_clock::now() < end)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            },
            [&](const TaskOutcome& o) { result = o; }));
        QTRY_VERIFY(running.load());
        QVERIFY(!runner.start(QStringLiteral("second"), [](gis::Progress&) {})); // one at a time
        runner.cancel();
        QVERIFY(runner.waitForFinished(5000));
        QVERIFY(result && result->canceled && !result->succeeded());
    }

    void exceptionsBecomeErrors() {
        TaskRunner runner;
        QSignalSpy finished(&runner, &TaskRunner::finished);
        std::optional<TaskOutcome> result;
        QVERIFY(runner.start(
            QStringLiteral("throws"), [](gis::Progress&) { throw std::runtime_error("disk on fire"); },
            [&](const TaskOutcome& o) { result = o; }));
        QVERIFY(runner.waitForFinished(5000));
        QVERIFY(result && result->failed);
        QCOMPARE(result->error, QStringLiteral("disk on fire"));
        QCOMPARE(finished.count(), 1);
        // The runner is usable again.
        QVERIFY(runner.start(QStringLiteral("again"), [](gis::Progress&) {}));
        QVERIFY(runner.waitForFinished(5000));
    }

    void progressIsThreadSafe() {
        app::TaskProgress progress;
        std::atomic<int> emitted{0};
        QObject::connect(
            &progress, &app::TaskProgress::fractionChanged, &progress, [&emitted](double) { ++emitted; },
            Qt::DirectConnection);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&progress, t] {
                for (int i = 0; i < 2000; ++i)
                    progress.setFraction((i % 1001) / 1000.0 + t * 0.0);
            });
        for (auto& t : threads)
            t.join();
        QVERIFY(emitted.load() > 0);
        QVERIFY(progress.fraction() >= 0.0 && progress.fraction() <= 1.0);
    }

    void destructionCancelsRunningWork() {
        std::atomic<bool> stopped{false};
        {
            TaskRunner runner;
            QVERIFY(runner.start(QStringLiteral("long"), [&](gis::Progress& p) {
                while (!p.isCanceled())
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                stopped = true;
            }));
        }
        QVERIFY(stopped.load());
    }
};

QTEST_GUILESS_MAIN(TestTaskRunner)
#include "test_task_runner.moc"
