#!/usr/bin/env bash
# Reproduces docs/benchmarks.md "Clients": client create and search by phone over HTTP next to a
# bare INSERT and a bare indexed lookup on the same PostgreSQL server, in one run on this machine,
# and the CPU cost of the encryption per request (bench/EncryptionOverhead.java).
# Needs wrk (apt-get install wrk) and a built jar (mvn -B -q install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=qleven-host/target/qleven-host.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
SECONDS_EACH=${SECONDS_EACH:-20}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=2
HOST_PORT=18080
if (exec 3<>/dev/tcp/127.0.0.1/$HOST_PORT) 2>/dev/null; then echo "port $HOST_PORT is already in use" >&2; exit 1; fi
DATA=$(mktemp -d)
HOST_PID=""
cleanup() { [ -z "$HOST_PID" ] || kill "$HOST_PID" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

env QLEVEN_DATA_DIR="$DATA" QLEVEN_HTTP_PORT=$HOST_PORT java -jar "$JAR" > "$DATA/host.log" 2>&1 &
HOST_PID=$!
until curl -fs -o /dev/null http://127.0.0.1:$HOST_PORT/health/ready; do
  sleep 0.1; kill -0 "$HOST_PID" 2>/dev/null || { cat "$DATA/host.log" >&2; exit 1; }
done

PASSWORD="benchmark passphrase 1"
sign_up() { # email
  curl -fs -o /dev/null -X POST http://127.0.0.1:$HOST_PORT/v1/signup -H 'Content-Type: application/json' -d "{
    \"center\":{\"name\":\"Bench\",\"address\":\"Calle 1\",\"taxId\":\"B1\",\"country\":\"ES\",\"timeZone\":\"Europe/Madrid\",\"currency\":\"EUR\"},
    \"admin\":{\"fullName\":\"Ana López\",\"email\":\"$1\",\"password\":\"$PASSWORD\",\"ageConfirmed\":true}}"
}
login() { # email: the token
  curl -fs -X POST http://127.0.0.1:$HOST_PORT/v1/auth/login -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
sign_up "bench@example.com"
TOKEN=$(login "bench@example.com")
export TOKEN THREADS

rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk '/^ +Latency +[0-9]/ {a=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print a" avg, "p50" p50, "p99" p99"}'; }
non2xx() { awk '/Non-2xx/ {n=$4} END {print n+0}'; }
row() { echo "| $1 | $(echo "$2" | rps) req/s | $(echo "$2" | lat) | $(echo "$2" | non2xx) |"; }
wrk_run() { wrk -t$THREADS -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@"; }

# Warm the host with creates of other numbers, then measure creates; the clients stay for the search.
COUNTS_FILE="$DATA/warm.counts" OFFSET=5000000 wrk -t$THREADS -c"$CONNECTIONS" -d5s -s bench/client_create.lua \
  http://127.0.0.1:$HOST_PORT/v1/clients > /dev/null
CREATE=$(COUNTS_FILE="$DATA/create.counts" OFFSET=0 wrk_run -s bench/client_create.lua http://127.0.0.1:$HOST_PORT/v1/clients)
PER_THREAD=$(sort -n "$DATA/create.counts" | head -1)
export PER_THREAD
wrk -t$THREADS -c"$CONNECTIONS" -d5s -s bench/client_search.lua http://127.0.0.1:$HOST_PORT/v1/clients/search > /dev/null
SEARCH=$(wrk_run -s bench/client_search.lua http://127.0.0.1:$HOST_PORT/v1/clients/search)
ROWS=$(( $(paste -sd+ "$DATA/warm.counts") + $(paste -sd+ "$DATA/create.counts") ))
# The same creates spread over 8 centers: each center's audit chain takes its writers one at a time.
CENTERS=8
TOKENS=""
for i in $(seq 1 $CENTERS); do
  sign_up "bench$i@example.com"
  TOKENS="$TOKENS,$(login "bench$i@example.com")"
done
SPREAD=$(TOKENS="$TOKENS" COUNTS_FILE="$DATA/spread.counts" OFFSET=0 wrk_run -s bench/client_create.lua \
  http://127.0.0.1:$HOST_PORT/v1/clients)
ONE=$(curl -fs -X POST http://127.0.0.1:$HOST_PORT/v1/clients/search -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $TOKEN" -d '{"phone":"610 00 00 10"}' | grep -o "\"id\"" | wc -l || true)

# The baselines, on the host's own embedded PostgreSQL (port from its pid file), while it idles.
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
CP=$(mvn -B -q -o -pl qleven-host dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime | sed 's/\x1b\[[0-9;]*m//g')
BASE=$(java -cp "$CP" bench/ClientsBaseline.java "jdbc:postgresql://localhost:$PG_PORT/" postgres "$CONNECTIONS" \
  "$SECONDS_EACH" "$ROWS")
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""
OVERHEAD=$(java -cp "$JAR" bench/EncryptionOverhead.java 50000 2>/dev/null | grep -v '^{' | tail -4)

base_row() { # label, line "what N/s avg Xms p50 Yms p99 Zms"
  echo "$2" | awk -v label="$1" '{printf "| %s | %s req/s | %s avg, %s p50, %s p99 | 0 |\n", label, substr($2, 1, length($2)-2), $4, $6, $8}'
}
echo "wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_EACH}s on $(nproc) cores, $(java -version 2>&1 | head -1); $ROWS clients in the center; a searched number matches $ONE client"
echo
echo "| measure | throughput | latency | non-2xx |"
echo "|---|---|---|---|"
base_row "bare INSERT of a client-sized row, one per transaction, $CONNECTIONS connections (baseline)" "$(echo "$BASE" | grep '^insert')"
row "POST /v1/clients (auth, validation, libphonenumber, 5 fields sealed, indexes and name tokens, audit)" "$CREATE"
row "POST /v1/clients, the same over $CENTERS centers" "$SPREAD"
base_row "bare SELECT by (tenant_id, phone_index), $CONNECTIONS connections (baseline)" "$(echo "$BASE" | grep '^lookup')"
row "POST /v1/clients/search {\"phone\"} (auth, libphonenumber, blind index, decrypt, audit)" "$SEARCH"
echo
echo "Encryption work per request, one thread (bench/EncryptionOverhead.java, 50000 of each):"
echo
echo '```'
echo "$OVERHEAD"
echo '```'
