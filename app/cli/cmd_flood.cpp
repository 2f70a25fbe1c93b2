// urbis-cli flood: dispatches to the tier subcommands.
#include "app/cli/cmd_flood.h"
#include "app/cli/cli_common.h"

namespace app::cli {

namespace {
const char* kFloodUsage = R"(Usage: urbis-cli flood TIER [OPTIONS]

Tiers:
  static    --dem FILE --level M (--seed X,Y | --seed-file FILE | --edge) [--connectivity 4|8]
            --out DEPTH.tif [--json]          flooded area for a water level connected to the seeds
  fill      --dem FILE --out FILLED.tif [--depth-out FILE.tif] [--json]
                                              depression filling (Priority-Flood), depth in sinks
  simulate  RUN.json --out DIR [--json]       2D local-inertial model (rain, inflows, boundaries, gauges)

Run 'urbis-cli flood TIER --help' for the options of one tier.)";
}

int runFlood(const QStringList& args) {
    if (args.isEmpty() || args.front() == "--help" || args.front() == "-h") {
        (args.isEmpty() ? printErr : printOut)(kFloodUsage);
        return args.isEmpty() ? kUsage : kOk;
    }
    const QString tier = args.front();
    const QStringList rest = args.mid(1);
    if (tier == "static")
        return runFloodStatic(rest);
    if (tier == "fill")
        return runFloodFill(rest);
    if (tier == "simulate")
        return runFloodSimulate(rest);
    printErr(QString("urbis-cli flood: unknown tier '%1'\n").arg(tier) + kFloodUsage);
    return kUsage;
}

} // namespace app::cli
