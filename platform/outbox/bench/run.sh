#!/usr/bin/env bash
# Outbox relay benchmarks (RelayBenchmark), against the test-kit's PostgreSQL (embedded binaries) and Kafka broker
# (child JVM), both started by the run, with the platform's production relay settings (batch 2,000):
#   - drain rate of ROWS committed business rows, then of ROWS audit rows, from a standing start;
#   - cleanup rate of those business rows once past the retention;
#   - a business event's publish-to-consumer latency (commit to the consumer's commit, through the Inbox; one event
#     every 50 ms) while audit events are written at AUDIT_RATE/s for SECONDS, then on top of a 300,000-event backlog.
# Prints figures (lines "bench: ..."); not part of the build. From the repository root:
#   platform/outbox/bench/run.sh [ROWS, default 500000] [SECONDS, default 60] [AUDIT_RATE, default 3000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
ROWS="${1:-500000}"
SECONDS_="${2:-60}"
AUDIT_RATE="${3:-3000}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
./mvnw -o -q -pl platform/outbox test -Dtest=RelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rows="$ROWS" -Dbench.seconds="$SECONDS_" -Dbench.audit-rate="$AUDIT_RATE" 2>&1 \
  | grep -E '^bench:|Tests run:|FAIL|ERROR\]' || true
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
