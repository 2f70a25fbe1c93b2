#!/usr/bin/env bash
# Installs every Debian 12 package Urbis needs to build, run and test (idempotent, quiet when all is present),
# then configures and builds in Release. Usage: scripts/setup.sh [--no-build]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6opengl6-dev libqt6charts6-dev libqt6svg6 libgl1-mesa-dev libglu1-mesa-dev
  libopenscenegraph-dev openscenegraph
  libgdal-dev gdal-bin libproj-dev proj-bin proj-data libgeos-dev
  libcgal-dev libgmp-dev libmpfr-dev libboost-dev
  libembree-dev libtbb-dev nlohmann-json3-dev libcitygml-dev
  xvfb xauth mesa-utils libgl1-mesa-dri x11-utils
  fonts-noto-cjk tzdata
  poppler-utils
  postgresql-15 postgresql-15-postgis-3
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "urbis setup: installing ${#missing[@]} missing package(s): ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "${1:-}" = "--no-build" ] && exit 0

build="${URBIS_BUILD_DIR:-$here/build}"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j "${URBIS_JOBS:-2}"
