#!/usr/bin/env bash
# Urbis 3D Tiles benchmark: loads the Wesel building footprints (shared test data; the generated test city when
# absent) into PostGIS, serves them extruded by height, builds every tile once from the database and then again
# from the cache, and writes bench/RESULTS-tiles3d.md. Loopback only; needs node, npm, ogr2ogr and the server jar.
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost/5432/postgres/postgres)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
WORK="$BENCH_DIR/work/tiles3d"
JAR="$ROOT/server/target/urbis.jar"
CHECKS="$ROOT/conformance-tests/tiles3d"
FOOTPRINTS="$ROOT/../shared/data/nrw_wesel_lod2/wesel_buildings_footprints.gpkg"
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
DB=urbis_bench3d
PORT=18097
SERVER_PID=""

log() { printf '[tiles3d %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT

mkdir -p "$WORK"
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -B -q -pl server -am -DskipTests package)
[[ -d "$CHECKS/node_modules" ]] || (cd "$CHECKS" && npm ci --no-audit --no-fund >/dev/null)

psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
psql -q -d "$DB" -c "CREATE EXTENSION postgis"
if [[ -f "$FOOTPRINTS" ]]; then
  data="Wesel footprints (6,631 real buildings, extruded by measured_height from ground_z_min)"
  ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD dbname=$DB" "$FOOTPRINTS" \
    -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=GIST -preserve_fid
  collection=buildings
  cat > "$WORK/urbis.yaml" <<YAML
tiles3d:
  extrude:
    buildings: {height: measured_height, base: ground_z_min}
YAML
else
  data="generated city (400 PolyhedralSurfaceZ blocks)"
  psql -q -d "$DB" -f "$ROOT/server/src/test/resources/io/urbis/tiles3d/city3d.sql"
  collection=blocks3d
  echo "tiles3d: {}" > "$WORK/urbis.yaml"
fi
psql -q -d "$DB" -c "VACUUM ANALYZE"

java -Xmx1g -jar "$JAR" serve --port "$PORT" --config "$WORK/urbis.yaml" \
  "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/health" >/dev/null && break; sleep 0.5; done

log "building every tile of $collection"
result=$(cd "$CHECKS" && node bench.mjs "http://localhost:$PORT/collections/$collection/3dtiles" "$WORK/urls.txt" 2)
echo "$result" > "$WORK/result.json"
log "$result"

# cached tiles: curl (a light client) over one keep-alive connection, gzip accepted but not decoded, three rounds;
# the bytes it receives are the gzip bytes per building
log "timing the cached tiles"
sed 's/.*/url = "&"\noutput = "\/dev\/null"/' "$WORK/urls.txt" > "$WORK/curl.conf"
for round in 1 2 3; do
  curl -s -H 'Accept-Encoding: gzip' -K "$WORK/curl.conf" -w '%{time_total} %{size_download}\n' > "$WORK/cached-$round.txt"
done

python3 - "$WORK/result.json" "$BENCH_DIR/RESULTS-tiles3d.md" "$data" "$(git -C "$ROOT" rev-parse --short HEAD)" "$WORK" <<'PY'
import json, sys, datetime
r = json.load(open(sys.argv[1]))
rows3 = [l.split() for n in (1, 2, 3) for l in open(f"{sys.argv[5]}/cached-{n}.txt")]
ms = sorted(float(t) * 1000 for t, _ in rows3)
r["cachedMs"] = {"p50": ms[len(ms) // 2], "p95": ms[int(len(ms) * 0.95)], "max": ms[-1]}
r["gzipBytesPerFeature"] = sum(int(l.split()[1]) for l in open(f"{sys.argv[5]}/cached-1.txt")) / r["features"]
def verdict(ok): return "PASS" if ok else "FAIL"
rows = [
  ("buildings per second, all tiles built from PostGIS", f"{r['featuresPerSecond']:,.0f}", "≥ 5,000", verdict(r['featuresPerSecond'] >= 5000)),
  ("bytes per building, gzip (as served)", f"{r['gzipBytesPerFeature']:,.0f}", "≤ 120", verdict(r['gzipBytesPerFeature'] <= 120)),
  ("cached tile latency p95, ms", f"{r['cachedMs']['p95']:.2f}", "< 5", verdict(r['cachedMs']['p95'] < 5)),
]
with open(sys.argv[2], "w") as out:
  out.write(f"# Urbis 3D Tiles benchmark\n\nRun {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC by `bench/tiles3d.sh` (commit {sys.argv[4]}), "
            f"on {sys.argv[3]}; cold: 2 concurrent Node.js clients; cached: curl over one keep-alive connection, 3 rounds; "
            f"loopback, server, PostgreSQL and clients on the same 2 cores, shared with other work (load average {open('/proc/loadavg').read().split()[0]} at the end).\n\n")
  out.write("| measure | value | target | result |\n|---|---:|---:|---|\n")
  for row in rows: out.write("| " + " | ".join(row) + " |\n")
  out.write(f"\n{r['features']:,} buildings in {r['tiles']:,} tiles. Tile index and all subtrees (first tileset request, as loaders.gl expands them): "
            f"{r['indexAndSubtreesSeconds']:.2f} s. Building every tile: {r['buildSeconds']:.2f} s. Raw GLB bytes per building: {r['bytesPerFeature']:,.0f}.\n\n")
  out.write(f"Tile latency, ms: cold (built from PostGIS) p50 {r['coldMs']['p50']:.1f}, p95 {r['coldMs']['p95']:.1f}, max {r['coldMs']['max']:.1f}; "
            f"cached p50 {r['cachedMs']['p50']:.2f}, p95 {r['cachedMs']['p95']:.2f}, max {r['cachedMs']['max']:.2f}.\n")
PY
log "wrote bench/RESULTS-tiles3d.md"
