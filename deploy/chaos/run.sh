#!/usr/bin/env bash
# The fault-injection suite (issue 18.9) against the running local stack: ./stack up first (STACK_REPLICAS=2 for
# the replica runs), with the same STACK_DIR / STACK_PORT_OFFSET / STACK_REPLICAS in the environment.
#
#   deploy/chaos/run.sh quick            # the CI subset, a few minutes: concurrent uploads, concurrent credit
#                                        # replace-imports, debtor-service killed mid-swap
#   deploy/chaos/run.sh all              # every scenario (about an hour on 2 cores; figures: docs/operations.md)
#   deploy/chaos/run.sh pg-report kafka-credit ...   # some scenarios (deploy/chaos/chaos.py lists them)
#
# The scenarios stop PostgreSQL and Kafka and kill services of that stack (./stack stop/start): never run it against
# a stack someone else uses. Fixtures are made once by the test kit (deploy/local/fixture) into $STACK_DIR/chaos-data.
# Environment: CHAOS_OUTAGE (30 s: how long PostgreSQL/Kafka stay stopped), CHAOS_FINAL_BOUND (300 s: the bound on
# reaching a final state after a fault), CHAOS_SEARCH_SECONDS (120), CHAOS_SEARCHERS (16).
# Prints PASS/FAIL per check, FIGURE lines, and "chaos: N passed, M failed"; exits non-zero when a check failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export STACK_DIR="${STACK_DIR:-$ROOT/.stack}"
OFFSET="${STACK_PORT_OFFSET:-0}"
export GATEWAY="${GATEWAY:-http://127.0.0.1:${GATEWAY_PORT:-$((8080 + OFFSET))}}"
export PG_PORT="${PG_PORT:-$((15432 + OFFSET))}"
export GREENMAIL_API="${GREENMAIL_API:-http://127.0.0.1:${GREENMAIL_API_PORT:-$((8025 + OFFSET))}}"
export STACK="$ROOT/stack"
export STACK_REPLICAS="${STACK_REPLICAS:-1}"
export DATA="${CHAOS_DATA:-$STACK_DIR/chaos-data}"
[[ -s "$STACK_DIR/secrets/admin-password" ]] || { echo "no stack in $STACK_DIR (./stack up first)" >&2; exit 2; }
export ADMIN_PASSWORD="$(cat "$STACK_DIR/secrets/admin-password")"
curl -fsS -o /dev/null "$GATEWAY/services/auth-service/q/health/ready" || { echo "the stack at $GATEWAY is not ready" >&2; exit 2; }

QUICK=(concurrent-uploads concurrent-credit-replace kill-debtor-mid-swap)
case "${1:-quick}" in
  quick) set -- "${QUICK[@]}" ;;
  all) set -- ;;
esac

# the fixtures and their ground truth (FILE.json), made once
mkdir -p "$DATA"
fixture() { local out="$DATA/$1"; shift; [[ -s "$out.json" ]] || "$ROOT/deploy/local/fixture" "$@" --out "$out" >&2; }
fixture deb013_20000.pdf deb013 --accounts 20000 --seed 7 --pharmacy "Chaos Pharmacy" --date 2026-11-30
fixture deb013_older_8000.pdf deb013 --accounts 8000 --seed 8 --pharmacy "Chaos Pharmacy" --date 2026-10-31
fixture deb013_newer_300.pdf deb013 --accounts 300 --seed 9 --pharmacy "Chaos Pharmacy" --date 2026-11-30
fixture credit_a_20000.xlsx credit-xlsx --rows 20000 --seed 8
fixture credit_b_20000.xlsx credit-xlsx --rows 20000 --seed 9
if [[ $# -eq 0 ]] || [[ " $* " == *" pg-credit "* || " $* " == *" kafka-credit "* || " $* " == *" kill-credit-mid-import "* ]]; then
  fixture credit_100000.xlsx credit-xlsx --rows 100000 --seed 7
fi

exec python3 "$ROOT/deploy/chaos/chaos.py" "$@"
