#!/usr/bin/env bash
# Heat plan benchmark: the 200,000-building city of bench/sql/city.sql (loaded into its own database unless that
# holds it already), its main roads (motorway to tertiary, 14,128 of the 50,000 generated polylines) as the streets
# the blocks are derived from. Serves a heat plan of it with the server jar and measures, REPEAT times each:
#   full    - the whole computation (sections, blocks, every building's assignment, data protection, layers): the
#             stored state is cleared, then a request to a layer computes everything before it is answered;
#   refresh - one building's heat demand changed with psql, then a request to a layer: only that building is
#             assigned again, the aggregates are made again from the assignments.
# Writes bench/RESULTS-heatplan.md. Loopback only; builds the server jar.
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost/5432/postgres/postgres), DB (default urbis_heatplan_bench),
#   REPEAT (default 5)
set -euo pipefail

BENCH_NAME=heatplan
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB="${DB:-urbis_heatplan_bench}"
REPEAT="${REPEAT:-5}"
PORT="$(free_port)"

mkdir -p "$WORK"
# always: a stale jar would measure old code
(cd "$ROOT" && mvn -B -q -o -pl server -am -DskipTests -Dcesium.skip=true package)

if [[ -z "$(psql -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
  psql -q -d postgres -c "CREATE DATABASE $DB"
fi
if [[ -z "$(psql -qAt -d "$DB" -c "SELECT to_regclass('public.buildings')")" ]]; then
  log "loading the city into $DB"
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$BENCH_DIR/sql/city.sql"
fi
psql -q -d "$DB" -c "CREATE OR REPLACE VIEW public.main_roads AS SELECT id, name, class, geom FROM public.roads
  WHERE class IN ('motorway', 'trunk', 'primary', 'secondary', 'tertiary')"
psql -q -d "$DB" -c "VACUUM ANALYZE public.buildings" -c "VACUUM ANALYZE public.roads"

cat > "$WORK/urbis.yaml" <<YAML
host: 127.0.0.1
sources: ["postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$DB"]
heatPlans:
  - id: heatplan
    buildings: buildings
    streets: main_roads
    columns:
      address: [name]
      buildingType: function
      yearBuilt: year_built
      storeys: storeys
      heatDemand: heat_demand_kwh_a
YAML

state="urbis_heatplan.heatplan_state"
psql -q -d "$DB" -c "DO \$\$ BEGIN IF to_regclass('$state') IS NOT NULL THEN UPDATE $state SET inputs = ''; END IF; END \$\$"
log "starting the server (computes the heat plan before it answers)"
start_server "$WORK/server.log" "$PORT" collections 600 -jar "$JAR" serve --config "$WORK/urbis.yaml" --port "$PORT"

# the time of one request to a layer, and the computation the server logged for it
request() {
  curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/collections/heatplan-blocks/items?limit=1"
}
last_computation() { grep -o 'computed in [0-9]* ms: .*' "$WORK/server.log" | tail -1; }

full=() ; refresh=() ; full_logged=() ; refresh_logged=() ; full_load=() ; refresh_load=()
load_now() { cut -d' ' -f1 /proc/loadavg; }
for i in $(seq 1 "$REPEAT"); do
  psql -q -d "$DB" -c "UPDATE $state SET inputs = ''"
  # a different building each time, so that the change is one row; the stats of psql's session are flushed when
  # it ends, and the server asks for versions at most once a second
  psql -q -d "$DB" -c "UPDATE public.buildings SET heat_demand_kwh_a = heat_demand_kwh_a + 1 WHERE id = $((i * 997))"
  sleep 2
  full_load+=("$(load_now)"); full+=("$(request)"); full_logged+=("$(last_computation)")
  log "full $i: ${full[-1]} s (${full_logged[-1]})"
  psql -q -d "$DB" -c "UPDATE public.buildings SET heat_demand_kwh_a = heat_demand_kwh_a - 1 WHERE id = $((i * 997))"
  sleep 2
  refresh_load+=("$(load_now)"); refresh+=("$(request)"); refresh_logged+=("$(last_computation)")
  log "refresh $i: ${refresh[-1]} s (${refresh_logged[-1]})"
done
summary="$(last_computation | sed 's/^computed in [0-9]* ms: //')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "# Heat plan benchmark"
  echo
  echo "\`bench/heatplan.sh\`, $(date -u +%Y-%m-%d), $(nproc) cores (shared), load average before the last run: $load."
  echo "City: bench/sql/city.sql (200,000 buildings, EPSG:25832), streets: its main roads (view \`main_roads\`,"
  echo "motorway to tertiary). Heat demand from the \`heat_demand_kwh_a\` column. Result: $summary."
  echo
  echo "Times are of one HTTP request to \`/collections/heatplan-blocks/items?limit=1\` that found the data changed and"
  echo "waited for the computation (logged time in brackets). Targets: full computation < 60 s, refresh < 5 s."
  echo
  echo "| run | full computation (s) | logged | load | refresh after one building changed (s) | logged | load |"
  echo "|---|---|---|---|---|---|---|"
  for i in $(seq 0 $((REPEAT - 1))); do
    echo "| $((i + 1)) | ${full[$i]} | ${full_logged[$i]%%:*} | ${full_load[$i]} | ${refresh[$i]} |" \
      "${refresh_logged[$i]%%:*} | ${refresh_load[$i]} |"
  done
  echo
  echo "Load: the 1-minute load average when the request was sent (2 cores shared with other work)."
  echo "The steps of each computation, as the server logged them (first: at start):"
  echo
  echo '```'
  grep -o 'heat plan heatplan: .*' "$WORK/server.log"
  echo '```'
  echo
  echo "Why the main roads only: the 50,000 generated polylines of city.sql are random walks that cross each other"
  echo "an estimated 700,000 times (L²/(πA) for about 15,000 km of line in 100 km²: some 0.3 buildings per block),"
  echo "unlike any street network; noding all of them in one statement ran for more than 9 minutes until the"
  echo "connection was lost (the server went into crash recovery), while the 14,128 main roads give 153,142"
  echo "sections and 55,442 blocks (3.6 buildings per block) in seconds."
} > "$BENCH_DIR/RESULTS-heatplan.md"
log "wrote bench/RESULTS-heatplan.md"
