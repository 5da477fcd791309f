#!/usr/bin/env bash
# Vector tile sizes per zoom before and after the tile budget: serves the benchmark city (bench/sql/city.sql, 200,000
# buildings) with the jar of this tree and, when BEFORE_JAR is given, with an older one (e.g. one built from the
# commit before the budget), each without tile cache, one after the other; fetches every WebMercatorQuad tile of the
# buildings', the roads' and the dataset's tile sets from zoom 8 to 16 and builds each zoom's heaviest tile three
# times more, and with the new jar also the tile that was heaviest before (tile_sizes.py); writes
# bench/RESULTS-tile-sizes.md. Loopback only; builds the jar if it is missing.
#
# Environment (all optional):
#   BEFORE_JAR=path/to/urbis.jar   the jar to compare with (without it, only "after" is measured)
#   BENCH_TILES_DB=urbis_bench     a database holding the city (made from city.sql when it does not)
#   BENCH_TILES_ZOOMS=8-16         BENCH_TILES_SETS=/collections/buildings/tiles,/collections/roads/tiles,/tiles
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost/5432/postgres/postgres)
set -euo pipefail

BENCH_NAME=tile-sizes
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB="${BENCH_TILES_DB:-urbis_bench}"
ZOOMS="${BENCH_TILES_ZOOMS:-8-16}"
SETS="${BENCH_TILES_SETS:-/collections/buildings/tiles,/collections/roads/tiles,/tiles}"

mkdir -p "$WORK"
if [[ "$(psql -X -d "$DB" -Atqc 'select count(*) from public.buildings' 2>/dev/null)" != 200000 ]]; then
  log "creating database $DB from bench/sql/city.sql"
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$BENCH_DIR/sql/city.sql" >/dev/null
fi
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -B -q -pl server -am -DskipTests -Dcesium.skip=true package)
printf 'host: 127.0.0.1\ntiles:\n  cacheBytes: 0\n' > "$WORK/urbis.yaml"

# measure LABEL JAR: one server of JAR, every tile fetched, the JSON in $WORK/LABEL.json
measure() {
  local label="$1" jar="$2" port
  port="$(free_port)"
  cp -p "$jar" "$WORK/$label.jar"
  start_server "$WORK/$label.log" "$port" health 60 -Xmx1g -jar "$WORK/$label.jar" serve --config "$WORK/urbis.yaml" \
    --port "$port" "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB"
  log "$label: load $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 "$BENCH_DIR/tile_sizes.py" measure --base "http://127.0.0.1:$port" --label "$label" \
    --out "$WORK/$label.json" --tile-sets "$SETS" --first "${ZOOMS%-*}" --last "${ZOOMS#*-}" "${@:3}"
  stop_server
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
runs=()
if [[ -n "${BEFORE_JAR:-}" ]]; then
  measure before "$BEFORE_JAR"
  runs+=("$WORK/before.json")
fi
measure after "$JAR" ${BEFORE_JAR:+--compare "$WORK/before.json"}
runs+=("$WORK/after.json")
python3 "$BENCH_DIR/tile_sizes.py" report "${runs[@]}" --out "$BENCH_DIR/RESULTS-tile-sizes.md" \
  --date "$(date -u '+%Y-%m-%d %H:%M UTC')" --commit "$(git -C "$ROOT" rev-parse --short HEAD)" \
  --before-jar "$(basename "${BEFORE_JAR:-none}")" --cores "$(nproc)" \
  --load "$load_before before, $(cut -d' ' -f1-3 /proc/loadavg) at the end" \
  --first "${ZOOMS%-*}" --last "${ZOOMS#*-}"
log "done: $BENCH_DIR/RESULTS-tile-sizes.md"
