#!/usr/bin/env bash
# Benchmarks credit-balance-service from its built jar against a PostgreSQL and a Kafka broker started here, on
# loopback only, and prints the figures. Usage (from the repository root):
#   credit-balance-service/bench/run.sh [duration, default 20s] [connections, default 32]
#   BENCH_HOLD=1 credit-balance-service/bench/run.sh   # set up, load 1,353 records, then keep the stack up
# BENCH_JAVA_OPTS (default -Xmx256m) are the service's JVM options, BENCH_WARMUP (default 20s) how long every
# scenario runs before it is measured; any other environment (HTTP_PROXY_FORWARDING, API_LOG_*) reaches the service.
# Needs: wrk, openssl, python3, Debian's PostgreSQL 15 binaries, the Kafka classpath of deploy/local/infra-classpath,
# the built test kit (deploy/local/fixture makes the workbook).
set -euo pipefail

DURATION=${1:-20s}
CONNECTIONS=${2:-32}
WARMUP=${BENCH_WARMUP:-20s}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SERVICE=$ROOT/credit-balance-service
WORK=$SERVICE/target/bench
source "$SERVICE/bench/stack.sh"

start_postgres
start_kafka
mint_token
# shellcheck disable=SC2086 # the options are words
start_service ${BENCH_JAVA_OPTS:--Xmx256m}

echo "== loading the 1,353 records of the test kit's main workbook (their ground truth, main.xlsx.json)"
[ -f main.xlsx.json ] || "$ROOT/deploy/local/fixture" credit-xlsx --preset main --out "$PWD/main.xlsx" >/dev/null
python3 - main.xlsx.json > main.csv <<'PY'
import csv, json, sys
rows = json.load(open(sys.argv[1]))["rows"]
out = csv.writer(sys.stdout)
for r in rows:
    out.writerow([r["client_code"], r["client_name"], r["phone"] or "", ", ".join(r["emails"]), r["treatment_name"],
                  r["package_amount"], r["amount_paid"], r["balance_amount"], r["prepaid_gift_card_balance"], r["center"],
                  r["sessions_paid"], r["sessions_consumed"], r["balance_sessions"], r["expected_voucher"] or "",
                  "2025-01-15T10:30:00Z", "2025-01-15T10:30:00Z"])
PY
psql_credit -c "\copy credit_balance (client_code, client_name, phone_no, email_id, treatment_name, package_amount, amount_paid, balance_amount, prepaid_gift_card_balance, center, sessions_paid, sessions_consumed, balance_sessions, voucher_number, created_at, updated_at) from 'main.csv' with (format csv, null '')"
psql_credit -c "vacuum analyze credit_balance"
MAX_ID=$(psql_credit -c "select max(id) from credit_balance")
MIN_ID=$(psql_credit -c "select min(id) from credit_balance")
VOUCHERS=$(psql_credit -c "select string_agg('\"' || voucher_number || '\"', ',') from (select distinct voucher_number from credit_balance where voucher_number is not null) v")

cat > get_by_id.lua <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function() return wrk.format("GET", "/credit-balances/" .. math.random($MIN_ID, $MAX_ID)) end
LUA
cat > get_by_id_proxied.lua <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
  wrk.headers["X-Forwarded-For"] = "203.0.113." .. math.random(1, 254) .. ", 10.1.2.3"
  return wrk.format("GET", "/credit-balances/" .. math.random($MIN_ID, $MAX_ID))
