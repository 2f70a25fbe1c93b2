#pragma once
// A gis::Progress that kernels may call from any thread (TBB workers included); it forwards changes as Qt
// signals, which reach GUI-thread receivers queued. Fraction signals are throttled to 0.1 % steps.
#include "gis/progress.h"

#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>

namespace app {

class TaskProgress : public QObject, public gis::Progress {
    Q_OBJECT
public:
    explicit TaskProgress(QObject* parent = nullptr);

    void setFraction(double fraction) override;
    void setMessage(const std::string& message) override;

    double fraction() const;
    QString message() const;

signals:
    void fractionChanged(double fraction);
    void messageChanged(const QString& message);

private:
    std::atomic<int> mPermille{-1};
    mutable QMutex mMutex;
    QString mMessage;
};

} // namespace app
