#!/usr/bin/env bash
# Reproduces docs/benchmarks.md "One center against eight": GET /v1/me (each request appends an
# audit event) with 16 connections on one center, and the same spread over 8 centers, for each jar
# given, one after the other in one run on this machine. Both cases take turns among 8 sessions
# (8 sign-ins of one center's administrator, or one in each of 8 centers), so that only the
# centers differ; the two alternate for ROUNDS rounds. Pass the jars to compare, baseline first:
#   bash bench/audit.sh /tmp/main/qleven-host/target/qleven-host.jar qleven-host/target/qleven-host.jar
# Build a jar with `mvn -B -q package -DskipTests` in its checkout. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/audit.sh JAR [JAR…]" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
SECONDS_EACH=${SECONDS_EACH:-20}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-16}
CENTERS=8
HOST_PORT=18080
if (exec 3<>/dev/tcp/127.0.0.1/$HOST_PORT) 2>/dev/null; then echo "port $HOST_PORT is already in use" >&2; exit 1; fi
DATA=""; HOST_PID=""
cleanup() { [ -z "$HOST_PID" ] || kill "$HOST_PID" 2>/dev/null || true; wait 2>/dev/null || true; [ -z "$DATA" ] || rm -rf "$DATA"; }
trap cleanup EXIT

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
rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk '/^ +Latency +[0-9]/ {a=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print a" avg, "p50" p50, "p99" p99"}'; }
non2xx() { awk '/Non-2xx/ {n=$4} END {print n+0}'; }
row() { echo "| $1 | $(echo "$2" | rps) req/s | $(echo "$2" | lat) | $(echo "$2" | non2xx) |"; }
wrk_run() { wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/me.lua "$@" http://127.0.0.1:$HOST_PORT/v1/me; }

echo "wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "| jar | measure | throughput | latency | non-2xx |"
echo "|---|---|---|---|---|"
for JAR in "$@"; do
  [ -f "$JAR" ] || { echo "no jar at $JAR" >&2; exit 1; }
  DATA=$(mktemp -d)
  env QLEVEN_DATA_DIR="$DATA" QLEVEN_HTTP_PORT=$HOST_PORT java -jar "$JAR" > "$DATA/host.log" 2>&1 &
  HOST_PID=$!
  until curl -fs -o /dev/null http://127.0.0.1:$HOST_PORT/health/ready; do
    sleep 0.1; kill -0 "$HOST_PID" 2>/dev/null || { cat "$DATA/host.log" >&2; exit 1; }
  done
  SPREAD_TOKENS=""; ONE_TOKENS=""
  for i in $(seq 1 $CENTERS); do
    sign_up "bench$i@example.com"
    SPREAD_TOKENS="$SPREAD_TOKENS,$(login "bench$i@example.com")"
    ONE_TOKENS="$ONE_TOKENS,$(login "bench1@example.com")"
  done
  # Warm the JVM on both sets of sessions before measuring.
  TOKENS="$SPREAD_TOKENS" wrk -t2 -c"$CONNECTIONS" -d"${WARM:-15s}" -s bench/me.lua http://127.0.0.1:$HOST_PORT/v1/me > /dev/null
  TOKENS="$ONE_TOKENS" wrk -t2 -c"$CONNECTIONS" -d"${WARM:-15s}" -s bench/me.lua http://127.0.0.1:$HOST_PORT/v1/me > /dev/null
  for round in $(seq 1 "$ROUNDS"); do
    row "$JAR | GET /v1/me, one center, round $round" "$(TOKENS="$ONE_TOKENS" wrk_run)"
    row "$JAR | GET /v1/me, 8 centers, round $round" "$(TOKENS="$SPREAD_TOKENS" wrk_run)"
  done
  kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""
  rm -rf "$DATA"; DATA=""
done
