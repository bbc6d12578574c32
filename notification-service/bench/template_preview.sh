#!/usr/bin/env bash
# Preview time for the worst templates the sandbox allows and for hostile ones it refuses, through HTTP against
# the app booted by the test kit (PostgreSQL, Kafka); then an ordinary preview timed while 4 clients send the worst
# template. Prints one line per template (answer, median, p95, max, output characters). Run from anywhere:
#   notification-service/bench/template_preview.sh [requests per template, default 30]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REQUESTS="${1:-30}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
./mvnw -o -q -pl notification-service test -Dtest=TemplatePreviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.requests="$REQUESTS" 2>&1 | grep -E '^(===|preview )|FAIL|ERROR\]'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
