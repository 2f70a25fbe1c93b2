// PLACEHOLDER (being written): urbis-cli import.
#include "app/cli/cli_common.h"

namespace app::cli {
int runImport(const QStringList&) {
    return fail("import", "not available yet");
}
} // namespace app::cli
