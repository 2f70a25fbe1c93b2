// urbis-cli: a thin entry point; every subcommand lives in urbis_cli_lib and calls the same library code as
// the GUI.
#include "app/cli/cli_common.h"
#include "viewer/qt/viewer_widget.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {
const char* kUsage = R"(Usage: urbis-cli SUBCOMMAND [OPTIONS]

Subcommands:
  info PATH [--json]              what a dataset or project is: format, CRS, layers, extents
  render (PROJECT | --demo | --input FILE...) --out FILE.png [--width W --height H]
         [--view EAST,NORTH,HEIGHT,HEADING,PITCH] [--json]
                                  render the scene offscreen to a PNG (needs an X server)
  demo --out PROJECT [--buildings N] [--seed S] [--json]
                                  write the built-in demo city as a project
  import PROJECT FILE... [--assume-crs CRS] [--height-field F | --levels-field F --storey-height M] [--json]
                                  add datasets to a project (created when missing)
  export-zones PROJECT --to "PG:host=... port=... dbname=... user=..." [--layer ID] [--table NAME]
         [--overwrite] [--json]
                                  write a zoning layer to a PostGIS table (one transaction)
  bench [--buildings 1000,10000,100000] [--frames N] [--json]
                                  rendering and memory benchmark (needs an X server)
  sun-position --lat DEG --lon DEG --time ISO8601 [--tz ZONE] [--no-refraction] [--json]
                                  sun position (NREL SPA), sunrise, transit, sunset, true solar time
  sunlight --buildings FILE --points FILE (--preset NAME | --date D --window HH:MM-HH:MM --time-base B)
         [--out FILE.csv] [--proposal FILE] [--report FILE.pdf] [--json]
                                  sunlight hours of points (shadow rays, intervals to 1 s, presets)
  shadows --buildings FILE --date D --time HH:MM [--time-base solar|clock] [--tz ZONE] [--out FILE.gpkg]
                                  shadow outlines of the buildings at one instant
  isochrones --hours HOURS.tif --levels 1,2,3 --out FILE.gpkg
                                  lines of equal sunlight hours of an hour map
  flood static|fill|simulate ...  flood analysis: static water level, depression filling, 2D dynamic model

Run 'urbis-cli SUBCOMMAND --help' for the options of one subcommand.
Exit codes: 0 success, 1 failure, 2 usage error.)";
}

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        std::fputs("\n", argc < 2 ? stderr : stdout);
        return argc < 2 ? app::cli::kUsage : app::cli::kOk;
    }
    if (std::strcmp(argv[1], "--version") == 0) {
        std::puts("urbis-cli 0.1.0");
        return 0;
    }
    const QString sub = QString::fromLocal8Bit(argv[1]);
    const bool needsGl = sub == "render" || sub == "bench";
    // GL subcommands need a QGuiApplication on xcb (an X server); the others only QtCore. Without DISPLAY we
    // must not construct a QGuiApplication (it aborts): the subcommand then reports the missing X server
    // itself.
    // `sunlight --report` draws a PDF (fonts need a QGuiApplication, but no GL and no X server).
    bool needsFonts = false;
    for (int i = 2; i < argc && sub == "sunlight"; ++i)
        needsFonts |= std::strncmp(argv[i], "--report", 8) == 0;
    std::unique_ptr<QCoreApplication> qapp;
    if (needsFonts) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qapp = std::make_unique<QGuiApplication>(argc, argv);
    } else if (needsGl && !qEnvironmentVariableIsEmpty("DISPLAY")) {
        viewer::setDefaultSurfaceFormat();
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "xcb");
        qapp = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        qapp = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName("urbis-cli");
    QCoreApplication::setOrganizationName("Urbis");

    QStringList args = QCoreApplication::arguments();
    args = args.mid(2);
    try {
        if (sub == "info")
            return app::cli::runInfo(args);
        if (sub == "demo")
            return app::cli::runDemo(args);
        if (sub == "render")
            return app::cli::runRender(args);
        if (sub == "export-zones")
            return app::cli::runExportZones(args);
        if (sub == "bench")
            return app::cli::runBench(args);
        if (sub == "sun-position")
            return app::cli::runSunPosition(args);
        if (sub == "sunlight")
            return app::cli::runSunlight(args);
        if (sub == "shadows")
            return app::cli::runShadows(args);
        if (sub == "isochrones")
            return app::cli::runIsochrones(args);
        if (sub == "import")
            return app::cli::runImport(args);
        if (sub == "flood")
            return app::cli::runFlood(args);
    } catch (const std::exception& e) {
        return app::cli::fail(sub, QString("internal error: %1").arg(e.what()));
    }
    app::cli::printErr(QString("urbis-cli: unknown subcommand '%1'\n").arg(sub) + kUsage);
    return app::cli::kUsage;
}
