#!/usr/bin/env bash
# Throughput benchmark: 10,000 reminder events -> notification-service (packaged, own JVM) -> GreenMail standalone SMTP.
# Starts its own PostgreSQL (embedded binaries) and Kafka broker (test-kit), prints the figures, fails if any
# reminder is lost or duplicated or the run exceeds the limit. Run from the repository root:
#   notification-service/bench/run.sh [reminders] [pharmacies]
#   STATEMENTS=1 notification-service/bench/run.sh   # every reminder with its statement of account attached (< 90 s)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REMINDERS="${1:-10000}"
PHARMACIES="${2:-10}"
mvn -o -q -pl notification-service package -DskipTests
mvn -o -q -pl notification-service test -Dtest=ReminderThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.reminders="$REMINDERS" -Dbench.pharmacies="$PHARMACIES" -Dbench.statements="${STATEMENTS:+true}" 2>&1 | grep -v -E '^\s*$' | grep -E '^(===|reminders|all |delivery|mails|statements|failed:)|FAIL|ERROR\]'
