#include "app/model/task_progress.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace app {

TaskProgress::TaskProgress(QObject* parent) : QObject(parent) {}

void TaskProgress::setFraction(double fraction) {
    if (!std::isfinite(fraction))
        return;
    const int permille = int(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000.0));
    int previous = mPermille.load(std::memory_order_relaxed);
    // Only the thread that changes the value emits, so concurrent callers do not flood the event queue.
    while (previous != permille) {
        if (mPermille.compare_exchange_weak(previous, permille, std::memory_order_relaxed)) {
            emit fractionChanged(permille / 1000.0);
            return;
        }
    }
}

void TaskProgress::setMessage(const std::string& message) {
    const QString text = QString::fromStdString(message);
    {
        QMutexLocker lock(&mMutex);
        if (text == mMessage)
            return;
        mMessage = text;
    }
    emit messageChanged(text);
}

double TaskProgress::fraction() const {
    return std::max(0, mPermille.load(std::memory_order_relaxed)) / 1000.0;
}

QString TaskProgress::message() const {
    QMutexLocker lock(&mMutex);
    return mMessage;
}

} // namespace app
