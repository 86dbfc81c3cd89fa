#!/usr/bin/env bash
# Reproduces docs/benchmarks.md "Issue 10: issuing invoices". Starts the shaded jar on a fresh data
# dir with its embedded PostgreSQL, signs a Spanish center up with one client, and runs
# bench/IssueInvoices.java against it: drafts (no lock, the baseline), issuing one at a time, and
# THREADS desks issuing into the same series at once.
# usage: bench/issue10.sh [JAR]   (build it with: mvn -B -q -DskipTests package; needs curl)
# Environment: THREADS (16), COUNT (800: issues per step; drafts are 3 × COUNT).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-qleven-host/target/qleven-host.jar}
[ -f "$JAR" ] || { echo "no jar at $JAR" >&2; exit 1; }
THREADS=${THREADS:-16}; COUNT=${COUNT:-800}
PASSWORD="benchmark passphrase 1"
port() { local p; while :; do p=$((20000 + RANDOM % 30000)); (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }; done; }
HOST_PORT=$(port); MANAGEMENT_PORT=$(port)
WORK=$(mktemp -d); HOST_PID=""
cleanup() { [ -z "$HOST_PID" ] || { kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; }; rm -rf "$WORK"; }
trap cleanup EXIT
QLEVEN_DATA_DIR="$WORK/data" QLEVEN_HTTP_PORT=$HOST_PORT QLEVEN_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  java -jar "$JAR" > "$WORK/host.log" 2>&1 &
HOST_PID=$!
API=http://127.0.0.1:$HOST_PORT
until curl -sf -o /dev/null $API/health/ready; do
  sleep 0.2; kill -0 $HOST_PID 2>/dev/null || { tail -20 "$WORK/host.log" >&2; exit 1; }
done
curl -fs -o /dev/null -X POST $API/v1/signup -H 'Content-Type: application/json' -d "{
  \"center\":{\"name\":\"Bench\",\"address\":\"Calle 1\",\"taxId\":\"B1\",\"country\":\"ES\",\"timeZone\":\"Europe/Madrid\",\"currency\":\"EUR\"},
  \"admin\":{\"fullName\":\"Ana López\",\"email\":\"bench@example.com\",\"phone\":\"+34600111222\",\"password\":\"$PASSWORD\",\"ageConfirmed\":true}}"
TOKEN=$(curl -fs -X POST $API/v1/auth/login -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
CLIENT=$(curl -fs -X POST $API/v1/clients -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"fullName":"José Núñez","phone":"600 111 222"}' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
echo "run of $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/IssueInvoices.java "$API" "$TOKEN" "$CLIENT" "$THREADS" "$COUNT"
