#!/usr/bin/env bash
# Starts the whole suite with ./stack in a throwaway state directory, runs the end-to-end test through the
# gateway, and stops everything again. Used by CI after the unit and integration tests.
# E2E_CHAOS=quick (CI sets it) then runs the fault-injection suite's quick subset on the same stack
# (deploy/chaos/run.sh quick: concurrent uploads, concurrent credit replace-imports, debtor-service killed mid-swap).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export STACK_DIR="${STACK_DIR:-$ROOT/target/e2e-stack}"
# the gateway alone first (JSON errors, size limits, CORS, access log): no services needed, a port of its own
"$ROOT/deploy/gateway/test-gateway.sh" || exit 1
rm -rf "$STACK_DIR"
"$ROOT/stack" up || { "$ROOT/stack" down; exit 1; }
# the test's files and their ground truth, made by the test kit's generators (./stack up built it)
DATA="$STACK_DIR/e2e-data"
mkdir -p "$DATA"
"$ROOT/deploy/local/fixture" credit-xlsx --preset main --out "$DATA/main.xlsx" &&
  "$ROOT/deploy/local/fixture" deb013 --preset small --out "$DATA/winterton_small.pdf" ||
  { "$ROOT/stack" down; exit 1; }
python3 "$ROOT/deploy/e2e/e2e.py" "http://127.0.0.1:${GATEWAY_PORT:-$((8080 + ${STACK_PORT_OFFSET:-0}))}" "$(cat "$STACK_DIR/secrets/admin-password")" \
  "$DATA" "${IMAP_PORT:-$((3143 + ${STACK_PORT_OFFSET:-0}))}"
status=$?
if [[ -n "${E2E_CHAOS:-}" ]]; then
  "$ROOT/deploy/chaos/run.sh" $E2E_CHAOS || status=1
fi
"$ROOT/stack" down
exit $status
