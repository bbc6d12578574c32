#!/usr/bin/env bash
# Applies a large `replace` import to the built jar exactly as import-service publishes it - CreditRowsChunk events of
# 1,000 rows on imports.credit-rows, CloudEvents headers, one event id each - with the stack's heap (-Xmx128m), over
# 100,000 records loaded beforehand. Prints the time from the first chunk sent to the import completed, the heap
# settings and what the garbage collector saw. Usage (from the repository root):
#   credit-balance-service/bench/import-apply.sh [rows, default 100000]
# IMPORT_BENCH_JAVA_OPTS overrides the service's JVM options; IMPORT_BENCH_SQL is run before publishing (e.g.
# "drop index credit_balance_search_trgm" to see what the search index costs). Needs kcat, python3, psql, and
# what stack.sh needs.
set -euo pipefail

ROWS=${1:-100000}
CHUNK=1000
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SERVICE=$ROOT/credit-balance-service
WORK=$SERVICE/target/bench-import
JAVA_OPTS_USED=${IMPORT_BENCH_JAVA_OPTS:--Xmx128m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m}
source "$SERVICE/bench/stack.sh"

start_postgres
start_kafka
mint_token
# shellcheck disable=SC2086 # the options are words
start_service $JAVA_OPTS_USED -XX:+ExitOnOutOfMemoryError "-Xlog:gc:file=$WORK/gc.log"

echo "== 100,000 records to be replaced"
psql_credit -c "insert into credit_balance (client_code, client_name, phone_no, email_id, treatment_name, package_amount,
    amount_paid, balance_amount, prepaid_gift_card_balance, center, sessions_paid, sessions_consumed, balance_sessions,
    voucher_number, created_at, updated_at)
  select 'OLD' || lpad(i::text, 7, '0'), 'Old Client ' || i, (7000000000 + i)::text, 'old' || i || '@example.com',
    'Botox', 1000, 500, 500, 0, (array['GK2','Punjabi Bagh','Preet Vihar','Pitampura'])[1 + i % 4], 5, 1, 4, null, now(), now()
  from generate_series(1, 100000) as i"
psql_credit -c "vacuum analyze credit_balance"
[ -z "${IMPORT_BENCH_SQL:-}" ] || psql_credit -c "$IMPORT_BENCH_SQL"

IMPORT_ID=bench-$(cat /proc/sys/kernel/random/uuid)
CHUNKS=$(( (ROWS + CHUNK - 1) / CHUNK ))
echo "== writing $CHUNKS chunks of $ROWS rows (import $IMPORT_ID)"
mkdir -p chunks
python3 - "$IMPORT_ID" "$ROWS" "$CHUNK" chunks > expected.txt <<'PY'
import json, sys
from decimal import Decimal
import_id, total, size, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
centers = ["G.K.-II", "PB", "Preet Vihar", "Pitam Pura"]
treatments = ["PRP Hair Restoration", "Laser Hair Reduction", "Vampire Facial", "Botox"]
count = (total + size - 1) // size
balance_sum = Decimal(0)
for c in range(count):
    rows = []
    for i in range(c * size, min(total, (c + 1) * size)):
        pkg = Decimal(30000) + Decimal("10.25") * (i % 1000)
        paid = Decimal(10000) + Decimal("5.50") * (i % 500)
        consumed = i % 11
        balance_sum += pkg - paid
        rows.append({"source_row": i + 2, "sheet": None, "client_code": "gn%07d" % i,
                     "client_name": "Generated Client %d" % i, "phone_no": "9%09d" % i,
                     "email_id": "client%d@example.com" % i, "treatment_name": treatments[i % 4],
                     "center": centers[i % 4], "final_bucket": "Bucket %d" % (i % 3),
                     "package_amount": str(pkg), "amount_paid": str(paid), "balance_amount": str(pkg - paid),
                     "prepaid_gift_card_balance": str((i % 7) * 100), "sessions_paid": 10,
                     "sessions_consumed": consumed, "balance_sessions": 10 - consumed})
    with open("%s/chunk-%03d.json" % (out, c), "w") as f:
        json.dump({"import_id": import_id, "mode": "replace", "requested_by": "bench", "chunk_index": c,
                   "chunk_count": count, "total_rows": total, "rows": rows}, f, separators=(",", ":"))
