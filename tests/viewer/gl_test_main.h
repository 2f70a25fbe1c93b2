#pragma once
// main() for GL tests: a compatibility-profile surface format before the application, the xcb platform, and
// no display handling — without DISPLAY the test functions QSKIP, or QFAIL when the CI variable is set (a
// skip must never hide a requirement in CI).
#include "viewer/qt/viewer_widget.h"

#include <QCoreApplication>
#include <QTest>

#include <memory>

namespace urbis_test {

inline bool haveDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY");
}

} // namespace urbis_test

// Use at the start of every GL test function (or in initTestCase).
#define URBIS_REQUIRE_DISPLAY()                                                                              \
    do {                                                                                                     \
        if (!urbis_test::haveDisplay()) {                                                                    \
            if (!qEnvironmentVariableIsEmpty("CI"))                                                          \
                QFAIL("DISPLAY is not set but CI is: GL tests must run under xvfb-run in CI");               \
            QSKIP("needs an X server: set DISPLAY or run under xvfb-run");                                   \
        }                                                                                                    \
    } while (false)

#define URBIS_GL_TEST_MAIN(TestClass, AppClass)                                                              \
    int main(int argc, char** argv) {                                                                        \
        std::unique_ptr<QCoreApplication> app;                                                               \
        if (urbis_test::haveDisplay()) {                                                                     \
            viewer::setDefaultSurfaceFormat();                                                               \
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))                                              \
                qputenv("QT_QPA_PLATFORM", "xcb");                                                           \
            app = std::make_unique<AppClass>(argc, argv);                                                    \
        } else {                                                                                             \
            app = std::make_unique<QCoreApplication>(argc, argv);                                            \
        }                                                                                                    \
        TestClass test;                                                                                      \
        return QTest::qExec(&test, argc, argv);                                                              \
    }
