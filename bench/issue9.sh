#!/usr/bin/env bash
# Reproduces docs/benchmarks.md "Issue 9: availability and booking", the booking half. In one run,
# on one host started on a fresh data dir with its embedded PostgreSQL, with wrk -t2 -c16:
#   POST /v1/appointments      (bench/book.lua: every request a distinct professional and start)
#   bench/BareBooking.java     the same database work in one transaction, with the host's statements:
#                              the session look-up (directory.open_by_session_token), the appointment
#                              with its hold in the exclusion-constrained table (one statement), one
#                              audit row
#   bench/BareBooking.java /insert   a bare single insert: the appointment row alone
# The center has PROS professionals working 00:00-24:00 every day and a 15-minute service; each
# run books into its own window of DAYS days, spread so that a day fills slowly (see book.lua).
# The bare handler runs beside the host on its database: its pool logs in as the embedded server's
# superuser (password in <data dir>/…password) and runs SET ROLE <database>_app on every connection,
# so its statements run as the host's app role under row-level security.
# usage: bench/issue9.sh [JAR]   (build it with: mvn -B -q -DskipTests package; needs wrk, curl, psql)
# Environment: DURATION (20s), WARM (5s), CONNECTIONS (16), POOL (10, the host's default pool),
# PROS (30), DAYS (300), STACKS (0: with n > 0, n thread dumps of the host, spread over the first
# measured host run, summed up at the end as where its request threads were).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-qleven-host/target/qleven-host.jar}
[ -f "$JAR" ] || { echo "no jar at $JAR" >&2; exit 1; }
for tool in wrk curl psql; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install wrk curl postgresql-client)" >&2; exit 1; }
done
DURATION=${DURATION:-20s}; WARM=${WARM:-5s}; CONNECTIONS=${CONNECTIONS:-16}; POOL=${POOL:-10}
PROS=${PROS:-30}; DAYS=${DAYS:-300}; THREADS=2; MINUTES=15; STACKS=${STACKS:-0}
PASSWORD="benchmark passphrase 1"

free_port() { # a port nothing listens on, and not handed out before in this run
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    case " ${TAKEN:-} " in *" $port "*) continue ;; esac
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then TAKEN="${TAKEN:-} $port"; echo $port; return; fi
  done
}
HOST_PORT=$(free_port); TAKEN="$HOST_PORT"; MANAGEMENT_PORT=$(free_port); TAKEN="$TAKEN $MANAGEMENT_PORT"
BARE_PORT=$(free_port)

