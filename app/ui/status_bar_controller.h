#pragma once
// The status bar: cursor position in the project CRS and in lon/lat, the CRS name, and the running task's
// progress with a cancel button.
#include <QObject>

#include <memory>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace gis::io {
class CrsTransform;
}
namespace viewer {
class ViewerWidget;
}

namespace app {

class Document;
class TaskRunner;
struct TaskOutcome;

class StatusBarController : public QObject {
    Q_OBJECT
public:
    StatusBarController(QStatusBar* statusBar, Document* document, viewer::ViewerWidget* viewer,
                        TaskRunner* tasks, QObject* parent = nullptr);
    ~StatusBarController() override;

    QLabel* coordinateLabel() const { return mCoordinates; }
    QLabel* lonLatLabel() const { return mLonLat; }
    QLabel* crsLabel() const { return mCrs; }
    QProgressBar* progressBar() const { return mProgress; }
    QToolButton* cancelButton() const { return mCancel; }

public slots:
    void showCursor(double east, double north, double height);
    void clearCursor();
    void showMessage(const QString& message, int timeoutMs = 5000);

private:
    void updateCrs();
    void onTaskStarted(const QString& title);
    void onTaskFinished(const TaskOutcome& outcome);

    QStatusBar* mStatusBar;
    Document* mDocument;
    TaskRunner* mTasks;
    QLabel* mCoordinates;
    QLabel* mLonLat;
    QLabel* mCrs;
    QLabel* mTaskLabel;
    QProgressBar* mProgress;
    QToolButton* mCancel;
    std::unique_ptr<gis::io::CrsTransform> mToLonLat;
};

} // namespace app
