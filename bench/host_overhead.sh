#!/usr/bin/env bash
# What the host adds to a request: GET /health/live (routing, request id, security headers, access
# log, metrics; no database) and GET /v1/me (the same plus authentication and an audit event), on
# a baseline jar and on this checkout's jar, next to a bare Undertow handler, all in one run.
# Usage: BASELINE_JAR=/path/to/baseline/qleven-host.jar bash bench/host_overhead.sh
# Build this checkout's jar first (mvn -B -q -DskipTests package); build the baseline's the same
# way from an export of its commit (git archive <commit> | tar -x -C /tmp/base). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=qleven-host/target/qleven-host.jar
: "${BASELINE_JAR:?set BASELINE_JAR to the jar to compare with}"
for j in "$JAR" "$BASELINE_JAR"; do [ -f "$j" ] || { echo "missing $j" >&2; exit 1; }; done
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
HOST_PORT=${HOST_PORT:-18580}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18590}
BARE_PORT=${BARE_PORT:-18581}
for port in $HOST_PORT $MANAGEMENT_PORT $BARE_PORT; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is already in use" >&2; exit 1; fi
done
WORK=$(mktemp -d)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

await() { # pid, url
  until curl -fs -o /dev/null "$2"; do
    sleep 0.1; kill -0 "$1" 2>/dev/null || { echo "process died; see $WORK" >&2; trap - EXIT; exit 1; }
  done
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk '/^ +Latency +[0-9]/ {a=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print a" avg, "p50" p50, "p99" p99"}'; }
non2xx() { awk '/Non-2xx/ {n=$4} END {print n+0}'; }
measure() { # url, extra wrk arguments...: warm-up, then the measured run
  wrk -t2 -c"$CONNECTIONS" -d5s "${@:2}" "$1" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${@:2}" "$1"
}
row() { echo "| $1 | $(echo "$2" | rps) req/s | $(echo "$2" | lat) | $(echo "$2" | non2xx) |"; }

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
java -cp "$JAR" bench/BareUndertow.java $BARE_PORT > "$WORK/bare.log" 2>&1 &
PID=$!
await $PID http://127.0.0.1:$BARE_PORT/
BARE=$(measure http://127.0.0.1:$BARE_PORT/)
stop

host() { # name, jar: starts it on fresh data, signs a center up, measures both routes
  mkdir -p "$WORK/$1"
  QLEVEN_DATA_DIR="$WORK/$1" QLEVEN_HTTP_PORT=$HOST_PORT QLEVEN_MANAGEMENT_PORT=$MANAGEMENT_PORT \
    java -jar "$2" > "$WORK/$1.log" 2>&1 &
  PID=$!
  await $PID http://127.0.0.1:$HOST_PORT/health/ready
  curl -fs -o /dev/null -X POST http://127.0.0.1:$HOST_PORT/v1/signup -H 'Content-Type: application/json' -d '{
    "center":{"name":"Bench","address":"Calle 1","taxId":"B1","country":"ES","timeZone":"Europe/Madrid","currency":"EUR"},
    "admin":{"fullName":"Ana López","email":"bench@example.com","phone":"+34600111222","password":"benchmark passphrase 1","ageConfirmed":true}}'
  TOKEN=$(curl -fs -X POST http://127.0.0.1:$HOST_PORT/v1/auth/login -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"benchmark passphrase 1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
  LIVE=$(measure http://127.0.0.1:$HOST_PORT/health/live)
  ME=$(measure http://127.0.0.1:$HOST_PORT/v1/me -H "Authorization: Bearer $TOKEN")
  LINES=$(grep -c '"logger":"com.qleven.host.access"' "$WORK/$1.log" || true)
  stop
}
# FIRST=current measures this checkout before the baseline, to see how much the order weighs.
if [ "${FIRST:-baseline}" = current ]; then
  host current "$JAR"; CUR_LIVE=$LIVE; CUR_ME=$ME; CUR_LINES=$LINES
  host baseline "$BASELINE_JAR"; BASE_LIVE=$LIVE; BASE_ME=$ME; BASE_LINES=$LINES
else
  host baseline "$BASELINE_JAR"; BASE_LIVE=$LIVE; BASE_ME=$ME; BASE_LINES=$LINES
  host current "$JAR"; CUR_LIVE=$LIVE; CUR_ME=$ME; CUR_LINES=$LINES
fi

echo "wrk -t2 -c$CONNECTIONS -d$DURATION (after 5 s of warm-up each) on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "baseline: $BASELINE_JAR; current: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)'); measured first: ${FIRST:-baseline}; load average before: $LOAD"
echo
echo "| measure | throughput | latency | non-2xx |"
echo "|---|---|---|---|"
row "bare Undertow handler, same JSON body (baseline)" "$BARE"
row "GET /health/live, baseline jar" "$BASE_LIVE"
row "GET /health/live, current" "$CUR_LIVE"
row "GET /v1/me, baseline jar" "$BASE_ME"
row "GET /v1/me, current" "$CUR_ME"
echo
ratio() { awk -v a="$(echo "$1" | rps)" -v b="$(echo "$BARE" | rps)" 'BEGIN {printf "%.2f", a / b}'; }
echo "GET /health/live against the bare handler: baseline $(ratio "$BASE_LIVE")x, current $(ratio "$CUR_LIVE")x"
echo "access lines written: baseline $BASE_LINES, current $CUR_LINES"
