#!/usr/bin/env bash
# Benchmark of debtor-service from its built jar against a real PostgreSQL 15 and Kafka broker on loopback.
# Loads PHARMACIES x ACCOUNTS debtors through the real event path (report chunks on imports.debtor-reports),
# then prints: replacement time per report and its follow-up, wrk figures for the list, statistics and movement, a
# reminder policy run over all accounts of one pharmacy, and the CSV export time.
#
#   mvn -o -q -pl debtor-service package -DskipTests     # from the repository root, once
#   debtor-service/bench/run.sh                          # PHARMACIES=10 ACCOUNTS=20000 CONCURRENCY=32 DURATION=20s WARMUP=30s
#   BENCH_HOLD=1 debtor-service/bench/run.sh             # load the data, then keep the stack up for psql/curl by hand
#
# Needs: /usr/lib/postgresql/15/bin, the Kafka classpath of deploy/local/infra-classpath, wrk, kcat, openssl, python3.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(dirname "$HERE")
ROOT=$(dirname "$MODULE")
PHARMACIES=${PHARMACIES:-10}
ACCOUNTS=${ACCOUNTS:-20000}
CHUNK=${CHUNK:-2000}
CONCURRENCY=${CONCURRENCY:-32}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
PG_BIN=/usr/lib/postgresql/15/bin
KAFKA_CP_FILE=$ROOT/deploy/local/infra-classpath/target/classes/com/clinicsuite/infra/kafka.classpath
# JAR=... runs another build (e.g. an older one, to compare); COLLECTIONS=0 skips what needs issue 21's endpoints
JAR=${JAR:-$MODULE/target/quarkus-app/quarkus-run.jar}
COLLECTIONS=${COLLECTIONS:-1}

