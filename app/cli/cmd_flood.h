#pragma once
// urbis-cli flood SUBCOMMAND: static water level (tier 0), depression filling (tier 1) and the 2D dynamic
// model (tier 2). runFlood (cli_common.h) dispatches to these; args exclude "flood" and the tier name.
#include <QStringList>

namespace app::cli {

int runFloodStatic(const QStringList& args);   // cmd_flood_static.cpp
int runFloodFill(const QStringList& args);     // cmd_flood_static.cpp
int runFloodSimulate(const QStringList& args); // cmd_flood_simulate.cpp

} // namespace app::cli
