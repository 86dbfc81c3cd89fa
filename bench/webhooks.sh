#!/usr/bin/env bash
# Reproduces docs/benchmarks.md "Issue 11: status webhook ingestion". Starts the shaded jar on a fresh
# database of the PostgreSQL at PGURL (the host's pool logs in as its derived unprivileged role), with
# a webhook app secret, and runs bench/WebhookIngestion.java against it: RATE signed POSTs/s of
# STATUSES statuses each to POST /webhooks/whatsapp, then the same bodies as bare JDBC INSERTs at the
# same rate, in the same run; and how long the host's job takes to process what was posted.
# usage: bench/webhooks.sh [JAR]   (build it with: mvn -B -q -DskipTests package; needs curl, psql)
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD; RATE (100),
# STATUSES (10), DURATION (30, seconds measured), WARM (5), POOL (10); WEBHOOK_EVERY (250ms: the host's
# QLEVEN_WHATSAPP_WEBHOOK_EVERY; 1h keeps the job idle while posting).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-qleven-host/target/qleven-host.jar}
[ -f "$JAR" ] || { echo "no jar at $JAR" >&2; exit 1; }
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}; export PGHOST PGPORT PGUSER
RATE=${RATE:-100}; STATUSES=${STATUSES:-10}; DURATION=${DURATION:-30}; WARM=${WARM:-5}; POOL=${POOL:-10}
DRIVER=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
SECRET="bench-webhook-app-secret"
DB="qleven_bench_webhooks_$$"
port() { local p; while :; do p=$((20000 + RANDOM % 30000)); (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }; done; }
HOST_PORT=$(port); MANAGEMENT_PORT=$(port)
WORK=$(mktemp -d); HOST_PID=""
cleanup() {
  [ -z "$HOST_PID" ] || { kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; }
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
psql -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
JDBC="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
QLEVEN_DATA_DIR="$WORK/data" QLEVEN_HTTP_PORT=$HOST_PORT QLEVEN_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  QLEVEN_DATABASE_URL="$JDBC" QLEVEN_DATABASE_USER="$PGUSER" QLEVEN_DATABASE_PASSWORD="${PGPASSWORD:-}" \
  QLEVEN_WHATSAPP_APP_SECRET="$SECRET" QLEVEN_WHATSAPP_WEBHOOK_EVERY="${WEBHOOK_EVERY:-250ms}" java -jar "$JAR" > "$WORK/host.log" 2>&1 &
HOST_PID=$!
API=http://127.0.0.1:$HOST_PORT
until curl -sf -o /dev/null $API/health/ready; do
  sleep 0.2; kill -0 $HOST_PID 2>/dev/null || { tail -20 "$WORK/host.log" >&2; exit 1; }
done
echo "run of $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$DRIVER" bench/WebhookIngestion.java "$API" "$SECRET" "$JDBC" "$PGUSER" "${PGPASSWORD:-}" \
  "$RATE" "$STATUSES" "$DURATION" "$WARM" "$POOL"