print("%d %s" % (total, balance_sum.quantize(Decimal("0.01"))))
PY
read -r EXPECTED_COUNT EXPECTED_BALANCE < expected.txt
echo "   $(du -sh chunks | cut -f1) of JSON, $(stat -c %s chunks/chunk-000.json) bytes per chunk"

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$SERVICE_PID/stat"; }
echo "== publishing and waiting for the result"
CPU_BEFORE=$(cpu_seconds)
START=$(date +%s%N)
for f in chunks/chunk-*.json; do
    kcat -P -b "127.0.0.1:$KAFKA_PORT" -t imports.credit-rows -k "$IMPORT_ID" \
        -H ce_specversion=1.0 -H "ce_id=$(cat /proc/sys/kernel/random/uuid)" -H ce_type=imports.credit-rows-chunk.v1 \
        -H ce_source=urn:clinicsuite:bench -H content-type=application/json "$f"
done
SENT=$(date +%s%N)
STATUS=
for _ in $(seq 1 6000); do
    STATUS=$(psql_credit -c "select status from credit_import where import_id = '$IMPORT_ID'")
    [ "$STATUS" = completed ] || [ "$STATUS" = failed ] && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { STATUS="service died ($(grep -m1 -o 'java.lang.OutOfMemoryError[^"]*' service.log || echo 'see service.log'))"; break; }
    sleep 0.1
done
DONE=$(date +%s%N)
CPU_AFTER=$(cpu_seconds 2>/dev/null || echo "$CPU_BEFORE")
RSS_MB=$(( $(ps -o rss= -p "$SERVICE_PID" || echo 0) / 1024 ))

COUNT=$(psql_credit -c "select count(*) from credit_balance")
BALANCE=$(psql_credit -c "select sum(balance_amount) from credit_balance")
DB_SPAN=$(psql_credit -c "select round(extract(epoch from finished_at - received_at) * 1000) from credit_import where import_id = '$IMPORT_ID'")
STAGING=$(psql_credit -c "select count(*) || ' chunks staged in ' || round(extract(epoch from max(processed_at) - min(processed_at)) * 1000) || ' ms (first to last)' from inbox_event where consumer = 'credit-balance-service.credit-rows'")
APPLIED=$(grep -o "applied in [0-9]* ms: .*" service.log | tail -1 || true)
GC=$(python3 - "$WORK/gc.log" <<'PY'
import re, sys
young = full = 0
total = 0.0
live = []
for line in open(sys.argv[1]):
    m = re.search(r"Pause (Young|Full).*?(\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms", line)
    if m:
        total += float(m.group(5))
        if m.group(1) == "Full":
            full += 1
            live.append(int(m.group(3)))
        else:
            young += 1
print("%d young + %d full collections, %.0f ms of pauses; live heap after the full ones at most %s MB"
      % (young, full, total, max(live) if live else "-"))
PY
)
{
    echo "import of $ROWS rows in $CHUNKS chunks over 100,000 records: $STATUS"
    echo "  JVM options:                          $JAVA_OPTS_USED"
    echo "  first chunk sent -> completed:        $(( (DONE - START) / 1000000 )) ms (all chunks sent after $(( (SENT - START) / 1000000 )) ms)"
    echo "  first chunk staged -> completed (DB): ${DB_SPAN} ms; $STAGING"
    echo "  apply transaction (service log):      ${APPLIED:-?}"
    echo "  records now: $COUNT (expected $EXPECTED_COUNT), balance total $BALANCE (expected $EXPECTED_BALANCE)"
    echo "  service CPU time meanwhile: $(awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" 'BEGIN {printf "%.1f", b - a}') s (machine load before: $LOAD)"
    echo "  GC during the run: $GC; service RSS $RSS_MB MB"
    grep -c "OutOfMemoryError" service.log >/dev/null && echo "  OutOfMemoryError in service.log!" || true
} | tee results.txt
[ "$STATUS" = completed ] && [ "$COUNT" = "$EXPECTED_COUNT" ] && [ "$BALANCE" = "$EXPECTED_BALANCE" ]
