#!/usr/bin/env bash
# Runs every test of Urbis: unit tests, PostGIS source tests, and the black-box conformance suite against the
# real server and a real PostGIS database.
#
# Database: uses PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) or DATABASE_URL when given. Otherwise it
# needs a local PostgreSQL with PostGIS; when that is missing and we are root, it installs Debian's
# postgresql + postgis (with gdal-bin, the GDAL client the tests drive, and proj-data, PROJ's datum grids) and
# starts the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[test] %s\n' "$*"; }

install_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
    || missing+=(postgresql postgresql-15-postgis-3)
  command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
  # PROJ's BETA2007 grid, with which PostGIS and the GeoPackage source move DHDN (Gauss-Krueger) data
  [ -r /usr/share/proj/BETA2007.gsb ] || missing+=(proj-data)
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    log "missing: ${missing[*]}; install them (or set PGHOST/DATABASE_URL) and run again"
    exit 1
  fi
  log "installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
}

start_local_postgres() {
  local cluster
  cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    local version
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    log "creating PostgreSQL $version cluster"
    pg_createcluster "$version" main >/dev/null
    cluster="$version main"
  fi
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster start 2>/dev/null || true
  for _ in $(seq 1 30); do
    su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  # a throwaway local cluster: give the superuser a known password for TCP logins from the tests
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  export PGHOST=localhost PGPORT=5432 PGUSER=postgres PGPASSWORD=postgres
}

if [ -n "${DATABASE_URL:-}" ] || [ -n "${PGHOST:-}" ]; then
  log "using the database given by ${DATABASE_URL:+DATABASE_URL}${PGHOST:+PGHOST=$PGHOST}"
  command -v ogrinfo >/dev/null 2>&1 || log "ogrinfo not found: the GDAL client tests will be skipped"
else
  install_packages
  start_local_postgres
fi

# The browser and 3D Tiles checks: Node.js (the glTF validator, loaders.gl, puppeteer-core; npm also fetches
# CesiumJS for the server's 3D view at build time) and Debian's Chromium, never a browser downloaded by npm
install_node_and_chromium() {
  local missing=()
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    log "missing: ${missing[*]}; the browser and 3D Tiles checks need them"
    return
  fi
  log "installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_node_and_chromium
if command -v npm >/dev/null 2>&1; then
  for checks in conformance-tests/browser conformance-tests/tiles3d; do
    log "installing the node packages of $checks"
    (cd "$checks" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  done
fi

# Keycloak, the identity provider of the token tests, comes from Maven Central with the build (conformance-tests'
# pom) and runs on a JDK 21 or newer of /usr/lib/jvm; Debian bookworm has none (OpenJDK 17 only), so without one
# (Temurin's) those tests are skipped
grep -qsE '^JAVA_VERSION="(2[1-9]|[3-9][0-9])' /usr/lib/jvm/*/release \
  || log "no JDK 21 or newer in /usr/lib/jvm: the Keycloak tests will be skipped"

log "building and running all tests"
exec mvn -B -ntp verify "$@"
