#!/usr/bin/env bash
# Figures for docs/security.md: time from a grant's removal to the first refused request (auth-service's own
# platform-security consumer, through the real broker), and how many of N parallel password guesses for one account
# are evaluated. Uses the test kit (embedded PostgreSQL, Kafka in a child JVM), no stack needed. Run from the
# repository root:   auth-service/bench/security-figures.sh [rounds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROUNDS="${1:-20}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -o -q -pl auth-service test -Dtest=SecurityFiguresBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rounds="$ROUNDS" 2>&1 | grep -E '^===|FAIL|ERROR\]' || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
