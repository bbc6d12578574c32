#!/usr/bin/env bash
# The cost curve (issue 23): loads growing data sets into the running local suite (./stack up) and measures the
# read paths at each size through the gateway, then prints one table and draws the curves (gnuplot).
#
#   ./stack up && deploy/bench/scale.sh                 # everything (about an hour on 2 cores)
#   deploy/bench/scale.sh credit debtors apilog comms   # some parts only, in this order
#   deploy/bench/scale.sh searchload                    # issue 18: a credit import idle and under by-voucher searches
#   SEARCHLOAD_RATE=1000 deploy/bench/scale.sh searchload  # the same with the searches held at 1,000/s
#
# How each set is loaded (the API where it is the real path and fits, set-based SQL where the API would take hours
# or refuses the size):
#   credit balances 1k, 10k, 100k  POST /credit-balances/import (CSV, mode replace) through the gateway, timed until
#                                  the import completed; 1M by SQL (credit-balance-service/bench/sql/credit-balances.sql): an import takes
#                                  at most 200,000 rows (CREDIT_IMPORT_MAX_ROWS)
#   debtors 1k and 20k a pharmacy  the report's chunk events on imports.debtor-reports (kcat), as import-service
#                                  publishes a parsed upload: the replacement is debtor-service's real path
#   debtors 200k a pharmacy and    SQL (debtor-service/bench/sql/debtors.sql): import-service takes 50,000 accounts a report at most,
#   100 pharmacies x 20k           and 100 reports through the chain take long; then one 20k replacement by chunks
#                                  while wrk reads the other pharmacies
#   API log 1M and 10M rows        SQL (credit-balance-service/bench/sql/api-log.sql), spread over the last 12 months, 21 users
#   communications 1M rows         SQL (debtor-service/bench/sql/communications.sql), 50 reminders an account of one pharmacy
# Measures: wrk (2 threads, CONNECTIONS, WARMUP then DURATION, --latency) with Lua scripts that vary terms, filters,
# ids and pages; CSV export and replacement timed. Every run appends to $OUT/results.tsv; the table and
# $OUT/scale-curves.png are made from it at the end (deploy/bench/scale-plot.gp).
#
# Environment: STACK_PORT_OFFSET and STACK_DIR as ./stack was started with (ports, secrets and logs follow them),
# GATEWAY (http://127.0.0.1:8080), PG_PORT (15432), KAFKA (127.0.0.1:9092), DURATION (15s), WARMUP
# (10s), CONNECTIONS (32), OUT (target/scale-bench), CREDIT_SIZES ("1000 10000 100000 1000000"),
# APILOG_SIZES ("1000000 10000000"). Needs wrk, kcat, psql, python3, gnuplot (apt-get install gnuplot-nox).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CREDIT_SQL=$ROOT/credit-balance-service/bench/sql
DEBTOR_SQL=$ROOT/debtor-service/bench/sql
OFFSET=${STACK_PORT_OFFSET:-0}  # as ./stack: a stack started with an offset is measured with the same one
STATE=${STACK_DIR:-$ROOT/.stack}  # as ./stack: its secrets and logs
GATEWAY=${GATEWAY:-http://127.0.0.1:$((8080 + OFFSET))}
PG_PORT=${PG_PORT:-$((15432 + OFFSET))}
KAFKA=${KAFKA:-127.0.0.1:$((9092 + OFFSET))}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-32}
OUT=${OUT:-$ROOT/target/scale-bench}
CREDIT_SIZES=${CREDIT_SIZES:-1000 10000 100000 1000000}
APILOG_SIZES=${APILOG_SIZES:-1000000 10000000}
RESULTS=$OUT/results.tsv
mkdir -p "$OUT"
[ -f "$RESULTS" ] || printf 'area\tsize\tmeasure\treq_s\tp50_ms\tp99_ms\tload\twhen\n' >"$RESULTS"

