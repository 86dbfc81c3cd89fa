#!/usr/bin/env bash
# Reproduces docs/benchmarks.md "Issue 11: WhatsApp dispatch rate". Runs the DispatchRateBenchmark
# class of qleven-host's tests (never part of verify: its name matches no test pattern): one number
# with a full queue at its configured rate against the fake Graph API, first with one host
# dispatching (the baseline), then another number with two hosts side by side sharing its bucket
# through PostgreSQL; prints one table row per run.
# usage: bench/issue11-dispatch.sh   (needs QLEVEN_TEST_DB_URL/USER, or an embedded PostgreSQL)
# Environment: RATE (20 messages/s), WINDOW (60: the measured seconds, after 5 s of settling).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-20}; WINDOW=${WINDOW:-60}
echo "run of $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q verify -pl qleven-host -am -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=DispatchRateBenchmark -Drate="$RATE" -Dseconds="$WINDOW" 2>&1 | grep -E "ERROR|FAIL" || true
grep -h '^|' qleven-host/target/surefire-reports/com.qleven.host.messaging.DispatchRateBenchmark-output.txt 2>/dev/null || true
