#!/usr/bin/env bash
# Reproduces docs/benchmarks.md "Issue 13: devices over MQTT". Runs the DeviceMqttBenchmark class of
# qleven-sdk-examples' tests (never part of verify: its name matches no test pattern), once on a
# private Mosquitto (started by the benchmark on a free port, never the machine's broker) and once on
# the embedded HiveMQ CE: command round trip through a DeviceSimulator and through the mosquitto
# command-line tools as the device; telemetry from DEVICES simulators (one Paho connection each) and
# from one mosquitto_pub -l; prints one table row per measure.
# usage: bench/issue13-devices.sh   (needs mosquitto and mosquitto-clients: apt-get install mosquitto mosquitto-clients)
# Environment: COMMANDS (500), DEVICES (1000), PER_DEVICE (20 telemetry messages per device).
set -euo pipefail
cd "$(dirname "$0")/.."
COMMANDS=${COMMANDS:-500}; DEVICES=${DEVICES:-1000}; PER_DEVICE=${PER_DEVICE:-20}
echo "run of $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q verify -pl qleven-sdk-examples -am -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=DeviceMqttBenchmark -Dcommands="$COMMANDS" -Ddevices="$DEVICES" -DperDevice="$PER_DEVICE" 2>&1 | grep -E "ERROR|FAIL" || true
# The round trip through the host: API call → ack recorded (DeviceRoundTripBenchmark, qleven-host's tests;
# needs QLEVEN_TEST_DB_URL/USER or an embedded PostgreSQL).
mvn -B -q verify -pl qleven-host -am -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=DeviceRoundTripBenchmark -Dcommands="$COMMANDS" 2>&1 | grep -E "ERROR|FAIL" || true
grep -hE '^(\||broker )' qleven-sdk-examples/target/surefire-reports/com.qleven.examples.devices.DeviceMqttBenchmark-output.txt 2>/dev/null || true
grep -hE '^(\||load )' qleven-host/target/surefire-reports/com.qleven.host.devices.DeviceRoundTripBenchmark-output.txt 2>/dev/null || true