WORK=$(mktemp -d)
HOST_PID=""; BARE_PID=""; WRK_PID=""
cleanup() {
  for pid in $WRK_PID $BARE_PID $HOST_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $WRK_PID $BARE_PID $HOST_PID; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

fail() { echo "$1; last lines of the logs:" >&2; tail -n 20 "$WORK"/*.log >&2 || true; exit 1; }
await() { # pid, url[, any]: until the url answers 2xx (with "any", any HTTP status)
  local fail_on_status=-f; [ -z "${3:-}" ] || fail_on_status=""
  until curl -s $fail_on_status -o /dev/null "$2" 2>/dev/null; do
    sleep 0.2; kill -0 "$1" 2>/dev/null || fail "process $1 died before answering $2"
  done
}
stop_bare() { kill "$BARE_PID" 2>/dev/null || true; wait "$BARE_PID" 2>/dev/null || true; BARE_PID=""; }
rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk '/^ +Latency +[0-9]/ {a=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print a" avg, "p50" p50, "p99" p99"}'; }
non2xx() { awk '/Non-2xx/ {n=$4} /Socket errors/ {e=1} END {print n+0}'; }
total() { awk '/requests in/ {print $1}'; }
wrk_bg() { # output file, wrk arguments...: runs wrk as a child we can kill on failure
  wrk "${@:2}" > "$1" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || fail "wrk failed: $(cat "$1")"
  WRK_PID=""
}
WINDOW=0
SAMPLER_PID=""
sample() { # thread dumps of the host, STACKS of them over DURATION
  local i pause; pause=$(awk -v d="${DURATION%s}" -v n="$STACKS" 'BEGIN {printf "%.2f", d / (n + 1)}')
  for i in $(seq 1 "$STACKS"); do sleep "$pause"; jcmd "$HOST_PID" Thread.print > "$WORK/stack.$i" 2>/dev/null || true; done
}
measure() { # name, url: warm-up, then the measured run, each in a window of days of its own
  DAY0=$((FIRST_DAY + WINDOW * DAYS * 86400)) wrk_bg "$WORK/$1.warm" -t$THREADS -c"$CONNECTIONS" -d"$WARM" \
    -s bench/book.lua "$2"
  WINDOW=$((WINDOW + 1))
  if [ "$1" = book ] && [ "$STACKS" -gt 0 ]; then sample & SAMPLER_PID=$!; fi
  DAY0=$((FIRST_DAY + WINDOW * DAYS * 86400)) wrk_bg "$WORK/$1.out" -t$THREADS -c"$CONNECTIONS" -d"$DURATION" \
    --latency -s bench/book.lua "$2"
  WINDOW=$((WINDOW + 1))
  [ -z "$SAMPLER_PID" ] || { wait "$SAMPLER_PID" || true; SAMPLER_PID=""; }
  [ "$(non2xx < "$WORK/$1.warm")" = 0 ] || fail "$1: wrk saw answers other than 2xx: $(cat "$WORK/$1.warm")"
  [ "$(non2xx < "$WORK/$1.out")" = 0 ] || fail "$1: wrk saw answers other than 2xx: $(cat "$WORK/$1.out")"
}

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$WORK/data"
QLEVEN_DATA_DIR="$WORK/data" QLEVEN_HTTP_PORT=$HOST_PORT QLEVEN_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  java -jar "$JAR" > "$WORK/host.log" 2>&1 &
HOST_PID=$!
await $HOST_PID http://127.0.0.1:$HOST_PORT/health/ready
API=http://127.0.0.1:$HOST_PORT

# The embedded server: its port from postmaster.pid (4th line), its superuser's password file.
PID_FILE=$(find "$WORK/data" -name postmaster.pid | head -1)
PW_FILE=$(find "$WORK/data" -maxdepth 2 -name '*.password' | head -1)
[ -n "$PID_FILE" ] && [ -n "$PW_FILE" ] || fail "no embedded PostgreSQL found under $WORK/data"
PG_PORT=$(sed -n 4p "$PID_FILE")
DB=qleven; APP_ROLE=${DB}_app
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB"
SUPER_PASSWORD=$(cat "$PW_FILE")
sql() { PGPASSWORD="$SUPER_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d $DB -At -c "$1"; }
[ "$(sql "SELECT count(*) FROM pg_roles WHERE rolname = '$APP_ROLE' AND NOT rolsuper AND NOT rolbypassrls")" = 1 ] \
  || fail "no app role $APP_ROLE under row-level security"

call() { # method, path, body: the answer's body, failing on anything but 2xx
  curl -fs -X "$1" "$API$2" -H "Authorization: Bearer ${TOKEN:-}" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} || fail "$1 $2 failed"
}
id_of() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }
curl -fs -o /dev/null -X POST $API/v1/signup -H 'Content-Type: application/json' -d "{
  \"center\":{\"name\":\"Bench\",\"address\":\"Calle 1\",\"taxId\":\"B1\",\"country\":\"ES\",\"timeZone\":\"Europe/Madrid\",\"currency\":\"EUR\"},
  \"admin\":{\"fullName\":\"Ana López\",\"email\":\"bench@example.com\",\"phone\":\"+34600111222\",\"password\":\"$PASSWORD\",\"ageConfirmed\":true}}" \
  || fail "sign-up failed"
TOKEN=$(curl -fs -X POST $API/v1/auth/login -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
WEEK=$(for d in monday tuesday wednesday thursday friday saturday sunday; do
  printf '{"day":"%s","start":"00:00","end":"24:00"},' $d; done)
PRO_IDS=""
for i in $(seq 1 "$PROS"); do
  PRO=$(call POST /v1/users "{\"fullName\":\"Profesional $i\",\"email\":\"pro$i@example.com\",\"role\":\"professional\",\
\"password\":\"$PASSWORD\",\"ageConfirmed\":true}" | id_of)
  call PUT "/v1/staff/$PRO/working-hours" "{\"weekly\":[${WEEK%,}]}" > /dev/null
  PRO_IDS="$PRO_IDS,$PRO"
done
PRO_IDS=${PRO_IDS#,}
RATE=$(call GET /v1/tax-rates | grep -o '"code":"[^"]*"' | head -1 | cut -d'"' -f4)
SERVICE=$(call POST /v1/services "{\"name\":\"Revisión\",\"durationMinutes\":$MINUTES,\"price\":{\"amountMinor\":3000,\
\"currency\":\"EUR\"},\"taxRate\":\"$RATE\"}" | id_of)
CLIENT=$(call POST /v1/clients '{"fullName":"Lucía Fernández","phone":"600111222"}' | id_of)
# The first day: the UTC midnight two days from now.
FIRST_DAY=$(( ($(date -u +%s) / 86400 + 2) * 86400 ))
PRO_COUNT=$PROS
export TOKEN CLIENT SERVICE PROS=$PRO_IDS DAYS THREADS
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" $API/v1/me)" = 200 ] || fail "sign-in failed"

bare() { # url to await: starts the bare program beside the host
  BENCH_DB_PASSWORD="$SUPER_PASSWORD" java -cp "$JAR" bench/BareBooking.java $BARE_PORT "$JDBC" postgres \
    "$APP_ROLE" "$POOL" "$MINUTES" > "$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  await $BARE_PID "$1" any  # an empty body answers 401: up is enough
}

# 1. The host's route, then the bare handler doing its database work, then the bare single insert,
#    then the host's route again (warmer).
measure book $API/v1/appointments
bare "http://127.0.0.1:$BARE_PORT/"
measure bare_book http://127.0.0.1:$BARE_PORT/v1/appointments
measure bare_insert http://127.0.0.1:$BARE_PORT/insert
stop_bare
measure book_again $API/v1/appointments

# The plan PostgreSQL now chooses for the busy-interval query of one booking (the first day of the
# first measured host run, one day either side, every professional), as the app role in the center.
TENANT=$(sql "SELECT tenant_id FROM public.centers LIMIT 1")
D=$((FIRST_DAY + DAYS * 86400))
at() { date -u -d "@$1" '+%Y-%m-%d %H:%M:%S+00'; }
PLAN=$(sql "SET ROLE $APP_ROLE; SELECT set_config('qleven.tenant_id', '$TENANT', false);
  EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT h.resource_id, h.kind, h.starts_at AS start_at, upper(h.during) AS end_at
  FROM unnest('{$PROS}'::uuid[]) AS wanted(id) CROSS JOIN LATERAL (
  SELECT resource_id, kind, starts_at, during FROM public.appointment_resources WHERE tenant_id = '$TENANT' AND active
  AND resource_id = wanted.id AND starts_at >= '$(at $((D - 2 * 86400)))' AND starts_at < '$(at $((D + 2 * 86400)))'
  AND during && tstzrange('$(at $((D - 86400)))', '$(at $((D + 2 * 86400)))', '[)') OFFSET 0) h" \
  | grep -v -e '^SET$' -e "^$TENANT\$" | sed -E "s/'\{[^}]*\}'/'{…the $PRO_COUNT professionals…}'/")
ANALYZED=$(sql "SELECT coalesce(last_autoanalyze::text, 'never') || ' (autovacuum), ' || coalesce(last_analyze::text, 'never')
  || ' (by hand); ' || n_live_tup || ' live rows' FROM pg_stat_user_tables WHERE relname = 'appointment_resources'")
BOOKED=$(sql "SELECT count(*) FROM public.appointments")
HOLDS=$(sql "SELECT count(*) FROM public.appointment_resources")

out() { cat "$WORK/$1.out"; }
row() { echo "| $1 | $(out "$2" | rps) req/s | $(out "$2" | lat) | $(out "$2" | total) |"; }
ratio() { awk -v a="$(out "$1" | rps)" -v b="$(out "$2" | rps)" 'BEGIN {printf "%.2f", a / b}'; }
check() { awk -v r="$1" -v t="$2" 'BEGIN {print (r >= t ? "met" : "MISSED")}'; }

echo "bench/issue9.sh on $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)'), jar $JAR"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION after $WARM of warm-up each; bare pool of $POOL connections (the host's default);"
echo "$PRO_COUNT professionals working 00:00-24:00, a $MINUTES-minute service, each run over $DAYS days of its own;"
echo "$(nproc) cores, $(java -version 2>&1 | head -1), embedded PostgreSQL $(sql 'SHOW server_version'); load average before: $LOAD, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "appointments stored at the end: $BOOKED, holds: $HOLDS"
echo
echo "| measure | throughput | latency | requests |"
echo "|---|---|---|---|"
row "POST /v1/appointments" book
row "BareBooking (session, appointment, hold, audit; one transaction)" bare_book
row "bare single insert (the appointment row)" bare_insert
row "POST /v1/appointments, again" book_again
echo
echo "| target | measured | |"
echo "|---|---|---|"
R=$(ratio book bare_book); echo "| POST /v1/appointments ≥ 0.5× BareBooking | ${R}× | $(check "$R" 0.5) |"
R=$(ratio book_again bare_book); echo "| the same, second host run | ${R}× | $(check "$R" 0.5) |"
echo
echo "public.appointment_resources last analyzed: $ANALYZED"
echo "plan of the busy-interval query of one booking (as the app role, in the center):"
echo "$PLAN" | sed 's/^/    /'
if [ "$STACKS" -gt 0 ]; then
  echo
  echo "Where the host's request threads (XNIO worker tasks) were in $STACKS thread dumps of the first host run:"
  echo "the innermost frame, and the innermost com.qleven frame (counts over all dumps and threads)"
  echo
  cat "$WORK"/stack.* | awk '
    /^"/ { flush(); worker = ($0 ~ /XNIO-[0-9]+ task/); top = ""; ours = ""; state = ""; next }
    /java.lang.Thread.State:/ { state = $2; next }
    /^\tat / { f = $2; sub(/\(.*/, "", f); if (top == "") top = f; if (ours == "" && f ~ /^com\.qleven/) ours = f; next }
    function flush() { if (worker && ours != "") n[state " " top " <- " (ours == "" ? "-" : ours)]++; worker = 0 }
    END { flush(); for (k in n) printf "%6d  %s\n", n[k], k }' | sort -rn | head -25
fi
