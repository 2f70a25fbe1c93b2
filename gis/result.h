#pragma once
// Expected failures (bad file, unknown CRS, empty layer) are values, not exceptions.
// The message names the file, the feature and what to do; it is shown to the user as is.
#include <optional>
#include <string>
#include <utility>

namespace gis {

struct Error {
    std::string message;
};

class Status {
public:
    Status() = default;
    Status(Error e) : mError(std::move(e.message)), mFailed(true) {}
    static Status ok() { return {}; }
    bool isOk() const { return !mFailed; }
    explicit operator bool() const { return isOk(); }
    const std::string& error() const { return mError; }

private:
    std::string mError;
    bool mFailed = false;
};

template <class T> class Result {
public:
    Result(T value) : mValue(std::move(value)) {}
    Result(Error e) : mError(std::move(e.message)) {}
    bool isOk() const { return mValue.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T& value() const& { return *mValue; }
    T& value() & { return *mValue; }
    T&& value() && { return std::move(*mValue); }
    const T* operator->() const { return &*mValue; }
    T* operator->() { return &*mValue; }
    const std::string& error() const { return mError; }
    Status status() const { return isOk() ? Status() : Status(Error{mError}); }

private:
    std::optional<T> mValue;
    std::string mError;
};

} // namespace gis
