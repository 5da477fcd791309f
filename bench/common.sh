# Sourced by the bench scripts that start one server of their own (tiles3d.sh, tile-sizes.sh, city-views.sh,
# heatplan.sh, downloads.sh): their paths, PostgreSQL defaults, log lines and the server's start and stop. Set
# BENCH_NAME (the log prefix and the folder under bench/work) before sourcing.
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
WORK="$BENCH_DIR/work/$BENCH_NAME"
JAR="$ROOT/server/target/urbis.jar"
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
SERVER_PID=""

log() { printf '[%s %s] %s\n' "$BENCH_NAME" "$(date +%H:%M:%S)" "$*"; }

# a free loopback port: a fixed one may be taken by another server, which the clients would then measure
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server LOG PORT PATH SECONDS ARGS...: `java ARGS...` in the background, its output in LOG, waiting until
# http://127.0.0.1:PORT/PATH answers (at most SECONDS); exits with the log's end when the server does
start_server() {
  local log_file="$1" port="$2" path="$3" seconds="$4"
  java "${@:5}" > "$log_file" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 $((seconds * 2))); do
    kill -0 "$SERVER_PID" 2>/dev/null || { log "the server exited:"; tail -20 "$log_file"; exit 1; }
    curl -sf "http://127.0.0.1:$port/$path" >/dev/null && return 0
    sleep 0.5
  done
  log "the server did not answer within $seconds s"
  exit 1
}

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