[ -f "$JAR" ] || { echo "build first: mvn -o -q -pl debtor-service package -DskipTests" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PG_PORT=$(free_port); KAFKA_PORT=$(free_port); CONTROLLER_PORT=$(free_port); HTTP_PORT=$(free_port)
WORK=$(mktemp -d /tmp/debtor-bench.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== PostgreSQL 15 on $PG_PORT, Kafka on $KAFKA_PORT, debtor-service on $HTTP_PORT (work dir $WORK)"
mkdir "$WORK/pg" && chown postgres "$WORK/pg"
su postgres -s /bin/sh -c "$PG_BIN/initdb -D $WORK/pg -U postgres --auth=trust" >"$WORK/initdb.log"
su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $WORK/pg -l $WORK/pg/server.log -o '-p $PG_PORT -k $WORK/pg -c shared_buffers=256MB' start" >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE debtor"

cat >"$WORK/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$WORK/kafka
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
KAFKA_CP=$(cat "$KAFKA_CP_FILE")
java -Xmx384m -cp "$KAFKA_CP" kafka.tools.StorageTool format -t "$(python3 -c 'import uuid,base64;print(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("="))')" \
  -c "$WORK/server.properties" >"$WORK/kafka-format.log" 2>&1
java -Xmx384m -XX:+UseSerialGC -cp "$KAFKA_CP" kafka.Kafka "$WORK/server.properties" >"$WORK/kafka.log" 2>&1 &
PIDS+=($!)

# a key pair of our own: the service verifies tokens with the public half, wrk sends one signed with the private half
openssl genrsa -out "$WORK/private.pem" 2048 2>/dev/null
openssl rsa -in "$WORK/private.pem" -pubout -out "$WORK/public.pem" 2>/dev/null
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
PAYLOAD=$(printf '{"iss":"https://auth.clinicsuite.local","aud":"clinic-suite","sub":"1","upn":"bench","preferred_username":"bench","groups":["admin"],"pharmacies":{},"jti":"%s","iat":%d,"exp":%d}' \
  "$(cat /proc/sys/kernel/random/uuid)" "$NOW" "$((NOW + 7200))" | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/private.pem" | b64url)
export TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

for _ in $(seq 60); do kcat -b "127.0.0.1:$KAFKA_PORT" -L >/dev/null 2>&1 && break; sleep 1; done

java -Xmx256m \
  -Dquarkus.http.port="$HTTP_PORT" \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password=postgres \
  -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:$PG_PORT/debtor" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/debtor" \
  -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" \
  -Dmp.jwt.verify.publickey.location="file:$WORK/public.pem" \
  -Dquarkus.log.level=INFO \
  -jar "$JAR" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null || { echo "service not ready, see $WORK/service.log"; tail -30 "$WORK/service.log"; exit 1; }

publish() { # topic key type < payload
  kcat -P -b "127.0.0.1:$KAFKA_PORT" -t "$1" -k "$2" -H ce_specversion=1.0 -H "ce_id=$(cat /proc/sys/kernel/random/uuid)" \
    -H "ce_type=$3" -H ce_source=urn:clinicsuite:bench -H content-type=application/json -X message.max.bytes=20000000
}
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d debtor -Atc "$1"; }

IDS=""
for i in $(seq "$PHARMACIES"); do
  id=$((700 + i)); IDS="$IDS $id"
  printf '{"pharmacy_id":%d,"name":"Bench Pharmacy %d","code":"B%d","active":true}\n' "$id" "$id" "$id" \
    | publish auth.pharmacies "$id" auth.pharmacy-upserted.v1
done
for _ in $(seq 60); do [ "$(sql 'SELECT COUNT(*) FROM pharmacy')" -ge "$PHARMACIES" ] && break; sleep 1; done

echo "== loading $PHARMACIES x $ACCOUNTS debtors through imports.debtor-reports ($CHUNK accounts a chunk)"
for id in $IDS; do
  python3 "$HERE/gen_report.py" "$id" "bench-$id" "$ACCOUNTS" "$CHUNK" "$id" >"$WORK/chunks-$id.jsonl"
done
for id in $IDS; do
  while IFS= read -r line; do printf '%s\n' "$line" | publish imports.debtor-reports "$id" imports.debtor-report-chunk.v1; done <"$WORK/chunks-$id.jsonl"
done
for _ in $(seq 600); do
  [ "$(sql "SELECT COUNT(*) FROM debtor_report WHERE status <> 'processing'")" -ge "$PHARMACIES" ] && break; sleep 1
done
echo "reports: $(sql "SELECT status || ' ' || COUNT(*) FROM debtor_report GROUP BY status")"
echo "debtors: $(sql 'SELECT COUNT(*) FROM debtor')"
echo "replacement (MERGE + DELETE + totals, ms per report, from the service log):"
grep -o 'applied to pharmacy [0-9]*: [0-9]* accounts in [0-9]* ms' "$WORK/service.log" | awk '{print "  " $0}'

# a second upload of the same size over an existing set (update in place), timed from first chunk to completion
id=$(echo $IDS | awk '{print $1}')
python3 "$HERE/gen_report.py" "$id" "bench-$id-again" "$ACCOUNTS" "$CHUNK" 99 >"$WORK/again.jsonl"
START=$(date +%s.%N)
while IFS= read -r line; do printf '%s\n' "$line" | publish imports.debtor-reports "$id" imports.debtor-report-chunk.v1; done <"$WORK/again.jsonl"
for _ in $(seq 300); do
  [ "$(sql "SELECT status FROM debtor_report WHERE import_report_id = 'bench-$id-again'")" = completed ] && break; sleep 0.1
done
END=$(date +%s.%N)
echo "re-upload of $ACCOUNTS accounts over $ACCOUNTS: $(grep -o 'accounts in [0-9]* ms' "$WORK/service.log" | tail -1) for the replacement;" \
  "$(python3 -c "print(f'{$END - $START:.2f}')") s from publishing the first chunk to completed (incl. kcat and staging)"

if [ "$COLLECTIONS" = 1 ]; then
  for _ in $(seq 600); do # the re-upload's follow-up runs right after it completed
    [ "$(sql "SELECT COUNT(*) FROM debtor_report WHERE status = 'completed' AND followed_up_at IS NULL")" = 0 ] && break
    sleep 0.1
  done
  echo "follow-up after each report (account snapshot, movement against the report before, promises; its own"
  echo "transaction after the replacement committed), from the service log:"
  grep -o 'Report [0-9]* of pharmacy [0-9]* followed up in [0-9]* ms' "$WORK/service.log" | awk '{print "  " $0}' || true
  echo "  kept per report: $(sql "SELECT pg_size_pretty(pg_total_relation_size('report_account')) || ' report_account ('
    || (SELECT COUNT(*) FROM report_account) || ' rows), ' || pg_size_pretty(pg_total_relation_size('account_movement'))
    || ' account_movement (' || (SELECT COUNT(*) FROM account_movement) || ' rows), with indexes'")"
fi

export PHARMACIES="$IDS"
BASE="http://127.0.0.1:$HTTP_PORT"
if [ -n "${BENCH_HOLD:-}" ]; then # keep the stack up for exploring by hand; Ctrl-C (or kill of this script) stops it
  echo "$TOKEN" >"$WORK/token.txt"
  echo "holding: $BASE (token in $WORK/token.txt, pharmacies$IDS), psql -h 127.0.0.1 -p $PG_PORT -U postgres debtor"
  sleep infinity & PIDS+=($!); wait $!
fi
echo "== warm-up (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
# long enough for the JIT: after the load, C2 compiles for about a minute (one C2 thread on 2 cores), and a list
# measured during that ran at a third of its later rate
PATH_SUFFIX="?min_balance=100&has_email=true&page=1&per_page=100" wrk -t2 -c"$CONCURRENCY" -d"$WARMUP" -s "$HERE/rotate.lua" "$BASE" >/dev/null
SIZES=10 PATH_SUFFIX="?min_balance=100&has_email=true&page=1" wrk -t2 -c8 -d5s -s "$HERE/rotate.lua" "$BASE" >/dev/null
PATH_SUFFIX="/statistics" wrk -t2 -c8 -d5s -s "$HERE/rotate.lua" "$BASE" >/dev/null
echo "== list: GET /pharmacies/{id}/debtors?min_balance=100&has_email=true&page=1&per_page=100, $CONCURRENCY connections, $DURATION"
PATH_SUFFIX="?min_balance=100&has_email=true&page=1&per_page=100" wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$HERE/rotate.lua" "$BASE" \
  | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors'
echo "== list as above but per_page 100, 99 .. 91 in turn: 100 different pages, twice what the page cache keeps (what"
echo "   pages not in the cache cost; its hits and misses below), $CONCURRENCY connections, $DURATION"
page_cache() { curl -s "$BASE/q/metrics" | awk '/^cache_gets_total/ && /debtor-list-pages/ && /result="hit"/ {h=$NF}
  /^cache_gets_total/ && /debtor-list-pages/ && /result="miss"/ {m=$NF} END {printf "%d %d", h, m}'; }
read -r HITS0 MISSES0 <<<"$(page_cache)"
SIZES=10 PATH_SUFFIX="?min_balance=100&has_email=true&page=1" wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$HERE/rotate.lua" "$BASE" \
  | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors'
read -r HITS1 MISSES1 <<<"$(page_cache)"
echo "   page cache during this run: $((MISSES1 - MISSES0)) misses (read from the database), $((HITS1 - HITS0)) hits"
echo "== statistics: GET /pharmacies/{id}/debtors/statistics, $CONCURRENCY connections, $DURATION"
PATH_SUFFIX="/statistics" wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$HERE/rotate.lua" "$BASE" \
  | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors'
if [ "$COLLECTIONS" = 1 ]; then
MOVED=$(echo $IDS | awk '{print $1}') # the pharmacy uploaded twice: $ACCOUNTS accounts moved between its reports
echo "== movement: GET /pharmacies/$MOVED/debtors/movement?per_page=100 ($ACCOUNTS accounts compared), $CONCURRENCY connections, $DURATION"
PHARMACIES="$MOVED" PATH_SUFFIX="/movement?per_page=100" wrk -t2 -c"$CONCURRENCY" -d"$WARMUP" -s "$HERE/rotate.lua" "$BASE" >/dev/null
PHARMACIES="$MOVED" PATH_SUFFIX="/movement?per_page=100" wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$HERE/rotate.lua" "$BASE" \
  | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors'
echo "== movement as above, 1 connection (what one answer costs, without queueing), $DURATION"
PHARMACIES="$MOVED" PATH_SUFFIX="/movement?per_page=100" wrk -t1 -c1 -d"$DURATION" --latency -s "$HERE/rotate.lua" "$BASE" \
  | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors'
echo "== movement filtered: ?movement=paid_down,increased&page=3&per_page=100, $CONCURRENCY connections, $DURATION"
PHARMACIES="$MOVED" PATH_SUFFIX="/movement?movement=paid_down,increased&page=3&per_page=100" wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$HERE/rotate.lua" "$BASE" \
  | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors'

echo "== reminder policy run over $ACCOUNTS accounts (manual trigger, no minimum, no cool-down, no quiet hours)"
printf '{"pharmacy_id":%d,"email_configured":true,"sms_configured":true,"default_language":"en"}\n' "$MOVED" \
  | publish notifications.channels "$MOVED" notifications.channel-configured.v1
for _ in $(seq 60); do [ "$(sql "SELECT COUNT(*) FROM pharmacy_channel WHERE pharmacy_id = $MOVED")" = 1 ] && break; sleep 0.5; done
curl -fs -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"enabled":true,"trigger":"manual","min_overdue":0,"cooldown_days":0,"quiet_hours":null,"max_per_day":100000}' \
  "$BASE/pharmacies/$MOVED/reminder-policy"
RUN=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" "$BASE/pharmacies/$MOVED/reminder-runs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for _ in $(seq 600); do [ "$(sql "SELECT status FROM reminder_run WHERE id = $RUN")" = finished ] && break; sleep 0.1; done
echo "  run $RUN: $(sql "SELECT queued || ' queued, ' || skipped || ' skipped' FROM reminder_run WHERE id = $RUN");" \
  "$(grep -o "Reminder run $RUN .* ms)" "$WORK/service.log" | grep -o 'in [0-9]* ms.*') in its transaction (plan, then rows + events);" \
  "$(sql "SELECT round(extract(epoch FROM finished_at - created_at)::numeric, 2) FROM reminder_run WHERE id = $RUN") s from the request to finished (incl. waiting for the sweeper)"
fi

echo "== CSV of one pharmacy ($ACCOUNTS debtors), 5 runs"
id=$(echo $IDS | awk '{print $2}')
for _ in 1 2 3 4 5; do
  curl -s -o "$WORK/out.csv" -w '  %{http_code} %{size_download} bytes in %{time_total} s\n' -X POST \
    -H "Authorization: Bearer $TOKEN" "$BASE/pharmacies/$id/debtors/download-csv"
done
echo "  rows: $(($(wc -l <"$WORK/out.csv") - 1))"
