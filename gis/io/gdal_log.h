#pragma once
// One handler for every GDAL/CPL error (PDAL's ErrorHandler pattern): messages go to one log callback and the
// last error is kept per thread so callers can turn it into a user message.
#include <functional>
#include <string>

namespace gis::io {

enum class LogLevel { Debug, Info, Warning, Error };
using LogSink = std::function<void(LogLevel, const std::string&)>;

// Installs the handler once (idempotent) and registers GDAL drivers.
void initGdal();
// Where log lines go (default: stderr for warnings and errors only).
void setLogSink(LogSink sink);
void log(LogLevel level, const std::string& message);

// Collects GDAL errors raised while it lives on this thread.
class GdalErrorScope {
public:
    GdalErrorScope();
    ~GdalErrorScope();
    const std::string& lastError() const;
    GdalErrorScope(const GdalErrorScope&) = delete;
    GdalErrorScope& operator=(const GdalErrorScope&) = delete;

private:
    std::string mError;
    GdalErrorScope* mPrevious = nullptr;
    friend bool recordScopeError(const std::string&);
};

} // namespace gis::io
