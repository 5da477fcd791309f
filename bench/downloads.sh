#!/usr/bin/env bash
# Downloads of the 200,000-building benchmark city (bench/sql/city.sql): serves the database from PostGIS, downloads
# /collections/buildings/items as GeoPackage (f=gpkg) and CSV (f=csv), one after the other, and records for each the
# time, the size, the features in the file (GDAL's count of the GeoPackage, the CSV's records) and how the server's
# memory grew: its resident set (VmRSS, sampled every 0.1 s during the download, the highest sample against the one
# before) and its Java heap in use after a full GC before and after (jcmd GC.heap_info). Target: less than 100 MB of
# growth. Writes bench/RESULTS-downloads.md. A benchmark, not a test; loopback only; builds the jar when missing.
#
# Environment (all optional):
#   BENCH_DOWNLOADS_DB  a database holding the city (default urbis_bench, made from city.sql when it does not)
#   HEAP=1g             the server's -Xmx
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost/5432/postgres/postgres)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
WORK="$BENCH_DIR/work/downloads"
JAR="$ROOT/server/target/urbis.jar"
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
BUILDINGS=200000
DB="${BENCH_DOWNLOADS_DB:-urbis_bench}"
HEAP="${HEAP:-1g}"
SERVER_PID=""

log() { printf '[downloads %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

holds_city() { [[ "$(psql -X -d "$1" -Atqc 'select count(*) from public.buildings' 2>/dev/null)" == "$BUILDINGS" ]]; }
if ! holds_city "$DB"; then
  log "creating database $DB from bench/sql/city.sql"
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$BENCH_DIR/sql/city.sql" >/dev/null
fi
if [[ ! -f "$JAR" ]]; then
  log "building the jar"
  (cd "$ROOT" && mvn -B -q -o -Dcesium.skip=true -pl server -am -DskipTests package)
fi

rm -rf "$WORK"
mkdir -p "$WORK"
printf 'host: 127.0.0.1\n' > "$WORK/urbis.yaml"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
java "-Xmx$HEAP" -jar "$JAR" serve --config "$WORK/urbis.yaml" --port "$PORT" \
  "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  kill -0 "$SERVER_PID" 2>/dev/null || { log "the server exited:"; tail -5 "$WORK/server.log"; exit 1; }
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 1
done
# one small request of each kind first, so that the classes the downloads use are loaded before measuring
curl -sf -o /dev/null "http://127.0.0.1:$PORT/collections/buildings/items?f=csv&limit=10"
curl -sf -o /dev/null "http://127.0.0.1:$PORT/collections/buildings/items?f=gpkg&limit=10"

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
heap_kb() {
  jcmd "$SERVER_PID" GC.run >/dev/null
  jcmd "$SERVER_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'
}

matched="$(curl -sf "http://127.0.0.1:$PORT/collections/buildings/items?limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["numberMatched"])')"
: > "$WORK/results.tsv"
for format in gpkg csv; do
  file="$WORK/buildings.$format"
  heap_before="$(heap_kb)"
  rss_before="$(rss_kb)"
  curl -sf -o "$file" -w '%{time_total} %{size_download}\n' \
    "http://127.0.0.1:$PORT/collections/buildings/items?f=$format" > "$WORK/curl-$format.txt" &
  curl_pid=$!
  rss_peak="$rss_before"
  while kill -0 "$curl_pid" 2>/dev/null; do
    rss="$(rss_kb)"
    (( rss > rss_peak )) && rss_peak="$rss"
    sleep 0.1
  done
  wait "$curl_pid"
  heap_after="$(heap_kb)"
  read -r seconds bytes < "$WORK/curl-$format.txt"
  if [[ "$format" == gpkg ]]; then
    features="$(ogrinfo -ro -so "$file" buildings | sed -n 's/^Feature Count: //p')"
  else
    features="$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))) - 1)' "$file")"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$format" "$seconds" "$bytes" "$features" "$rss_before" "$rss_peak" \
    "$heap_before" "$heap_after" >> "$WORK/results.tsv"
  log "$format: $seconds s, $bytes bytes, $features features, RSS $rss_before -> $rss_peak kB"
  rm -f "$file"
done
stop_server

python3 - "$WORK/results.tsv" "$BENCH_DIR/RESULTS-downloads.md" "$matched" "$HEAP" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import datetime, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
out, matched, heap, cores, load = sys.argv[2:7]
names = {"gpkg": "GeoPackage (`f=gpkg`)", "csv": "CSV (`f=csv`)"}
with open(out, "w") as report:
  report.write("# Downloads of the 200,000-building city\n\n")
  report.write(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `bench/downloads.sh`: "
               f"`/collections/buildings/items` of `bench/sql/city.sql` served from PostGIS (numberMatched "
               f"{int(matched):,}), the server started with `-Xmx{heap}`, on {cores} cores shared with PostgreSQL and "
               f"the client (load average before: {load}).\n\n")
  report.write("| download | seconds | megabytes | features in the file | RSS before (MB) | RSS peak (MB) | "
               "RSS growth (MB) | heap after full GC before / after (MB) |\n|---|---|---|---|---|---|---|---|\n")
  for fmt, seconds, size, features, rss0, rss1, heap0, heap1 in rows:
    growth = (int(rss1) - int(rss0)) / 1024
    report.write(f"| {names[fmt]} | {float(seconds):.1f} | {int(size) / 1e6:.1f} | {int(features):,} | "
                 f"{int(rss0) / 1024:.0f} | {int(rss1) / 1024:.0f} | {growth:.0f} | "
                 f"{int(heap0) / 1024:.0f} / {int(heap1) / 1024:.0f} |\n")
  worst = max((int(r[5]) - int(r[4])) / 1024 for r in rows)
  report.write(f"\nTarget: the server's memory grows by less than 100 MB: {'met' if worst < 100 else 'NOT met'} "
               f"(largest RSS growth {worst:.0f} MB). The features of each file equal numberMatched: "
               f"{'yes' if all(int(r[3]) == int(matched) for r in rows) else 'NO'}.\n\n")
  report.write("RSS is sampled every 0.1 s while the download runs; the growth is the highest sample less the one "
               "before the download. The heap columns are the Java heap in use after a full GC (jcmd GC.run) before "
               "and after: what the download left behind. The CSV is written to the socket as PostgreSQL's "
               "server-side cursor delivers pages of 10,000 features; the GeoPackage is written by sqlite-jdbc into "
               "a temporary file in batches of 1,000 rows, then sent and deleted.\n")
PY
log "wrote bench/RESULTS-downloads.md"
