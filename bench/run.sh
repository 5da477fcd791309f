#!/usr/bin/env bash
# Urbis benchmark: builds the benchmark city in PostGIS, starts the server, runs the fixed workloads against
# the server (wrk) and against PostgreSQL alone (pgbench), and writes bench/RESULTS.md.
# Idempotent; loopback only; about 7 minutes on 2 cores (plus a server build if the jar is missing).
#
# Environment (all optional):
#   BENCH_DURATION=20  BENCH_WARMUP=5  BENCH_CONNECTIONS=4  BENCH_THREADS=2   per-workload timing and load
#   BENCH_JIT_WARMUP=60  seconds of all Urbis workloads before the first measured one (the JIT's warm-up)
#   BENCH_KEEP_DB=1     reuse an existing urbis_bench database instead of recreating it
#   BENCH_ONLY=sanity,download,throughput,auth,writes,deep,profile   run only some phases
#   BENCH_WORKLOADS=limit100,limit1000,bbox,item,tiles,tiles_cached  run only some throughput workloads
#   BENCH_DEEP_PAGES=1000  BENCH_DEEP_REPS=200
#   BENCH_AUTH_ROUNDS=10  BENCH_AUTH_SECONDS=3  the auth phase's interleaved rounds (writes bench/RESULTS-auth.md)
#   BENCH_WRITES_ROUNDS=3  BENCH_WRITES_SECONDS=3  BENCH_WRITES_CONNECTIONS=1,4,8  the writes phase's rounds (seconds
#                       per round, side, kind and connection count; writes bench/RESULTS-writes.md)
#   BENCH_DB=urbis_bench  the database (created, or reused with BENCH_KEEP_DB=1)
#   BENCH_JAR=path      measure that jar (e.g. a copy of an earlier build, for before/after) instead of
#                       server/target/urbis.jar
#   BENCH_KEYCLOAK_JAVA_HOME   a JDK 21+ for Keycloak (default: the newest in /usr/lib/jvm); Urbis stays on `java`
#   BENCH_OUT=bench/RESULTS.md  where the report goes
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
export BENCH_DB="${BENCH_DB:-urbis_bench}"   # bench.py reads it too
DB="$BENCH_DB"
SERVER_PID=""
CACHED_PID=""
KEYCLOAK_PID=""
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

