#!/usr/bin/env bash
# Measures the local gateway's overhead: credit-balance-service's get-by-id and by-voucher, through the nginx gateway
# and directly on the service's port, with the same wrk load, and prints req/s, p99 and the load average.
# Needs a running ./stack (credit balances loaded: the demo data, or an import) and wrk (Debian: apt-get install wrk).
# Usage (repository root): deploy/gateway/bench.sh [duration, default 20s] [connections, default 32]
# BENCH_WARMUP (default 10s): how long each scenario runs before it is measured. Follows ./stack's STACK_DIR and
# STACK_PORT_OFFSET (a stack started with an offset is measured with the same one).
set -euo pipefail
DURATION=${1:-20s}
CONNECTIONS=${2:-32}
WARMUP=${BENCH_WARMUP:-10s}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STATE="${STACK_DIR:-$ROOT/.stack}"
OFFSET="${STACK_PORT_OFFSET:-0}"
GATEWAY="http://127.0.0.1:${GATEWAY_PORT:-$((8080 + OFFSET))}"
DIRECT="http://127.0.0.1:$((8082 + OFFSET))"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$(cat "$STATE/secrets/admin-password")\"}" "$GATEWAY/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
curl -fsS -H "Authorization: Bearer $TOKEN" "$GATEWAY/credit-balances/?limit=500" >"$WORK/page.json"
read -r IDS VOUCHERS < <(python3 - "$WORK/page.json" <<'PY'
import json, sys
page = json.load(open(sys.argv[1]))
rows = page if isinstance(page, list) else next(v for v in page.values() if isinstance(v, list))
ids = [str(r["id"]) for r in rows]
vouchers = sorted({r["voucher_number"] for r in rows if r.get("voucher_number")})
print(",".join(ids), ",".join(f'"{v}"' for v in vouchers))
PY
)
[[ -n "$IDS" && -n "$VOUCHERS" ]] || { echo "no credit balances with vouchers: load the demo data or import a sheet" >&2; exit 1; }

cat >"$WORK/by_id.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
local ids = {$IDS}
request = function() return wrk.format("GET", "/credit-balances/" .. ids[math.random(#ids)]) end
LUA
cat >"$WORK/by_voucher.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["Content-Type"] = "application/json"
local vouchers = {$VOUCHERS}
request = function()
  return wrk.format("POST", "/credit-balances/by-voucher", nil, '{"voucher_number":"' .. vouchers[math.random(#vouchers)] .. '"}')
end
LUA

run() { # name script base
  local out rps p99 non2xx
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/$2.lua" "$3" >/dev/null
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/$2.lua" "$3")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-12s %-8s %10s req/s  p99 %-9s non-2xx %-6s load %s\n' "$2" "$1" "$rps" "$p99" "${non2xx:-0}" "$load"
  echo "$rps" >"$WORK/$2.$1"
}
echo "wrk -t2 -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up), $(nproc) cores, $(date -u +%FT%TZ)"
for scenario in by_id by_voucher; do
  run gateway "$scenario" "$GATEWAY"
  run direct "$scenario" "$DIRECT"
  python3 -c 'import sys; g, d = float(sys.argv[1]), float(sys.argv[2]); print(f"{sys.argv[3]:<12} gateway/direct {g / d:.0%} (overhead {1 - g / d:.0%})")' \
    "$(cat "$WORK/$scenario.gateway")" "$(cat "$WORK/$scenario.direct")" "$scenario"
done
