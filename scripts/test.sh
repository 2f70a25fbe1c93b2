#!/usr/bin/env bash
# Installs what is missing, builds in Release and runs the whole test suite (under xvfb-run when there is no
# display, so the rendering and GUI tests run too).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
build="${URBIS_BUILD_DIR:-$here/build}"
cd "$build"
run=(ctest --output-on-failure --timeout 600 -j "${URBIS_TEST_JOBS:-2}")
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}" "$@"
fi
exec "${run[@]}" "$@"