stop_keycloak() {
  [[ -n "$KEYCLOAK_PID" ]] && kill -0 "$KEYCLOAK_PID" 2>/dev/null || return 0
  log "stopping Keycloak (pid $KEYCLOAK_PID)"
  kill -TERM "$KEYCLOAK_PID" 2>/dev/null || true   # kc.sh passes it on to its JVM
  for _ in $(seq 1 200); do kill -0 "$KEYCLOAK_PID" 2>/dev/null || return 0; sleep 0.1; done
  pkill -KILL -P "$KEYCLOAK_PID" 2>/dev/null || true
  kill -9 "$KEYCLOAK_PID" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  if [[ -n "$BENCH_PY" ]] && kill -0 "$BENCH_PY" 2>/dev/null; then
    pkill -TERM -P "$BENCH_PY" 2>/dev/null || true   # its wrk/pgbench/psql children, by parent id
    kill "$BENCH_PY" 2>/dev/null || true
  fi
  stop_server "$SERVER_PID"
  stop_server "$CACHED_PID"
  stop_keycloak
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
command -v unzip >/dev/null || need_apt+=(unzip)
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
if [[ ! -f "$JAR" && -z "${BENCH_JAR:-}" ]]; then
  log "building the server (mvn -B -q -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
[[ -f "$JAR" ]] || { log "no $JAR after the build"; exit 1; }

# run a copy, so that a rebuild of server/target/urbis.jar during the run cannot pull classes from under it
for _ in $(seq 1 60); do   # not while a build is still writing it
  (( $(date +%s) - $(stat -c %Y "$JAR") >= 10 )) && break; sleep 2
done
cp -p "$JAR" "$WORK/urbis.jar"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wants_phase() { [[ -z "${BENCH_ONLY:-}" || ",$BENCH_ONLY," == *",$1,"* ]]; }

# await_up WHAT PID URL LOG SECONDS: returns once URL answers; exits, showing the log's end, when PID dies first
await_up() {
  local what="$1" pid="$2" url="$3" logfile="$4" seconds="$5"
  for _ in $(seq 1 $((seconds * 2))); do
    kill -0 "$pid" 2>/dev/null || { log "$what exited; last log lines:"; tail -20 "$logfile"; exit 1; }
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  log "$what did not answer within $seconds s"; tail -20 "$logfile"; exit 1
}

# ---------------------------------------------------------------------------------------------- credentials
# The auth phase measures requests with an API key and with a Keycloak token against anonymous ones: Keycloak (the
# distribution the conformance tests use, unpacked into bench/work/keycloak) in dev mode with the realm of
# bench/keycloak, a token of its user by the password grant (valid an hour, far longer than the run), and a random API
# key hashed by `urbis hash-key`. The writes phase writes public.edits (bench/sql/edits.sql) with an API key of its
# own. The server configuration with both, and the access rules: bench/work/urbis-bench-access.yaml.

# the newest JDK 21+ in /usr/lib/jvm (Keycloak 26 needs one), or BENCH_KEYCLOAK_JAVA_HOME
keycloak_java_home() {
  if [[ -n "${BENCH_KEYCLOAK_JAVA_HOME:-}" ]]; then echo "$BENCH_KEYCLOAK_JAVA_HOME"; return; fi
  local jdk version best="" best_version=0
  for jdk in /usr/lib/jvm/*/; do
    version="$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$jdk/release" 2>/dev/null || true)"
    if [[ -x "$jdk/bin/java" && -n "$version" ]] && ((version >= 21 && version > best_version)); then
      best="${jdk%/}" best_version="$version"
    fi
  done
  [[ -n "$best" ]] || { log "Keycloak needs a JDK 21 or newer: none in /usr/lib/jvm, set BENCH_KEYCLOAK_JAVA_HOME"; exit 1; }
  echo "$best"
}

# start_keycloak: sets KEYCLOAK_PID and ISSUER once the realm answers
start_keycloak() {
  local version home zip port java_home
  version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/conformance-tests/pom.xml")"
  home="$WORK/keycloak/keycloak-$version"
  if [[ ! -x "$home/bin/kc.sh" ]]; then
    zip="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip"
    if [[ ! -f "$zip" ]]; then
      log "fetching Keycloak $version into the local Maven repository"
      (cd "$ROOT" && mvn -B -q dependency:get "-Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip")
    fi
    log "unpacking Keycloak $version into $WORK/keycloak"
    mkdir -p "$WORK/keycloak" && unzip -q -o "$zip" -d "$WORK/keycloak"
  fi
  rm -rf "$home/data/import" && mkdir -p "$home/data/import"
  cp "$BENCH_DIR/keycloak/urbis-bench-realm.json" "$home/data/import/"
  java_home="$(keycloak_java_home)"
  port="$(free_port)"
  ISSUER="http://127.0.0.1:$port/realms/urbis-bench"
  log "starting Keycloak $version in dev mode on port $port (Java: $java_home)"
  # an in-memory database, so every run imports the realm afresh; one issuer whatever host name a client uses
  env -u JAVA_OPTS -u JAVA_OPTS_APPEND JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --http-management-port="$(free_port)" \
    --hostname="http://127.0.0.1:$port" --db=dev-mem --import-realm >"$WORK/keycloak.log" 2>&1 &
  KEYCLOAK_PID=$!
  await_up Keycloak "$KEYCLOAK_PID" "$ISSUER/.well-known/openid-configuration" "$WORK/keycloak.log" 240
  log "Keycloak up (issuer $ISSUER)"
}

# api_key NAME ROLE FILE: a random API key (32 bytes, hex) into FILE; prints its entry of security.apiKeys
api_key() {
  (umask 077; python3 -c 'import secrets; print(secrets.token_hex(32), end="")' >"$3")
  printf '    - name: %s\n      sha256: %s\n      roles: [%s]\n' "$1" "$(java -jar "$WORK/urbis.jar" hash-key <"$3")" "$2"
}

AUTH_ARGS=()
WRITES_ARGS=()
CONFIG="$BENCH_DIR/urbis-bench.yaml"
API_KEYS="" OPENID="" READERS="" WRITERS=""
if wants_phase auth; then
  start_keycloak
  (umask 077
   curl -fsS -d grant_type=password -d client_id=urbis -d username=bench -d password=bench-password \
     "$ISSUER/protocol/openid-connect/token" \
     | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"], end="")' >"$WORK/bench.token")
  API_KEYS+="$(api_key bench reader "$WORK/bench.key")"$'\n'
  OPENID="  openIdConnect:"$'\n'"    issuer: $ISSUER"$'\n'"    audience: urbis"$'\n'
  READERS="    reader: read"$'\n'
  AUTH_ARGS=(--api-key-file "$WORK/bench.key" --token-file "$WORK/bench.token"
             --auth-rounds "${BENCH_AUTH_ROUNDS:-10}" --auth-seconds "${BENCH_AUTH_SECONDS:-3}")
fi
if wants_phase writes; then
  # the server checks at start that the collection it lets a role write is a table it may write
  log "public.edits as bench/sql/edits.sql makes it (20,000 buildings for the writes phase)"
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$BENCH_DIR/sql/edits.sql" >/dev/null
  API_KEYS+="$(api_key bench-writer writer "$WORK/bench-writer.key")"$'\n'
  WRITERS="  collections:"$'\n'"    edits:"$'\n'"      writer: write"$'\n'
  WRITES_ARGS=(--writer-key-file "$WORK/bench-writer.key" --writes-rounds "${BENCH_WRITES_ROUNDS:-3}"
               --writes-seconds "${BENCH_WRITES_SECONDS:-3}" --writes-connections "${BENCH_WRITES_CONNECTIONS:-1,4,8}")
fi
if [[ -n "$API_KEYS" ]]; then
  CONFIG="$WORK/urbis-bench-access.yaml"
  { cat "$BENCH_DIR/urbis-bench.yaml"
    cat <<EOF
# For the auth and writes phases (written by run.sh): their API keys (auth: role reader, writes: role writer), the
# Keycloak realm of the auth phase, and access rules by which the public and readers read everything (all variants of
# the auth phase get the same documents, and every request resolves the view of its roles) but edits, which only the
# writer reads and writes.
security:
  apiKeys:
${API_KEYS}${OPENID}access:
  default:
    public: read
${READERS}${WRITERS}
EOF
  } >"$CONFIG"
fi

# start_server CONFIG NAME: a server on a free port, logging to $WORK/NAME.log and $WORK/gc-NAME.log (the main
# one to server.log and gc.log); sets STARTED_PID and STARTED_BASE once it answers /health
start_server() {
  local config="$1" name="$2" port
  port="$(free_port)"
  STARTED_BASE="http://127.0.0.1:$port"
  log "starting the server ($(basename "$config")) on $STARTED_BASE"
  DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB" \
    java -Xmx1g "-Xlog:gc:file=$WORK/${name/server/gc}.log" -jar "$WORK/urbis.jar" serve --config "$config" --port "$port" "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB" \
    >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  await_up "the server" "$STARTED_PID" "$STARTED_BASE/health" "$WORK/$name.log" 60
  log "server up (pid $STARTED_PID, RSS $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$STARTED_PID/status))"
}

# the uncached server (tile cache off) for every workload but tiles_cached, which has a second one with the cache
start_server "$CONFIG" server
SERVER_PID="$STARTED_PID" BASE="$STARTED_BASE"
CACHED_ARGS=()
if [[ -z "${BENCH_WORKLOADS:-}" || ",$BENCH_WORKLOADS," == *",tiles_cached,"* ]] && { wants_phase throughput || wants_phase profile; }; then
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
  ${BENCH_ONLY:+--only "$BENCH_ONLY"} "${AUTH_ARGS[@]}" "${WRITES_ARGS[@]}" &
BENCH_PY=$!
wait "$BENCH_PY"
BENCH_PY=""
log "done: $OUT and, for the auth and writes phases, $BENCH_DIR/RESULTS-*.md"
