#!/usr/bin/env bash
# Flood tiers 0 and 1 against GRASS r.lake on the same DEM and seed, in the same run (issue 5, "Speed"; results
# in BENCHMARKS.md). Not part of ctest.
#
#   scripts/bench_flood_static.sh [BUILD_DIR] [SIZE] [RUNS]      (defaults: build 4000 3)
#
# 1. bench_flood_static generates the synthetic SIZE x SIZE DEM (written as a GeoTIFF) and times the gis
#    kernels (tier 0 one level / all levels / a level from the model; tier 1 fill, D8, ponding).
# 2. urbis-cli flood static end to end (read the GeoTIFF, flood, write the depth GeoTIFF), RUNS times.
# 3. GRASS (grass-core, --tmp-location): r.in.gdal once, then r.lake at the same level from the same seed
#    RUNS times; then our depth raster is imported and compared cell by cell with r.lake's lake map.
# Times are wall and user+sys CPU seconds (/usr/bin/time); every program here is single-threaded.
set -euo pipefail
BUILD=${1:-build}
SIZE=${2:-4000}
RUNS=${3:-3}
BENCH="$BUILD/bin/bench_flood_static"
CLI="$BUILD/bin/urbis-cli"
for exe in "$BENCH" "$CLI"; do
    [[ -x "$exe" ]] || { echo "missing $exe: build bench_flood_static and urbis-cli first" >&2; exit 1; }
done
command -v grass >/dev/null || { echo "GRASS GIS is not installed (apt install grass-core)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BENCH=$(realpath "$BENCH")
CLI=$(realpath "$CLI")

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== gis kernels (bench_flood_static --size $SIZE --runs $RUNS)"
"$BENCH" --size "$SIZE" --runs "$RUNS" --write-dem "$WORK/dem.tif" --json >"$WORK/bench.json"
jq . "$WORK/bench.json"
X=$(jq -r .seed_x "$WORK/bench.json")
Y=$(jq -r .seed_y "$WORK/bench.json")
LEVEL=$(jq -r .level "$WORK/bench.json")

echo "== urbis-cli flood static --dem dem.tif --level $LEVEL --seed $X,$Y --out depth.tif --json ($RUNS runs)"
for i in $(seq "$RUNS"); do
    /usr/bin/time -f "urbis-cli wall %e s, CPU %U+%S s" \
        "$CLI" flood static --dem "$WORK/dem.tif" --level "$LEVEL" --seed "$X,$Y" --out "$WORK/depth.tif" \
        --json >"$WORK/cli.json"
done
jq -c '{flooded_cells, area_m2, volume_m3, max_depth, unconnected_cells, seconds}' "$WORK/cli.json"

echo "== $(grass --version 2>&1 | head -1): r.lake water_level=$LEVEL coordinates=$X,$Y ($RUNS runs)"
cat >"$WORK/grass.sh" <<EOF
set -e
r.in.gdal -o --quiet input="$WORK/dem.tif" output=dem
g.region raster=dem
for i in \$(seq $RUNS); do
    /usr/bin/time -f "r.lake wall %e s, CPU %U+%S s" \
        r.lake --overwrite --quiet elevation=dem water_level=$LEVEL lake=lake coordinates=$X,$Y
done
eval \$(r.univar -g map=lake)
echo "r.lake: \$n cells flooded, volume \$(echo "\$sum * $(jq -r '.cell_size // 2' "$WORK/cli.json")^2" | bc -l) m3, max depth \$max"
r.in.gdal -o --quiet input="$WORK/depth.tif" output=ours
r.mapcalc --quiet "diff = if(isnull(lake), 0, 1) != if(isnull(ours) || ours <= 0, 0, 1)"
eval \$(r.univar -g map=diff)
echo "cells where urbis-cli and r.lake disagree: \$(printf '%.0f' \$sum) of \$n"
EOF
grass --tmp-location EPSG:32650 --exec bash "$WORK/grass.sh" 2>&1 | grep -E "^(r\.lake|cells where)"