psql_db() { local db=$1; shift; psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
# after a bulk load by SQL: write its pages out now, so that the checkpoint it causes (hundreds of MB of WAL) does not
# land in the measured window (one 200k run saw p99 1,050 ms and 7 timeouts there, 54 ms on the same data later)
settle() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -qAt -c CHECKPOINT >/dev/null; }
load() { cut -d' ' -f1 /proc/loadavg; }
say() { printf '\033[1m[scale]\033[0m %s\n' "$*"; }

admin_token() {
  local password
  password=$(cat "$STATE/secrets/admin-password")
  curl -fsS -X POST "$GATEWAY/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# wrk_measure AREA SIZE MEASURE LUA: warm up, measure, append a result row
wrk_measure() {
  local area=$1 size=$2 measure=$3 lua=$4 output
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$lua" "$GATEWAY" >/dev/null 2>&1 || true
  local before; before=$(load)
  output=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$GATEWAY")
  python3 - "$area" "$size" "$measure" "$before" "$RESULTS" <<PY
import re, sys, time
out = """$output"""
area, size, measure, load, results = sys.argv[1:]
def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
errors = re.search(r"Socket errors: (.*)", out)
note = (" non-2xx=" + bad.group(1) if bad else "") + (" socket errors: " + errors.group(1) if errors else "")
with open(results, "a") as f:
    f.write(f"{area}\t{size}\t{measure}{note}\t{rps:.0f}\t{p50:.1f}\t{p99:.1f}\t{load}\t{time.strftime('%Y-%m-%dT%H:%M')}\n")
print(f"  {area:14} {size:>9} {measure:34} {rps:8.0f} req/s  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms{note}  (load {load})")
PY
}

# timed AREA SIZE MEASURE SECONDS: append a one-off timing (seconds -> ms in p50/p99 columns)
timed() {
  printf '%s\t%s\t%s\t\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$4" "$(load)" "$(date +%Y-%m-%dT%H:%M)" >>"$RESULTS"
  printf '  %-14s %9s %-34s %s ms  (load %s)\n' "$1" "$2" "$3" "$4" "$(load)"
}

lua_file() { # lua_file NAME BODY: a wrk script sending the admin token
  printf 'wrk.headers["Authorization"] = "Bearer %s"\n%s\n' "$TOKEN" "$2" >"$OUT/$1.lua"
  echo "$OUT/$1.lua"
}

# ---------------------------------------------------------------------------------------------------- credit
credit_import_csv() { # credit_import_csv N [MEASURE]: replace all records with N generated ones through the import API
  local n=$1 measure=${2:-import (CSV through the gateway)} csv=$OUT/credit-$1.csv id status started
  psql_db credit -c "\\i $CREDIT_SQL/credit-generator.sql" \
    -c "\\copy (SELECT client_code AS \"Client Code\", client_name AS \"Client Name\", phone_no AS \"Phone No\", email_id AS \"Email ID's\", treatment_name AS \"Treatment Name\", center AS \"Center\", package_amount AS \"Package Amount\", amount_paid AS \"Amount Paid\", balance_amount AS \"Balance Amount\", prepaid_gift_card_balance AS \"Prepaid / Gift Card Balance\", sessions_paid AS \"Sessions Paid\", sessions_consumed AS \"Sessions Consumed\", balance_sessions AS \"Balance Sessions\", final_bucket AS \"Final Bucket\" FROM pg_temp.generated_credit(1, $n, 1)) TO '$csv' WITH (FORMAT csv, HEADER)"
  started=$(date +%s%N)
  id=$(curl -fsS -X POST "$GATEWAY/credit-balances/import" -H "Authorization: Bearer $TOKEN" \
    -F "file=@$csv;type=text/csv" -F mode=replace | python3 -c 'import json,sys; print(json.load(sys.stdin)["import_id"])')
  for _ in $(seq 1 3000); do
    status=$(curl -fsS "$GATEWAY/imports/$id" -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = completed ] || [ "$status" = failed ] && break
    sleep 0.2
  done
  [ "$status" = completed ] || { say "import of $n rows: $status"; return 1; }
  timed credit "$n" "$measure" $(( ($(date +%s%N) - started) / 1000000 ))
}

credit_sql() { # credit_sql N: replace all records with N generated ones by SQL
  local started; started=$(date +%s%N)
  psql_db credit -c "TRUNCATE credit_balance"
  psql_db credit -v n="$1" -v seed=1 -f "$CREDIT_SQL/credit-balances.sql" >/dev/null
  settle credit
  timed credit "$1" "load by SQL (not the API)" $(( ($(date +%s%N) - started) / 1000000 ))
}

credit_measure() {
  local n=$1 min max vouchers
  psql_db credit -c "VACUUM ANALYZE credit_balance"
  read -r min max <<<"$(psql_db credit -F' ' -c 'SELECT min(id), max(id) FROM credit_balance')"
  vouchers=$(psql_db credit -c "SELECT string_agg('\"' || voucher_number || '\"', ',') FROM (SELECT voucher_number FROM credit_balance WHERE voucher_number IS NOT NULL ORDER BY md5(id::text) LIMIT 500) v")
  wrk_measure credit "$n" "search (50 terms, 20 a page)" "$(lua_file credit-search '
local terms = {"sharma", "verma", "gupta", "kumar", "singh", "mehta", "kapoor", "chopra", "bansal", "agarwal",
  "khanna", "bhatia", "joshi", "mishra", "reddy", "nair", "iyer", "pillai", "chatterjee", "dhillon",
  "priya", "rahul", "anjali", "vikram", "deepak", "kavya", "sunita", "arjun", "meera", "rohan",
  "gmail", "yahoo", "rediff", "priya.sharma", "rahul.gupta1", "98765", "7011", "88990", "93112", "6543",
  "lu40", "ab12", "zq5", "k9", "gkab", "pbzx", "ma", "ra", "pt", "neha.kapoor4"}
local centers = {"GK2", "Punjabi%20Bagh", "Preet%20Vihar", "Pitampura"}
request = function()
  local path = "/credit-balances/?limit=20&search=" .. terms[math.random(#terms)]
  if math.random(4) > 1 then path = path .. "&center=" .. centers[math.random(#centers)] end
  return wrk.format("GET", path)
end')"
  wrk_measure credit "$n" "by id" "$(lua_file credit-id "
request = function() return wrk.format(\"GET\", \"/credit-balances/\" .. math.random($min, $max)) end")"
  wrk_measure credit "$n" "by-voucher" "$(lua_file credit-voucher "
wrk.headers[\"Content-Type\"] = \"application/json\"
local vouchers = {$vouchers}
request = function()
  return wrk.format(\"POST\", \"/credit-balances/by-voucher\", nil, '{\"voucher_number\":\"' .. vouchers[math.random(#vouchers)] .. '\"}')
end")"
  wrk_measure credit "$n" "stats summary" "$(lua_file credit-stats '
request = function() return wrk.format("GET", "/credit-balances/stats/summary") end')"
}

run_credit() {
  say "credit balances: $CREDIT_SIZES"
  local n
  for n in $CREDIT_SIZES; do
    TOKEN=$(admin_token)
    if [ "$n" -le 200000 ]; then credit_import_csv "$n"; else credit_sql "$n"; fi
    credit_measure "$n"
  done
}

# ---------------------------------------------------------------------------------------------------- debtors
create_pharmacy() { # prints the id auth-service gave a new pharmacy
  curl -fsS -X POST "$GATEWAY/admin/pharmacies" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Scale $1 $(date +%s%N)\",\"code\":\"SC$RANDOM\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

# replace_by_chunks PHARMACY ACCOUNTS SEED: publish a report as import-service would; prints the replacement ms
replace_by_chunks() {
  local pharmacy=$1 accounts=$2 report="scale-$1-$(date +%s%N)" line
  for _ in $(seq 1 60); do
    [ -n "$(psql_db debtor -c "SELECT 1 FROM pharmacy WHERE id = $pharmacy")" ] && break; sleep 1
  done
  python3 "$ROOT/debtor-service/bench/gen_report.py" "$pharmacy" "$report" "$accounts" 2000 "$3" >"$OUT/chunks.jsonl"
  while IFS= read -r line; do
    printf '%s\n' "$line" | kcat -P -b "$KAFKA" -t imports.debtor-reports -k "$pharmacy" -H ce_specversion=1.0 \
      -H "ce_id=$(cat /proc/sys/kernel/random/uuid)" -H ce_type=imports.debtor-report-chunk.v1 \
      -H ce_source=urn:clinicsuite:bench -H content-type=application/json -X message.max.bytes=20000000
  done <"$OUT/chunks.jsonl"
  for _ in $(seq 1 1200); do
    [ "$(psql_db debtor -c "SELECT status FROM debtor_report WHERE import_report_id = '$report'")" = completed ] && break
    sleep 0.25
  done
  local id; id=$(psql_db debtor -c "SELECT id FROM debtor_report WHERE import_report_id = '$report'")
  grep -o "Report $id applied to pharmacy $pharmacy: [0-9]* accounts in [0-9]* ms" "$STATE/logs/debtor-service.log" \
    | tail -1 | awk '{print $(NF-1)}'
}

debtor_measure() { # debtor_measure LABEL SIZE PHARMACY_IDS...
  local label=$1 size=$2; shift 2
  local ids; ids=$(IFS=,; echo "$*")
  local first=$1 started
  wrk_measure debtors "$size" "list ($label, varied filters)" "$(lua_file debtor-list "
local pharmacies = {$ids}
local filters = {\"min_balance=100\", \"min_balance=500&has_email=true\", \"ageing_buckets=d120,d150,d180\",
  \"has_phone=true&min_balance=0\", \"has_email=false\", \"ageing_buckets=d60\", \"min_balance=1000\",
  \"search=nkosi%201\", \"search=0820001\", \"exclude_medical_aid=false\"}
local sizes = {20, 50, 100}
request = function()
  return wrk.format(\"GET\", \"/pharmacies/\" .. pharmacies[math.random(#pharmacies)] .. \"/debtors?\" ..
    filters[math.random(#filters)] .. \"&page=\" .. math.random(3) .. \"&per_page=\" .. sizes[math.random(#sizes)])
end")"
  wrk_measure debtors "$size" "statistics ($label)" "$(lua_file debtor-stats "
local pharmacies = {$ids}
request = function() return wrk.format(\"GET\", \"/pharmacies/\" .. pharmacies[math.random(#pharmacies)] .. \"/debtors/statistics\") end")"
  local times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -fsS -o "$OUT/export.csv" -w '%{time_total}' -X POST "$GATEWAY/pharmacies/$first/debtors/download-csv" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}')")
  done
  timed debtors "$size" "CSV export of $(( $(wc -l <"$OUT/export.csv") - 1 )) ($label, median of 5)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%d", $1 * 1000}')"
}

run_debtors() {
  TOKEN=$(admin_token)
  say "debtors: 1k and 20k a pharmacy through report chunks"
  local p1 p20
  p1=$(create_pharmacy 1k); p20=$(create_pharmacy 20k)
  timed debtors 1000 "replacement (1k, empty before)" "$(replace_by_chunks "$p1" 1000 1)"
  debtor_measure "1 pharmacy of 1k" 1000 "$p1"
  timed debtors 20000 "replacement (20k, empty before)" "$(replace_by_chunks "$p20" 20000 1)"
  timed debtors 20000 "replacement (20k over 20k)" "$(replace_by_chunks "$p20" 20000 99)"
  debtor_measure "1 pharmacy of 20k" 20000 "$p20"

  say "debtors: one pharmacy of 200k (SQL)"
  psql_db debtor -v first_id=30001 -v pharmacies=1 -v accounts=200000 -v seed=2 -f "$DEBTOR_SQL/debtors.sql" >/dev/null
  settle debtor
  TOKEN=$(admin_token)
  debtor_measure "1 pharmacy of 200k" 200000 30001

  say "debtors: 100 pharmacies x 20k (SQL), 2.2M rows in all"
  psql_db debtor -v first_id=20001 -v pharmacies=100 -v accounts=20000 -v seed=1 -f "$DEBTOR_SQL/debtors.sql" >/dev/null
  settle debtor
  TOKEN=$(admin_token)
  debtor_measure "100 x 20k" 2200000 $(seq 20001 20100)
  # a replacement of 20k over 20k while the list of the other pharmacies is read
  local lua; lua=$(lua_file debtor-others "
request = function() return wrk.format(\"GET\", \"/pharmacies/\" .. math.random(20002, 20100) .. \"/debtors?min_balance=100&page=\" .. math.random(5) .. \"&per_page=50\") end")
  wrk -t2 -c"$CONNECTIONS" -d60s -s "$lua" "$GATEWAY" >"$OUT/during-replacement.txt" 2>&1 &
  local reader=$!
  sleep 3
  timed debtors 2200000 "replacement (20k over 20k, others read)" "$(replace_by_chunks 20001 20000 7)"
  kill "$reader" 2>/dev/null || true; wait "$reader" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------------- API log
run_apilog() {
  local n total=0
  for n in $APILOG_SIZES; do
    say "API log: $n rows (SQL)"
    local have; have=$(psql_db credit -c "SELECT count(*) FROM api_log")
    local add=$(( n > have ? n - have : 0 ))
    local started; started=$(date +%s%N)
    [ "$add" -gt 0 ] && psql_db credit -v n="$add" -f "$CREDIT_SQL/api-log.sql" >/dev/null && settle credit
    timed apilog "$n" "load $add rows by SQL" $(( ($(date +%s%N) - started) / 1000000 ))
    TOKEN=$(admin_token)
    wrk_measure apilog "$n" "by user (21 users, newest 20)" "$(lua_file apilog-user '
request = function() return wrk.format("GET", "/api-logs?limit=20&user_name=scale-user-" .. string.format("%02d", math.random(0, 20))) end')"
    wrk_measure apilog "$n" "by date (one day of the last year)" "$(lua_file apilog-date '
request = function()
  local day = os.time() - math.random(1, 360) * 86400
  return wrk.format("GET", "/api-logs?limit=20&from=" .. os.date("!%Y-%m-%d", day) .. "&to=" .. os.date("!%Y-%m-%d", day + 86400))
end')"
    wrk_measure apilog "$n" "by user and date" "$(lua_file apilog-user-date '
request = function()
  local day = os.time() - math.random(1, 360) * 86400
  return wrk.format("GET", "/api-logs?limit=20&user_name=scale-user-" .. string.format("%02d", math.random(0, 20)) ..
    "&from=" .. os.date("!%Y-%m-%dT06:00:00Z", day) .. "&to=" .. os.date("!%Y-%m-%dT18:00:00Z", day + 86400 * 3))
end')"
    wrk_measure apilog "$n" "everything, newest 20" "$(lua_file apilog-all '
request = function() return wrk.format("GET", "/api-logs?limit=20&skip=" .. (math.random(5) - 1) * 20) end')"
  done
}

# ---------------------------------------------------------------------------------------------------- communications
run_comms() {
  TOKEN=$(admin_token)
  say "communications: 1M rows (SQL) for pharmacy 20001"
  [ -n "$(psql_db debtor -c 'SELECT 1 FROM debtor WHERE pharmacy_id = 20001 LIMIT 1')" ] ||
    psql_db debtor -v first_id=20001 -v pharmacies=1 -v accounts=20000 -v seed=1 -f "$DEBTOR_SQL/debtors.sql" >/dev/null
  local started; started=$(date +%s%N)
  psql_db debtor -v pharmacy=20001 -v n=1000000 -f "$DEBTOR_SQL/communications.sql" >/dev/null
  settle debtor
  timed comms 1000000 "load by SQL" $(( ($(date +%s%N) - started) / 1000000 ))
  local min max
  read -r min max <<<"$(psql_db debtor -F' ' -c 'SELECT min(id), max(id) FROM debtor WHERE pharmacy_id = 20001')"
  wrk_measure comms 1000000 "history of an account (50 rows)" "$(lua_file comms "
request = function() return wrk.format(\"GET\", \"/pharmacies/20001/debtors/\" .. math.random($min, $max) .. \"/communications\") end")"
}

# ---------------------------------------------------------------------------------------------- searchload
# Issue 18's figure: a credit import's time while front desks search by voucher at full speed (each search is an
# audit event in credit-balance-service's outbox), against the same import on the idle suite; must stay within 20 %.
# Three idle imports, then by-voucher wrk for SEARCHLOAD_SECONDS (120) with three imports after 20 s of searches.
run_searchload() {
  TOKEN=$(admin_token)
  local n=${SEARCHLOAD_ROWS:-1353} seconds=${SEARCHLOAD_SECONDS:-120} vouchers i wrk_out=$OUT/searchload-wrk.txt
  say "searchload: import of $n credit rows, idle and while by-voucher searches run for ${seconds}s"
  credit_import_csv "$n" "import, first (replaces what was there; not compared)"
  for i in 1 2 3; do credit_import_csv "$n" "import, idle (run $i)"; done
  vouchers=$(psql_db credit -c "SELECT string_agg('\"' || voucher_number || '\"', ',') FROM (SELECT voucher_number FROM credit_balance WHERE voucher_number IS NOT NULL ORDER BY md5(id::text) LIMIT 500) v")
  # SEARCHLOAD_RATE (searches/s over all connections; empty: as fast as the machine answers): each connection waits
  # CONNECTIONS/RATE seconds between its requests (wrk's delay()), i.e. front desks searching at a steady rate
  local gap_ms=""
  [[ -n "${SEARCHLOAD_RATE:-}" ]] && gap_ms=$(( CONNECTIONS * 1000 / SEARCHLOAD_RATE ))
  lua_file credit-voucher-load "
wrk.headers[\"Content-Type\"] = \"application/json\"
local vouchers = {$vouchers}
${gap_ms:+delay = function() return $gap_ms end}
request = function()
  return wrk.format(\"POST\", \"/credit-balances/by-voucher\", nil, '{\"voucher_number\":\"' .. vouchers[math.random(#vouchers)] .. '\"}')
end" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$OUT/credit-voucher-load.lua" "$GATEWAY" >"$wrk_out" 2>&1 &
  local wrk_pid=$!
  sleep 20
  for i in 1 2 3; do credit_import_csv "$n" "import, under by-voucher searches (run $i)"; done
  wait "$wrk_pid" || true
  local rps p99 unsent
  rps=$(awk '/Requests\/sec/ {print int($2)}' "$wrk_out")
  p99=$(awk '$1 == "99%" {print $2}' "$wrk_out")
  unsent=$(psql_db credit -c "SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL")
  printf 'searchload\t%s\tby-voucher searches during the imports%s\t%s\t\t%s\t%s\t%s\n' "$n" "${SEARCHLOAD_RATE:+ (held at $SEARCHLOAD_RATE/s)}" "$rps" "$p99" \
    "$(load)" "$(date +%Y-%m-%dT%H:%M)" >>"$RESULTS"
  say "by-voucher during the imports: $rps req/s, p99 $p99; outbox rows unsent at the end: $unsent"
}

# ---------------------------------------------------------------------------------------------------- report
report() {
  say "results ($RESULTS):"
  column -t -s $'\t' "$RESULTS"
  if command -v gnuplot >/dev/null; then
    if gnuplot -e "results='$RESULTS'; output='$OUT/scale-curves.png'" "$ROOT/deploy/bench/scale-plot.gp" 2>"$OUT/gnuplot.log"; then
      say "curves: $OUT/scale-curves.png"
    else
      say "no curves: the results hold too few of the plotted measures (gnuplot: $OUT/gnuplot.log)"
    fi
  fi
}

curl -fsS -o /dev/null "$GATEWAY/services/credit-balance-service/q/health/ready" || { echo "the suite is not up: ./stack up" >&2; exit 1; }
PARTS=${*:-credit debtors apilog comms}
for part in $PARTS; do "run_$part"; done
report
