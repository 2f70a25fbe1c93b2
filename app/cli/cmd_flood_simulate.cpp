// PLACEHOLDER (being written): urbis-cli flood simulate.
#include "app/cli/cli_common.h"
#include "app/cli/cmd_flood.h"

namespace app::cli {
int runFloodSimulate(const QStringList&) {
    return fail("flood simulate", "not available yet");
}
} // namespace app::cli
