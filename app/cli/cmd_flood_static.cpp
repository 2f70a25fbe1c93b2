// PLACEHOLDER (being written): urbis-cli flood static / fill.
#include "app/cli/cli_common.h"
#include "app/cli/cmd_flood.h"

namespace app::cli {
int runFloodStatic(const QStringList&) {
    return fail("flood static", "not available yet");
}
int runFloodFill(const QStringList&) {
    return fail("flood fill", "not available yet");
}
} // namespace app::cli
