#!/usr/bin/env bash
# Urbis benchmark: builds the benchmark city in PostGIS, starts the server, runs the fixed workloads against
# the server (wrk) and against PostgreSQL alone (pgbench), and writes bench/RESULTS.md.
# Idempotent; loopback only; about 7 minutes on 2 cores (plus a server build if the jar is missing).
#
# Environment (all optional):
#   BENCH_DURATION=20  BENCH_WARMUP=5  BENCH_CONNECTIONS=4  BENCH_THREADS=2   per-workload timing and load
#   BENCH_JIT_WARMUP=60  seconds of all Urbis workloads before the first measured one (the JIT's warm-up)
#   BENCH_KEEP_DB=1     reuse an existing urbis_bench database instead of recreating it
#   BENCH_ONLY=sanity,download,throughput,deep,profile   run only some phases
#   BENCH_WORKLOADS=limit100,limit1000,bbox,item,tiles,tiles_cached  run only some throughput workloads
#   BENCH_DEEP_PAGES=1000  BENCH_DEEP_REPS=200
#   BENCH_JAR=server/target/urbis.jar   the server to measure (e.g. an older build, to compare)
#   BENCH_OUT=bench/RESULTS.md          where the report goes
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost/5432/postgres/postgres)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
WORK="$BENCH_DIR/work"
JAR="${BENCH_JAR:-$ROOT/server/target/urbis.jar}"
OUT="${BENCH_OUT:-$BENCH_DIR/RESULTS.md}"
PG_BIN=/usr/lib/postgresql/15/bin
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
export PGBENCH="$PG_BIN/pgbench"
DB=urbis_bench
SERVER_PID=""
CACHED_PID=""
BENCH_PY=""

