#!/usr/bin/env bash
# Reproduces docs/benchmarks.md: start-up time and memory of the host on its embedded defaults,
# GET /v1/me next to a bare Undertow handler, and sign-in throughput with production Argon2id next
# to the same sign-in with a negligible hash cost, all in one run on this machine.
# Needs wrk (apt-get install wrk) and a built jar (mvn -B -q install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=qleven-host/target/qleven-host.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
HOST_PORT=18080
BARE_PORT=18081
for port in $HOST_PORT $BARE_PORT; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is already in use" >&2; exit 1; fi
done
DATA=$(mktemp -d)
HOST_PID=""; BARE_PID=""
cleanup() { kill $HOST_PID $BARE_PID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

ready_ms() { # pid, url: milliseconds from now until the url answers 200
  local start; start=$(date +%s%N)
  until curl -fs -o /dev/null "$2"; do
    sleep 0.05; kill -0 "$1" 2>/dev/null || { echo "process died; see $DATA" >&2; trap - EXIT; exit 1; }
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
start_host() { # log name, extra environment...; sets HOST_PID and READY
  local name=$1; shift
  env QLEVEN_DATA_DIR="$DATA" QLEVEN_HTTP_PORT=$HOST_PORT "$@" java -jar "$JAR" > "$DATA/host-$name.log" 2>&1 &
  HOST_PID=$!
  READY=$(ready_ms $HOST_PID http://127.0.0.1:$HOST_PORT/health/ready)
}
stop_host() { kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""; }
sign_up() { # email
  curl -fs -o /dev/null -X POST http://127.0.0.1:$HOST_PORT/v1/signup -H 'Content-Type: application/json' -d "{
    \"center\":{\"name\":\"Bench\",\"address\":\"Calle 1\",\"taxId\":\"B1\",\"country\":\"ES\",\"timeZone\":\"Europe/Madrid\",\"currency\":\"EUR\"},
    \"admin\":{\"fullName\":\"Ana López\",\"email\":\"$1\",\"phone\":\"+34600111222\",\"password\":\"$PASSWORD\",\"ageConfirmed\":true}}"
}
rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk '/^ +Latency +[0-9]/ {a=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print a" avg, "p50" p50, "p99" p99"}'; }
non2xx() { awk '/Non-2xx/ {n=$4} END {print n+0}'; }
wrk_run() { wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$DURATION" --latency "${@:2}"; }
row() { echo "| $1 | $(echo "$2" | rps) req/s | $(echo "$2" | lat) | $(echo "$2" | non2xx) |"; }

PASSWORD="benchmark passphrase 1"
start_host first; FIRST=$READY
stop_host
start_host again; AGAIN=$READY
RSS_IDLE=$(ps -o rss= -p "$HOST_PID" | tr -d ' ')

sign_up "bench@example.com"
export LOGIN_BODY="{\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}"
TOKEN=$(curl -fs -X POST http://127.0.0.1:$HOST_PORT/v1/auth/login -H 'Content-Type: application/json' -d "$LOGIN_BODY" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')

CP=$(mvn -B -q -o -pl qleven-host dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
java -cp "$CP" bench/BareUndertow.java $BARE_PORT > "$DATA/bare.log" 2>&1 &
BARE_PID=$!
ready_ms $BARE_PID http://127.0.0.1:$BARE_PORT/ > /dev/null

# Warm both JVMs before measuring.
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$HOST_PORT/v1/me > /dev/null
wrk -t2 -c"$CONNECTIONS" -d5s http://127.0.0.1:$BARE_PORT/ > /dev/null
wrk -t2 -c2 -d5s -s bench/login.lua http://127.0.0.1:$HOST_PORT/v1/auth/login > /dev/null

BARE=$(wrk_run "$CONNECTIONS" http://127.0.0.1:$BARE_PORT/)
kill $BARE_PID; BARE_PID=""
ME=$(wrk_run "$CONNECTIONS" -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$HOST_PORT/v1/me)
LOGIN_1=$(wrk_run 1 -s bench/login.lua http://127.0.0.1:$HOST_PORT/v1/auth/login)
LOGIN=$(wrk_run "$CONNECTIONS" -s bench/login.lua http://127.0.0.1:$HOST_PORT/v1/auth/login)
RSS_LOADED=$(ps -o rss= -p "$HOST_PID" | tr -d ' ')
stop_host

# The same sign-in with a negligible hash cost: what sign-in costs besides Argon2id.
start_host cheap QLEVEN_ARGON2_MEMORY_KIB=64 QLEVEN_ARGON2_ITERATIONS=1 QLEVEN_ARGON2_UNSAFE_FOR_TESTS=true
sign_up "cheap@example.com"
export LOGIN_BODY="{\"email\":\"cheap@example.com\",\"password\":\"$PASSWORD\"}"
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/login.lua http://127.0.0.1:$HOST_PORT/v1/auth/login > /dev/null
CHEAP=$(wrk_run "$CONNECTIONS" -s bench/login.lua http://127.0.0.1:$HOST_PORT/v1/auth/login)
stop_host

echo "wrk -t2 -c$CONNECTIONS -d$DURATION on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "| measure | throughput | latency | non-2xx |"
echo "|---|---|---|---|"
row "bare Undertow handler, same JSON body (baseline)" "$BARE"
row "GET /v1/me (token lookup, session check, account decrypt, audit event)" "$ME"
row "POST /v1/auth/login, Argon2id m=19 MiB t=2 p=1, 1 connection" "$LOGIN_1"
row "POST /v1/auth/login, Argon2id m=19 MiB t=2 p=1, $CONNECTIONS connections" "$LOGIN"
row "POST /v1/auth/login, Argon2id m=64 KiB t=1 (hash cost removed)" "$CHEAP"
echo
echo "| start-up and memory | |"
echo "|---|---|"
echo "| ready, first start (initdb, migrations, key file) | ${FIRST} ms |"
echo "| ready, second start on the same data | ${AGAIN} ms |"
echo "| host JVM resident memory, idle after start | $((RSS_IDLE / 1024)) MiB |"
echo "| host JVM resident memory, after the load | $((RSS_LOADED / 1024)) MiB |"
