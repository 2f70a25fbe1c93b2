#include "gis/io/gdal_log.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <cstdio>
#include <mutex>

namespace gis::io {

bool recordScopeError(const std::string& text);

namespace {
std::mutex gSinkMutex;
LogSink gSink;

void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* msg) {
    const std::string text = msg ? msg : "";
    if (level == CE_Debug) {
        log(LogLevel::Debug, "GDAL: " + text);
        return;
    }
    // An error inside a GdalErrorScope is returned to the caller as part of its message; log it at debug
    // level so it is not printed twice.
    if (level >= CE_Failure && recordScopeError(text)) {
        log(LogLevel::Debug, "GDAL error: " + text);
        return;
    }
    log(level == CE_Warning ? LogLevel::Warning : (level >= CE_Failure ? LogLevel::Error : LogLevel::Info),
        "GDAL: " + text);
}
} // namespace

void initGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(handler);
        // Traditional GIS axis order everywhere (x = east/lon), see shared/design/FORMATS.md.
        CPLSetConfigOption("OSR_DEFAULT_AXIS_MAPPING_STRATEGY", "TRADITIONAL_GIS_ORDER");
    });
}

void setLogSink(LogSink sink) {
    std::lock_guard lock(gSinkMutex);
    gSink = std::move(sink);
}

void log(LogLevel level, const std::string& message) {
    std::lock_guard lock(gSinkMutex);
    if (gSink) {
        gSink(level, message);
        return;
    }
    if (level == LogLevel::Warning || level == LogLevel::Error)
        std::fprintf(stderr, "%s\n", message.c_str());
}

namespace {
thread_local GdalErrorScope* tScope = nullptr;
}

// Every open scope on this thread sees the error (an inner scope does not hide it from an outer one).
bool recordScopeError(const std::string& text) {
    for (GdalErrorScope* s = tScope; s; s = s->mPrevious)
        s->mError = text;
    return tScope != nullptr;
}

GdalErrorScope::GdalErrorScope() : mPrevious(tScope) {
    tScope = this;
    CPLErrorReset();
}

GdalErrorScope::~GdalErrorScope() {
    tScope = mPrevious;
}

const std::string& GdalErrorScope::lastError() const {
    return mError;
}

} // namespace gis::io