log() { printf '[run %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

stop_server() {
  local pid="$1"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    log "stopping server (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  local rc=$?
  if [[ -n "$BENCH_PY" ]] && kill -0 "$BENCH_PY" 2>/dev/null; then
    pkill -TERM -P "$BENCH_PY" 2>/dev/null || true   # its wrk/pgbench/psql children, by parent id
    kill "$BENCH_PY" 2>/dev/null || true
  fi
  stop_server "$SERVER_PID"
  stop_server "$CACHED_PID"
  # anything else this script started and that is still running (wrk, pgbench, psql, python)
  local kids
  kids="$(jobs -p 2>/dev/null || true)"
  [[ -n "$kids" ]] && kill $kids 2>/dev/null || true
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK"
rm -f "$WORK/gc.log"

# ---------------------------------------------------------------------------------------------- tools
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v curl >/dev/null || need_apt+=(curl)
[[ -x "$PG_BIN/pgbench" ]] || need_apt+=(postgresql-15 postgresql-contrib)
[[ -e /usr/share/postgresql/15/extension/postgis.control ]] || need_apt+=(postgresql-15-postgis-3)
if ((${#need_apt[@]})); then
  log "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${need_apt[@]}" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "${need_apt[@]}" >/dev/null; }
fi

# ---------------------------------------------------------------------------------------------- PostgreSQL
if ! "$PG_BIN/pg_isready" -q -h "$PGHOST" -p "$PGPORT"; then
  log "starting PostgreSQL"
  pg_ctlcluster 15 main start || true
  for _ in $(seq 1 60); do "$PG_BIN/pg_isready" -q -h "$PGHOST" -p "$PGPORT" && break; sleep 0.5; done
fi
if ! psql -X -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  log "setting the postgres password (peer login as the postgres OS user)"
  su postgres -c "psql -X -q -c \"ALTER USER postgres PASSWORD '$PGPASSWORD'\"" >/dev/null
fi

# ---------------------------------------------------------------------------------------------- the city
if [[ "${BENCH_KEEP_DB:-0}" == 1 ]] && [[ "$(psql -X -d "$DB" -Atqc 'select count(*) from public.buildings' 2>/dev/null)" == 200000 ]]; then
  log "reusing database $DB"
else
  log "creating database $DB and loading bench/sql/city.sql (200,000 buildings, 50,000 roads)"
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
  start=$SECONDS
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$BENCH_DIR/sql/city.sql" >/dev/null
  log "city loaded in $((SECONDS - start)) s"
fi
counts="$(psql -X -d "$DB" -Atqc "select (select count(*) from public.buildings) || ' ' || (select count(*) from public.roads)")"
[[ "$counts" == "200000 50000" ]] || { log "unexpected row counts: $counts"; exit 1; }

# ---------------------------------------------------------------------------------------------- the server
if [[ ! -f "$JAR" ]]; then
  log "building the server (mvn -B -q -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
[[ -f "$JAR" ]] || { log "no $JAR after the build"; exit 1; }

# run a copy, so that a rebuild of server/target/urbis.jar during the run cannot pull classes from under it
for _ in $(seq 1 60); do   # not while a build is still writing it
  (( $(date +%s) - $(stat -c %Y "$JAR") >= 10 )) && break; sleep 2
done
cp -p "$JAR" "$WORK/urbis.jar"

# start_server CONFIG NAME: a server on a free port, logging to $WORK/NAME.log and $WORK/gc-NAME.log (the main
# one to server.log and gc.log); sets STARTED_PID and STARTED_BASE once it answers /health
start_server() {
  local config="$1" name="$2" port up=0
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  STARTED_BASE="http://127.0.0.1:$port"
  log "starting the server ($(basename "$config")) on $STARTED_BASE"
  DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB" \
    java -Xmx1g "-Xlog:gc:file=$WORK/${name/server/gc}.log" -jar "$WORK/urbis.jar" serve --config "$config" --port "$port" "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB" \
    >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  for _ in $(seq 1 120); do
    kill -0 "$STARTED_PID" 2>/dev/null || { log "server exited; last log lines:"; tail -20 "$WORK/$name.log"; exit 1; }
    if curl -fsS -o /dev/null "$STARTED_BASE/health" 2>/dev/null; then up=1; break; fi
    sleep 0.5
  done
  ((up)) || { log "server did not answer /health within 60 s"; tail -20 "$WORK/$name.log"; exit 1; }
  log "server up (pid $STARTED_PID, RSS $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$STARTED_PID/status))"
}

# the uncached server (tile cache off) for every workload but tiles_cached, which has a second one with the cache
start_server "$BENCH_DIR/urbis-bench.yaml" server
SERVER_PID="$STARTED_PID" BASE="$STARTED_BASE"
CACHED_ARGS=()
if [[ -z "${BENCH_WORKLOADS:-}" || ",$BENCH_WORKLOADS," == *",tiles_cached,"* ]]; then
  start_server "$BENCH_DIR/urbis-bench-cached.yaml" server-cached
  CACHED_PID="$STARTED_PID"
  CACHED_ARGS=(--cached-base "$STARTED_BASE" --cached-pid "$CACHED_PID")
fi

# ---------------------------------------------------------------------------------------------- measure
python3 "$BENCH_DIR/bench.py" --base "$BASE" --pid "$SERVER_PID" "${CACHED_ARGS[@]}" --work "$WORK" --out "$OUT" \
  --duration "${BENCH_DURATION:-20}" --warmup "${BENCH_WARMUP:-5}" --jit-warmup "${BENCH_JIT_WARMUP:-60}" \
  --connections "${BENCH_CONNECTIONS:-4}" --threads "${BENCH_THREADS:-2}" \
  --jar "$WORK/urbis.jar" --gc-log "$WORK/gc.log" ${BENCH_WORKLOADS:+--workloads "$BENCH_WORKLOADS"} \
  --deep-pages "${BENCH_DEEP_PAGES:-1000}" --deep-reps "${BENCH_DEEP_REPS:-200}" \
  ${BENCH_ONLY:+--only "$BENCH_ONLY"} &
BENCH_PY=$!
wait "$BENCH_PY"
BENCH_PY=""
log "done: $OUT"