end
LUA
cat > by_voucher.lua <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["Content-Type"] = "application/json"
local vouchers = {$VOUCHERS}
request = function()
  return wrk.format("POST", "/credit-balances/by-voucher", nil, '{"voucher_number":"' .. vouchers[math.random(#vouchers)] .. '"}')
end
LUA
cat > search.lua <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
local terms = {"sharma", "ma", "gmail", "AD0", "985", "kumar", "PB", "hair"}
local centers = {"GK2", "Punjabi%20Bagh", "Preet%20Vihar", "Pitampura"}
request = function()
  return wrk.format("GET", "/credit-balances/?search=" .. terms[math.random(#terms)] .. "&center=" .. centers[math.random(#centers)] .. "&limit=100")
end
LUA
cat > plain.lua <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

REQUESTS=0 # every request sent (warm-ups included): each is an authenticated call the API log must hold
count_requests() { REQUESTS=$(( REQUESTS + $(awk '/requests in/ {print $1}' <<<"$1") )); }
run() { # name, records, script, path, connections
    local out threads=$(( $5 < 2 ? 1 : 2 ))
    out=$(wrk -t"$threads" -c"$5" -d"$DURATION" --latency -s "$3" "$BASE$4")
    count_requests "$out"
    local rps p50 p99 non2xx errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$out")
    errors=$(awk '/Socket errors/ {print $0}' <<<"$out")
    printf '%-28s %8s records  c=%-3s %10s req/s  p50 %-9s p99 %-9s non-2xx %s %s\n' "$1" "$2" "$5" "$rps" "$p50" "$p99" "${non2xx:-0}" "$errors" | tee -a results.txt
}
warm() { # script, path: the JIT compiles what this scenario runs before it is measured
    count_requests "$(wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$1" "$BASE$2")"
}
metric() { curl -fsS "$BASE/q/metrics" | awk -v name="$1" '$1 == name || index($1, name "{") == 1 {printf "%d", $2}'; }

if [ -n "${BENCH_HOLD:-}" ]; then # keep the stack up for exploring by hand; Ctrl-C stops everything
    echo "$TOKEN" > token.txt
    echo "holding: $BASE, token in $WORK/token.txt"
    sleep infinity
fi

echo "== warm-up: every scenario $WARMUP"
warm get_by_id.lua /
warm get_by_id_proxied.lua /
warm by_voucher.lua /
warm search.lua /
warm plain.lua /credit-balances/stats/summary

{ echo "== figures (duration $DURATION, warm-up $WARMUP per scenario, load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "   service: ${BENCH_JAVA_OPTS:--Xmx256m}, HTTP_PROXY_FORWARDING=${HTTP_PROXY_FORWARDING:-default}"; } | tee results.txt
run "get by id" 1353 get_by_id.lua / "$CONNECTIONS"
run "get by id, X-Forwarded-For" 1353 get_by_id_proxied.lua / "$CONNECTIONS"
run "by-voucher" 1353 by_voucher.lua / "$CONNECTIONS"
run "list search+center" 1353 search.lua / "$CONNECTIONS"
run "stats summary" 1353 plain.lua /credit-balances/stats/summary "$CONNECTIONS"

echo "== generating 100,000 more records"
psql_credit -c "insert into credit_balance (client_code, client_name, phone_no, email_id, treatment_name, package_amount,
    amount_paid, balance_amount, prepaid_gift_card_balance, center, sessions_paid, sessions_consumed, balance_sessions,
    voucher_number, created_at, updated_at)
  select 'GN' || lpad(i::text, 7, '0'), 'Generated Client ' || i, (7000000000 + i)::text, 'client' || i || '@example.com',
    (array['PRP Hair Restoration','Laser Hair Reduction','Vampire Facial','Botox'])[1 + i % 4],
    30000 + (i % 1000) * 10.25, 10000 + (i % 500) * 5.5, 20000 + (i % 1000) * 4.75, (i % 7) * 100.00,
    (array['GK2','Punjabi Bagh','Preet Vihar','Pitampura'])[1 + i % 4], 10, i % 11, 10 - i % 11,
    (array['GK','PB','PV','PT'])[1 + i % 4] || 'GN0' || lpad(((i / 1000) % 10000)::text, 4, '0'), now(), now()
  from generate_series(1, 100000) as i"
psql_credit -c "vacuum analyze credit_balance"
TOTAL=$(psql_credit -c "select count(*) from credit_balance")
# records added behind the service's back: the cached totals expire (5 s), then the new plans warm up
sleep 6
warm search.lua /
run "stats summary" "$TOTAL" plain.lua /credit-balances/stats/summary 1
run "stats summary" "$TOTAL" plain.lua /credit-balances/stats/summary "$CONNECTIONS"
run "list search+center" "$TOTAL" search.lua / "$CONNECTIONS"
run "get by id" "$TOTAL" get_by_id.lua / "$CONNECTIONS"
echo "== stats in PostgreSQL at 100k rows: what the service reads (kept totals), then the aggregate it replaced" | tee -a results.txt
psql_credit -c "explain analyze select * from credit_center_totals where records > 0 order by center" |
    grep -E "Execution Time" | sed 's/^/   kept totals: /' | tee -a results.txt
psql_credit -c "explain analyze select center, count(*), sum(package_amount), sum(amount_paid), sum(balance_amount),
    sum(prepaid_gift_card_balance), sum(sessions_paid), sum(sessions_consumed), sum(balance_sessions)
    from credit_balance group by center" | grep -E "Execution Time" | sed 's/^/   aggregate:   /' | tee -a results.txt
for _ in $(seq 1 60); do [ "$(metric api_log_queued)" = 0 ] && break; sleep 1; done # the writer catches up
{ echo "== API log: $REQUESTS requests sent, $(psql_credit -c 'select count(*) from api_log') rows written," \
       "$(metric api_log_dropped_total) dropped, $(metric api_log_queued) still queued"
  echo "   $(metric api_log_rejected_total) rows refused by the database; voucher searches in the outbox:" \
       "$(psql_credit -c "select count(*) || ' events listing ' || coalesce(sum(json_array_length(cast(payload as json) -> 'searches')), 0) || ' searches' from outbox_event where event_type = 'credit.voucher-searches-logged.v1'")"
} | tee -a results.txt
echo "results in $WORK/results.txt"
