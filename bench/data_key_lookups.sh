#!/usr/bin/env bash
# Reproduces docs/benchmarks.md "Data-key look-ups per client request": how often a POST /v1/clients
# and a POST /v1/clients/search {"phone"} read keystore.data_keys, counted by PostgreSQL itself
# (sequential and index scans in pg_stat_user_tables), on a fresh database of a PostgreSQL server
# reachable as PG_USER without a password (the machine's server in CI); the database and its app
# role are dropped at the end. Counts, not times: the figures do not depend on the machine's load.
# usage: bench/data_key_lookups.sh [JAR] [PORT] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-qleven-host/target/qleven-host.jar}; PORT=${2:-18380}; N=${3:-200}
PG_HOST=${PG_HOST:-127.0.0.1}; PG_PORT=${PG_PORT:-5432}; PG_USER=${PG_USER:-postgres}
DB=kbench_$(date +%s)_$RANDOM
DATA=$(mktemp -d)
PSQL="psql -h $PG_HOST -p $PG_PORT -U $PG_USER -At"
$PSQL -d postgres -c "CREATE DATABASE $DB" >/dev/null
HOST_PID=""
cleanup() { [ -z "$HOST_PID" ] || kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true;
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null; $PSQL -d postgres -c "DROP ROLE IF EXISTS ${DB}_app" >/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
env QLEVEN_DATA_DIR="$DATA" QLEVEN_HTTP_PORT=$PORT QLEVEN_MANAGEMENT_PORT=$((PORT+1)) \
  QLEVEN_DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" QLEVEN_DATABASE_USER=$PG_USER \
  java -jar "$JAR" > "$DATA/host.log" 2>&1 &
HOST_PID=$!
until curl -fs -o /dev/null http://127.0.0.1:$PORT/health/ready; do sleep 0.2; kill -0 $HOST_PID 2>/dev/null || { tail -20 "$DATA/host.log"; exit 1; }; done
PASSWORD="benchmark passphrase 1"
curl -fs -o /dev/null -X POST http://127.0.0.1:$PORT/v1/signup -H 'Content-Type: application/json' -d "{
  \"center\":{\"name\":\"Bench\",\"address\":\"Calle 1\",\"taxId\":\"B1\",\"country\":\"ES\",\"timeZone\":\"Europe/Madrid\",\"currency\":\"EUR\"},
  \"admin\":{\"fullName\":\"Ana López\",\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\",\"ageConfirmed\":true}}"
TOKEN=$(curl -fs -X POST http://127.0.0.1:$PORT/v1/auth/login -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
create() { curl -fs -o /dev/null -X POST http://127.0.0.1:$PORT/v1/clients -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"fullName\":\"Lucía Fernández-Ruiz\",\"phone\":\"6$(printf %08d $1)\",\"email\":\"c$1@example.com\",\"birthDate\":\"1990-04-12\",\"notes\":\"Allergic to latex.\"}"; }
for i in $(seq 1 20); do create $((900000+i)); done
stats() { $PSQL -d $DB -c "SELECT coalesce(seq_scan,0)+coalesce(idx_scan,0), n_tup_ins FROM pg_stat_user_tables WHERE schemaname='keystore' AND relname='data_keys'"; }
sleep 12; S0=$(stats)
for i in $(seq 1 $N); do create $i; done
sleep 12; S1=$(stats)
for i in $(seq 1 $N); do curl -fs -o /dev/null -X POST http://127.0.0.1:$PORT/v1/clients/search \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"phone\":\"6$(printf %08d $i)\"}"; done
sleep 12; S2=$(stats)
echo "$S0 $S1 $S2" | awk -v n=$N -F'[| ]' '{printf "POST /v1/clients: %.2f reads of keystore.data_keys, %.2f keys inserted per request; POST /v1/clients/search {\"phone\"} (one client found): %.2f reads per request (%d of each)\n", ($3-$1)/n, ($4-$2)/n, ($5-$3)/n, n}'
