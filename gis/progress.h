#pragma once
// The one progress/cancel interface every long computation in Urbis takes (QGIS QgsFeedback, osgEarth
// Progress). Kernels call setFraction()/isCanceled() at least every ~50 ms of work. Implementations must be
// thread-safe for concurrent calls from TBB workers.
#include <atomic>
#include <string>

namespace gis {

class Progress {
public:
    virtual ~Progress() = default;
    // fraction in [0, 1]
    virtual void setFraction(double fraction) { (void)fraction; }
    virtual void setMessage(const std::string& message) { (void)message; }
    virtual bool isCanceled() const { return mCanceled.load(std::memory_order_relaxed); }
    void cancel() { mCanceled.store(true, std::memory_order_relaxed); }

private:
    std::atomic<bool> mCanceled{false};
};

// A Progress that reports nothing and is never cancelled unless cancel() is called.
using NullProgress = Progress;

// Maps a sub-range [begin, end] of the parent's fraction, for nested steps.
class SubProgress : public Progress {
public:
    SubProgress(Progress& parent, double begin, double end) : mParent(parent), mBegin(begin), mEnd(end) {}
    void setFraction(double f) override { mParent.setFraction(mBegin + (mEnd - mBegin) * f); }
    void setMessage(const std::string& m) override { mParent.setMessage(m); }
    bool isCanceled() const override { return mParent.isCanceled() || Progress::isCanceled(); }

private:
    Progress& mParent;
    double mBegin;
    double mEnd;
};

} // namespace gis
