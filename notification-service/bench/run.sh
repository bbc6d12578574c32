#!/usr/bin/env bash
# Throughput benchmark: 10,000 reminder events -> notification-service (packaged, own JVM) -> the e-mail provider:
# GreenMail standalone SMTP and/or SendGrid's v3 Mail Send answered by a WireMock stub. Starts its own PostgreSQL
# (embedded binaries) and Kafka broker (test-kit), prints the figures per provider, fails if any reminder is lost or
# duplicated or a provider's run exceeds the limit. Run from the repository root:
#   notification-service/bench/run.sh [reminders] [pharmacies]
#   STATEMENTS=1 notification-service/bench/run.sh   # every reminder with its statement of account attached (< 90 s)
#   PROVIDERS=smtp,sendgrid STATEMENTS=1 notification-service/bench/run.sh   # both providers, one after the other
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REMINDERS="${1:-10000}"
PHARMACIES="${2:-10}"
PROVIDERS="${PROVIDERS:-smtp}"
./mvnw -o -q -pl notification-service package -DskipTests
./mvnw -o -q -pl notification-service test -Dtest=ReminderThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.reminders="$REMINDERS" -Dbench.pharmacies="$PHARMACIES" -Dbench.statements="${STATEMENTS:+true}" \
  -Dbench.providers="$PROVIDERS" 2>&1 | grep -v -E '^\s*$' \
  | grep -E '^(===|reminders|smtp|sendgrid|failed:)|FAIL|ERROR\]'
