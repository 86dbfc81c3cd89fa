#!/usr/bin/env bash
# Reproduces docs/benchmarks.md: start-up time and memory of the host on its embedded defaults,
# sign-in throughput (bounded by Argon2id), GET /v1/me, and a bare Undertow handler as the
# baseline, all in one run on this machine. Needs wrk (apt-get install wrk) and a built jar
# (mvn -B -q install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=qleven-host/target/qleven-host.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
HOST_PORT=18080
BARE_PORT=18081
DATA=$(mktemp -d)
cleanup() { kill "$HOST_PID" "$BARE_PID" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

ready_ms() { # pid, url: milliseconds from now until the url answers 200
  local start=$(date +%s%N)
  until curl -fs -o /dev/null "$2"; do sleep 0.05; kill -0 "$1" 2>/dev/null || { echo "process died" >&2; exit 1; }; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

run_host() {
  QLEVEN_DATA_DIR="$DATA" QLEVEN_HTTP_PORT=$HOST_PORT java -jar "$JAR" > "$DATA/host-$1.log" 2>&1 &
  HOST_PID=$!
  echo "$(ready_ms $HOST_PID http://127.0.0.1:$HOST_PORT/health/ready)"
}

FIRST=$(run_host first)
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true
AGAIN=$(run_host again)

EMAIL="bench-$RANDOM@example.com"
PASSWORD="benchmark passphrase 1"
curl -fs -o /dev/null -X POST http://127.0.0.1:$HOST_PORT/v1/signup -H 'Content-Type: application/json' -d "{
  \"center\":{\"name\":\"Bench\",\"address\":\"Calle 1\",\"taxId\":\"B1\",\"country\":\"ES\",\"timeZone\":\"Europe/Madrid\",\"currency\":\"EUR\"},
  \"admin\":{\"fullName\":\"Ana López\",\"email\":\"$EMAIL\",\"phone\":\"+34600111222\",\"password\":\"$PASSWORD\",\"ageConfirmed\":true}}"
export LOGIN_BODY="{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}"
TOKEN=$(curl -fs -X POST http://127.0.0.1:$HOST_PORT/v1/auth/login -H 'Content-Type: application/json' -d "$LOGIN_BODY" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')

CP=$(mvn -B -q -o -pl qleven-host dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeArtifactIds=undertow-core,xnio-api,xnio-nio,jboss-logging,wildfly-common,wildfly-client-config,jboss-threads,smallrye-common-constraint,smallrye-common-cpu,smallrye-common-expression,smallrye-common-function,smallrye-common-net,smallrye-common-os,smallrye-common-ref)
java -cp "$CP" bench/BareUndertow.java $BARE_PORT > "$DATA/bare.log" 2>&1 &
BARE_PID=$!
ready_ms $BARE_PID http://127.0.0.1:$BARE_PORT/ > /dev/null

rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk '/Latency/ {print $2" avg, "$4" stdev"}'; }
wrk_run() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@"; }

# Warm both JVMs once before measuring.
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$HOST_PORT/v1/me > /dev/null
wrk -t2 -c"$CONNECTIONS" -d5s http://127.0.0.1:$BARE_PORT/ > /dev/null

BARE=$(wrk_run http://127.0.0.1:$BARE_PORT/)
ME=$(wrk_run -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$HOST_PORT/v1/me)
LOGIN=$(wrk_run -s bench/login.lua http://127.0.0.1:$HOST_PORT/v1/auth/login)
RSS_KB=$(ps -o rss= -p "$HOST_PID" | tr -d ' ')

cat <<REPORT
| measure | result |
|---|---|
| host ready, first start (initdb + migrations) | ${FIRST} ms |
| host ready, second start on the same data | ${AGAIN} ms |
| host JVM resident memory after the runs | $((RSS_KB / 1024)) MiB |
| bare Undertow handler (baseline) | $(echo "$BARE" | rps) req/s, latency $(echo "$BARE" | lat) |
| GET /v1/me | $(echo "$ME" | rps) req/s, latency $(echo "$ME" | lat) |
| POST /v1/auth/login (Argon2id m=19 MiB, t=2) | $(echo "$LOGIN" | rps) req/s, latency $(echo "$LOGIN" | lat) |
REPORT
echo
echo "non-2xx answers: me=$(echo "$ME" | awk '/Non-2xx/ {print $4}') login=$(echo "$LOGIN" | awk '/Non-2xx/ {print $4}')"
