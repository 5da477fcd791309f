#!/usr/bin/env bash
# The 200,000-building benchmark city (bench/sql/city.sql) in the 3D view at three distances: serves its footprints
# from PostGIS extruded by height_m, photographs the buildings' 3D view from the distance of the whole city, a
# district and a street (conformance-tests/tiles3d/cesium-views.mjs: Debian's headless Chromium, CesiumJS at its
# default screen-space error), keeps the screenshots and the ids of the buildings each view drew under
# bench/work/city-views/, and writes bench/RESULTS-city-views.md: what each view drew (tiles, buildings, deepest
# level, seconds), tile failures, and how evenly the city view covers the city's hundred square kilometres. Takes
# minutes: a benchmark, not a test. Loopback only; builds the jar (with CesiumJS) when it is missing or without it.
#
# Environment (all optional):
#   BENCH_VIEWS_DB   a database holding the city (default: urbis_bench when it holds the city, else
#                    urbis_bench_views, made from city.sql when it does not)
#   VIEW_SIZE=960x600 VIEW_TIMEOUT_S=1200   the window, and how long a view may take to load
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost/5432/postgres/postgres)
set -euo pipefail

BENCH_NAME=city-views
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
CHECKS="$ROOT/conformance-tests/tiles3d"
BUILDINGS=200000
# a frame of the whole city drawn in software takes tens of seconds on busy cores: fewer pixels, more patience
VIEW_SIZE="${VIEW_SIZE:-960x600}"
VIEW_TIMEOUT_S="${VIEW_TIMEOUT_S:-1200}"

holds_city() { [[ "$(psql -X -d "$1" -Atqc 'select count(*) from public.buildings' 2>/dev/null)" == "$BUILDINGS" ]]; }
if [[ -n "${BENCH_VIEWS_DB:-}" ]]; then
  DB="$BENCH_VIEWS_DB"
elif holds_city urbis_bench; then
  DB=urbis_bench
else
  DB=urbis_bench_views
fi
if ! holds_city "$DB"; then
  log "creating database $DB from bench/sql/city.sql"
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$BENCH_DIR/sql/city.sql" >/dev/null
fi

# the 3D view needs the jar's CesiumJS, which a jar built with -Dcesium.skip=true lacks
if [[ ! -f "$JAR" ]] || ! unzip -l "$JAR" assets/cesium/Cesium.js >/dev/null 2>&1; then
  log "building the jar with CesiumJS"
  (cd "$ROOT" && mvn -B -q -pl server -am -DskipTests package)
fi
[[ -d "$CHECKS/node_modules" ]] || (cd "$CHECKS" && npm ci --no-audit --no-fund >/dev/null)

rm -rf "$WORK"
mkdir -p "$WORK"
printf 'host: 127.0.0.1\ntiles3d:\n  extrude:\n    buildings: {height: height_m}\n' > "$WORK/urbis.yaml"
PORT="$(free_port)"
start_server "$WORK/server.log" "$PORT" health 60 -Xmx2g -jar "$JAR" serve --config "$WORK/urbis.yaml" --port "$PORT" \
  "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "photographing the buildings' 3D view (load $load_before)"
status=0
(cd "$CHECKS" && VIEW_SIZE="$VIEW_SIZE" VIEW_TIMEOUT_S="$VIEW_TIMEOUT_S" node cesium-views.mjs "http://127.0.0.1:$PORT/collections/buildings?f=html" "$WORK") \
  > "$WORK/views.json" 2> "$WORK/views.log" || status=$?
log "cesium-views.mjs exited with $status: $(tail -1 "$WORK/views.json")"
stop_server

python3 - "$WORK" "$BENCH_DIR/RESULTS-city-views.md" "$(git -C "$ROOT" rev-parse --short HEAD)" "$DB" \
  "$load_before" "$status" "$VIEW_SIZE" <<'PY'
import datetime, json, re, statistics, sys
work, out, commit, db, load_before, status, size = sys.argv[1:]
summary = json.loads(open(f"{work}/views.json").read().strip().splitlines()[-1])
index = re.search(r"3D tiles of buildings: ([0-9,]+) tiles with content on ([0-9]+) levels, indexed in ([0-9]+) ms",
                  open(f"{work}/server.log").read())
load_after = " ".join(open("/proc/loadavg").read().split()[:3])

# city.sql numbers its buildings row by row over a grid of 500 columns of 20 m and 400 rows of 25 m: a building's id
# tells its square kilometre (50 columns by 40 rows of the grid)
def squares(view):
  counts = {}
  for line in open(f"{work}/{view}-features.txt"):
    index_in_grid = int(line) - 1
    square = (index_in_grid % 500 // 50, index_in_grid // 500 // 40)
    counts[square] = counts.get(square, 0) + 1
  return counts

with open(out, "w") as report:
  report.write("# The 200,000-building city in the 3D view at three distances\n\n")
  report.write(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `bench/city-views.sh` "
               f"(commit {commit}) on database `{db}` (bench/sql/city.sql: 200,000 footprints over 10 x 10 km, "
               f"served from PostGIS extruded by `height_m`); `conformance-tests/tiles3d/cesium-views.mjs` in "
               f"Debian's headless Chromium (CesiumJS at its default screen-space error, software rendering, "
               f"{size.replace('x', ' x ')} pixels, looking down at 45°) on the same 2 cores as the server and PostgreSQL, shared "
               f"with other work (load average {load_before} before, {load_after} after).\n\n")
  if index:
    report.write(f"Tile index: {index[1]} tiles with content on {index[2]} levels, built in {index[3]} ms on the "
                 f"first request.\n\n")
  report.write("| view | camera | tiles drawn | buildings drawn | deepest level | square kilometres with buildings "
               "(of 100) | buildings per square kilometre: min / median / max | seconds to load |\n"
               "|---|---|---:|---:|---:|---:|---|---:|\n")
  cameras = {"city": "the tileset's bounding sphere filling the view", "district": "3 km from the middle",
             "street": "400 m from the middle"}
  for view, camera in cameras.items():
    drawn = summary["views"].get(view)
    if not drawn:
      report.write(f"| {view} | {camera} | not reached | | | | | |\n")
      continue
    counts = squares(view)
    per_square = sorted(counts.get((x, y), 0) for x in range(10) for y in range(10))
    report.write(f"| {view} | {camera} | {drawn['tiles']:,} | {drawn['buildings']:,} | {drawn['deepestLevel']} | "
                 f"{len(counts)} | {per_square[0]:,} / {statistics.median(per_square):,.0f} / {per_square[-1]:,} | "
                 f"{drawn['seconds']:.1f} |\n")
  report.write(f"\nTile failures: {summary['failed']}; viewer error: {summary['error'] or 'none'}; "
               f"cesium-views.mjs exit status {status}. Console errors: "
               f"{'; '.join(summary['consoleErrors']) or 'none'}.\n\n")
  report.write("The screenshots (`city.png`, `district.png`, `street.png`) and the ids each view drew stay in "
               "`bench/work/city-views/`, not in the repository.\n")
PY
log "wrote bench/RESULTS-city-views.md"
exit "$status"
