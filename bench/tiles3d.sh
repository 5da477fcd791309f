#!/usr/bin/env bash
# Urbis 3D Tiles benchmark: loads the Wesel building footprints (shared test data; the generated test city when
# absent) into PostGIS unless the database holds them already, seeds every 3D tile with `urbis seed --3d` (three
# times, into an emptied cache directory), then serves them extruded by height and builds every tile on request
# from the database and again from the memory cache, and writes bench/RESULTS-tiles3d.md. Loopback only; builds
# the server jar; needs node, npm and ogr2ogr.
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost/5432/postgres/postgres)
set -euo pipefail

BENCH_NAME=tiles3d
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
CHECKS="$ROOT/conformance-tests/tiles3d"
# the shared test data beside the repository (../shared/data), found from a worktree further down too, as the tests
# find it (SharedData)
shared_data() {
  local dir="$ROOT"
  while [[ "$dir" != / ]]; do
    [[ -d "$dir/shared/data" ]] && { echo "$dir/shared/data"; return; }
    dir="$(dirname "$dir")"
  done
}
FOOTPRINTS="$(shared_data)/nrw_wesel_lod2/wesel_buildings_footprints.gpkg"
DB=urbis_bench3d
PORT="$(free_port)"

mkdir -p "$WORK"
# always: a stale jar would measure old code
(cd "$ROOT" && mvn -B -q -pl server -am -DskipTests -Dcesium.skip=true package)
[[ -d "$CHECKS/node_modules" ]] || (cd "$CHECKS" && npm ci --no-audit --no-fund >/dev/null)

