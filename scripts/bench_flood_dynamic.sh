#!/usr/bin/env bash
# Benchmark of the dynamic flood model (BENCHMARKS.md, "Flood tier 2"): kernel cell-steps/s on a wet
# 1,000 × 1,000 grid beside the machine's streaming-copy bandwidth (same run), then the full Carlisle 2005 event
# through urbis-cli (run time, mass error) and a max-depth PNG over a hillshade.
#   scripts/bench_flood_dynamic.sh [BUILD_DIR] [OUT_DIR]      (defaults: build, /tmp/urbis-flood-bench)
#   SKIP_CARLISLE=1 scripts/bench_flood_dynamic.sh ...        kernel only
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-/tmp/urbis-flood-bench}
mkdir -p "$out"
echo "== machine"
nproc; grep -m1 "model name" /proc/cpuinfo || true; uptime

echo "== kernel: 1000 x 1000, 200 steps, 5 repeats (medians)"
"$build/bin/bench_flood_dynamic" --size 1000 --steps 200 --repeats 5 --stats-every 1
"$build/bin/bench_flood_dynamic" --size 1000 --steps 200 --repeats 5 --stats-every 10
"$build/bin/bench_flood_dynamic" --size 1000 --steps 200 --repeats 5 --stats-every 1 --threads 1

[ "${SKIP_CARLISLE:-0}" = 1 ] && exit 0
data=${URBIS_DATA_DIR:-$here/../shared/data}/flood-carlisle-2005-lisflood
echo "== Carlisle 2005, 68.25 h (docs/flood-carlisle.run.json)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, CPU %P, max RSS %M kB" \
    "$build/bin/urbis-cli" flood simulate "$here/docs/flood-carlisle.run.json" --out "$out/carlisle" --json \
    > "$out/carlisle/summary.json" 2> >(tee "$out/carlisle-log.txt" >&2)
grep -E '"(mass_error_fraction|max_depth|flooded_area_m2|steps|wall_seconds|cell_steps_per_second)"' \
    "$out/carlisle/summary.json"

echo "== max-depth map: $out/carlisle-max-depth.png"
cd "$out"
gdaldem hillshade -q -z 3 "$data/carlisle-5m-dem.tif" hs.tif
# Hillshade 1..255 -> light greys (0 is the hillshade's nodata and would take the first entry's colour).
printf '1 90 90 90\n255 245 245 245\n' > grey.txt
gdaldem color-relief -q hs.tif grey.txt hs_rgb.tif
# Classed depth ramp of FLOOD.md (0.05 / 0.1 / 0.3 / 0.5 / 1 / 2 m); dry and nodata -> 0 0 0 = transparent below.
cat > ramp.txt <<'RAMP'
nv 0 0 0
0 0 0 0
0.0499 0 0 0
0.05 198 219 239
0.1 158 202 225
0.3 107 174 214
0.5 66 146 198
1 33 113 181
2 8 81 156
4 8 48 107
RAMP
gdaldem color-relief -q -nearest_color_entry carlisle/max_depth.tif ramp.txt depth_rgb.tif
gdalbuildvrt -q -srcnodata "0 0 0" -vrtnodata "none" mosaic.vrt hs_rgb.tif depth_rgb.tif
gdal_translate -q -of PNG mosaic.vrt carlisle-max-depth.png
echo "wrote $out/carlisle-max-depth.png"