has_table() { [[ -n "$(psql -qAt -d "$DB" -c "SELECT to_regclass('public.$1')" 2>/dev/null)" ]]; }
create_database() {
  [[ -n "$(psql -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]] \
    || psql -q -d postgres -c "CREATE DATABASE $DB"
  psql -q -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS postgis"
}
if [[ -f "$FOOTPRINTS" ]]; then
  data="Wesel footprints (6,631 real buildings, extruded by measured_height from ground_z_min)"
  collection=buildings
  extrude="{extrude: {buildings: {height: measured_height, base: ground_z_min}}}"
  # the table is loaded once and kept: other work reads it too
  has_table "$collection" || { create_database; ogr2ogr -f PostgreSQL \
    "PG:host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD dbname=$DB" "$FOOTPRINTS" \
    -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=GIST -preserve_fid; }
else
  data="generated city (400 PolyhedralSurfaceZ blocks)"
  collection=blocks3d
  extrude="{}"
  has_table "$collection" || { create_database; psql -q -d "$DB" -f "$ROOT/server/src/test/resources/io/urbis/tiles3d/city3d.sql"; }
fi
psql -q -d "$DB" -c "VACUUM ANALYZE"
DB_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB"
echo "tiles3d: $extrude" > "$WORK/urbis.yaml"
printf 'tiles:\n  cacheDirectory: %s\ntiles3d: %s\n' "$WORK/cache" "$extrude" > "$WORK/seed.yaml"

# seeding: the seeder's own summary times the 3D content (JVM start-up, discovery and the tile index excluded)
for run in 1 2 3; do
  rm -rf "$WORK/cache"
  echo "load $(cut -d' ' -f1 /proc/loadavg)" > "$WORK/seed-$run.log"
  log "seeding every 3D tile of $collection, run $run ($(cat "$WORK/seed-$run.log"))"
  java -Xmx1g -jar "$JAR" seed --3d --config "$WORK/seed.yaml" "$DB_URL" >> "$WORK/seed-$run.log" 2>&1
  log "$(grep -h 'urbis seed: ' "$WORK/seed-$run.log")"
done
# information: the C1 JIT alone, which starts cheaper than C2 and so suits a job of seconds on two busy cores
rm -rf "$WORK/cache"
log "seeding with -XX:TieredStopAtLevel=1"
java -Xmx1g -XX:TieredStopAtLevel=1 -jar "$JAR" seed --3d --config "$WORK/seed.yaml" "$DB_URL" > "$WORK/seed-c1.log" 2>&1
log "$(grep -h 'urbis seed: ' "$WORK/seed-c1.log")"

start_server "$WORK/server.log" "$PORT" health 60 -Xmx1g -jar "$JAR" serve --port "$PORT" --config "$WORK/urbis.yaml" \
  "$DB_URL"

log "building every tile of $collection on request"
result=$(cd "$CHECKS" && node bench.mjs "http://localhost:$PORT/collections/$collection/3dtiles" "$WORK/urls.txt" 2)
echo "$result" > "$WORK/result.json"
log "$result"

# cached tiles: curl (a light client) over one keep-alive connection, gzip accepted but not decoded; 1,000
# requests first, uncounted, so that the JIT has compiled the serving path (a server runs for days), then three
# counted rounds; the bytes received are the gzip bytes per building
log "timing the cached tiles"
sed 's/.*/url = "&"\noutput = "\/dev\/null"/' "$WORK/urls.txt" > "$WORK/curl.conf"
warmup=$(( (1000 + $(wc -l < "$WORK/urls.txt") - 1) / $(wc -l < "$WORK/urls.txt") ))
for _ in $(seq 1 "$warmup"); do curl -s -H 'Accept-Encoding: gzip' -K "$WORK/curl.conf" > /dev/null; done
for round in 1 2 3; do
  curl -s -H 'Accept-Encoding: gzip' -K "$WORK/curl.conf" -w '%{time_total} %{size_download}\n' > "$WORK/cached-$round.txt"
done

python3 - "$WORK/result.json" "$BENCH_DIR/RESULTS-tiles3d.md" "$data" "$(git -C "$ROOT" rev-parse --short HEAD)" "$WORK" <<'PY'
import json, re, sys, datetime
r = json.load(open(sys.argv[1]))
work = sys.argv[5]
rows3 = [l.split() for n in (1, 2, 3) for l in open(f"{work}/cached-{n}.txt")]
ms = sorted(float(t) * 1000 for t, _ in rows3)
r["cachedMs"] = {"p50": ms[len(ms) // 2], "p95": ms[int(len(ms) * 0.95)], "max": ms[-1]}
r["gzipBytesPerFeature"] = sum(int(l.split()[1]) for l in open(f"{work}/cached-1.txt")) / r["features"]
def number(text): return float(text.replace(",", ""))
seeds = []
for n in (1, 2, 3):
  text = open(f"{work}/seed-{n}.log").read()
  summary = re.search(r"in ([0-9.]+) s; 3D: ([0-9,]+) features in ([0-9.]+) s, ([0-9,]+) features/s", text)
  indexed = re.search(r"indexed in ([0-9]+) ms", text)
  load = re.search(r"^load ([0-9.]+)", text, re.M)
  seeds.append({"total": number(summary[1]), "seconds": number(summary[3]), "rate": number(summary[4]),
                "indexMs": number(indexed[1]), "load": load[1]})
median = sorted(seeds, key=lambda s: s["rate"])[1]
c1 = number(re.search(r"([0-9,]+) features/s", open(f"{work}/seed-c1.log").read())[1])
def verdict(ok): return "PASS" if ok else "FAIL"
rows = [
  ("buildings per second, seeding every tile from PostGIS (`urbis seed --3d`, median of 3)", f"{median['rate']:,.0f}", "≥ 5,000", verdict(median['rate'] >= 5000)),
  ("buildings per second, on demand, 2 clients (information)", f"{r['featuresPerSecond']:,.0f}", "", ""),
  ("bytes per building, gzip (as served)", f"{r['gzipBytesPerFeature']:,.0f}", "≤ 120", verdict(r['gzipBytesPerFeature'] <= 120)),
  ("cached tile latency p95, ms", f"{r['cachedMs']['p95']:.2f}", "< 5", verdict(r['cachedMs']['p95'] < 5)),
]
def listed(key, form): return ", ".join(form.format(s[key]) for s in seeds)
with open(sys.argv[2], "w") as out:
  out.write(f"# Urbis 3D Tiles benchmark\n\nRun {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC by `bench/tiles3d.sh` (commit {sys.argv[4]}), "
            f"on {sys.argv[3]}; seeding: `urbis seed --3d` into an emptied cache directory, 3 runs; on demand: 2 concurrent Node.js clients; "
            f"cached: curl over one keep-alive connection, 3 rounds after 1,000 uncounted requests (JIT warm-up); loopback, server, PostgreSQL and clients on the same 2 cores, "
            f"shared with other work (load average {listed('load', '{}')} before the seed runs, "
            f"{open('/proc/loadavg').read().split()[0]} at the end).\n\n")
  out.write("| measure | value | target | result |\n|---|---:|---:|---|\n")
  for row in rows: out.write("| " + " | ".join(row) + " |\n")
  out.write(f"\nSeeding as the seeder's summary times it, from the start of the first tile with content to the end of the last "
            f"(no JVM start-up, discovery, tile index, tileset or subtrees): {listed('rate', '{:,.0f}')} buildings/s "
            f"({listed('seconds', '{:.2f}')} s). The whole seed runs after start-up took {listed('total', '{:.1f}')} s, "
            f"the tile index (bounds query and tiling) in them {listed('indexMs', '{:.0f}')} ms. "
            f"With the C1 JIT alone (`java -XX:TieredStopAtLevel=1 -jar …`, one run): {c1:,.0f} buildings/s.\n\n")
  out.write(f"On demand: {r['features']:,} buildings in {r['tiles']:,} tiles. Tile index and all subtrees (first tileset request, as loaders.gl expands them): "
            f"{r['indexAndSubtreesSeconds']:.2f} s. Building every tile: {r['buildSeconds']:.2f} s. Raw GLB bytes per building: {r['bytesPerFeature']:,.0f}.\n\n")
  out.write(f"Tile latency, ms: on demand (built from PostGIS) p50 {r['coldMs']['p50']:.1f}, p95 {r['coldMs']['p95']:.1f}, max {r['coldMs']['max']:.1f}; "
            f"cached p50 {r['cachedMs']['p50']:.2f}, p95 {r['cachedMs']['p95']:.2f}, max {r['cachedMs']['max']:.2f}.\n")
PY
log "wrote bench/RESULTS-tiles3d.md"
