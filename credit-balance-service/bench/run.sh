#!/usr/bin/env bash
# Benchmarks credit-balance-service from its built jar against a PostgreSQL and a Kafka broker started here, on
# loopback only, and prints the figures. Usage (from the repository root):
#   credit-balance-service/bench/run.sh [duration, default 20s] [connections, default 32]
#   BENCH_HOLD=1 credit-balance-service/bench/run.sh   # set up, load 1,353 records, then keep the stack up
# Needs: wrk, openssl, python3, Debian's PostgreSQL 15 binaries, the Kafka classpath of deploy/local/infra-classpath.
set -euo pipefail

DURATION=${1:-20s}
CONNECTIONS=${2:-32}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SERVICE=$ROOT/credit-balance-service
WORK=$SERVICE/target/bench
PGBIN=/usr/lib/postgresql/15/bin
PG_PORT=${BENCH_PG_PORT:-25432}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29092}
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
HTTP_PORT=${BENCH_HTTP_PORT:-28082}
BASE=http://127.0.0.1:$HTTP_PORT
KAFKA_CLASSPATH_FILE=$ROOT/deploy/local/infra-classpath/target/classes/com/clinicsuite/infra/kafka.classpath

rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK"
SERVICE_PID= KAFKA_PID=
cleanup() {
    [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    [ -n "$KAFKA_PID" ] && kill "$KAFKA_PID" 2>/dev/null && wait "$KAFKA_PID" 2>/dev/null || true
    [ -d "$WORK/pg" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== PostgreSQL 15 on 127.0.0.1:$PG_PORT"
mkdir -p pg && chown postgres "$WORK" pg
su postgres -s /bin/sh -c "$PGBIN/initdb -D $WORK/pg -U postgres -A trust >/dev/null"
su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=128MB -c max_connections=100' -w start >/dev/null"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database credit"

echo "== Kafka on 127.0.0.1:$KAFKA_PORT"
cat > server.properties <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$WORK/kafka-data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
printf 'status = error\nrootLogger.level = WARN\nappender.f.type = File\nappender.f.name = F\nappender.f.fileName = %s\nappender.f.layout.type = PatternLayout\nappender.f.layout.pattern = %%d %%p %%m%%n\nrootLogger.appenderRef.f.ref = F\n' "$WORK/kafka.log" > log4j2.properties
KAFKA_CP=$(cat "$KAFKA_CLASSPATH_FILE")
KAFKA_JVM=(-Xms64m -Xmx384m -XX:+UseSerialGC -Dlog4j2.configurationFile=$WORK/log4j2.properties -cp "$KAFKA_CP")
java "${KAFKA_JVM[@]}" kafka.tools.StorageTool format -t "$(cat /proc/sys/kernel/random/uuid | tr -d '-' | cut -c1-22)" -c server.properties >kafka-format.log 2>&1
java "${KAFKA_JVM[@]}" kafka.Kafka server.properties >kafka-stdout.log 2>&1 &
KAFKA_PID=$!

echo "== signing key and token"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out private.pem 2>/dev/null
openssl rsa -in private.pem -pubout -out public.pem 2>/dev/null
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
HEADER='{"alg":"RS256","typ":"JWT","kid":"bench"}'
PAYLOAD=$(printf '{"iss":"https://auth.clinicsuite.local","aud":"clinic-suite","sub":"1","upn":"bench-admin","preferred_username":"bench-admin","groups":["admin"],"jti":"%s","iat":%d,"exp":%d}' \
    "$(cat /proc/sys/kernel/random/uuid)" "$NOW" "$((NOW + 7200))")
SIGNED="$(printf %s "$HEADER" | b64url).$(printf %s "$PAYLOAD" | b64url)"
TOKEN="$SIGNED.$(printf %s "$SIGNED" | openssl dgst -sha256 -sign private.pem | b64url)"

echo "== service (built jar)"
if [ ! -f "$SERVICE/target/quarkus-app/quarkus-run.jar" ]; then
    (cd "$ROOT" && mvn -o -q -pl credit-balance-service package -DskipTests)
fi
HTTP_PORT=$HTTP_PORT DB_USER=postgres DB_PASSWORD=postgres \
DB_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/credit DB_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/credit \
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT JWKS_URL=file:$WORK/public.pem \
    java -Xmx256m -jar "$SERVICE/target/quarkus-app/quarkus-run.jar" >service.log 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 180); do
    curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
done
curl -sf "$BASE/q/health/ready" >/dev/null || { echo "service not ready, see $WORK/service.log"; exit 1; }

psql_credit() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d credit -qAt "$@"; }

echo "== loading the 1,353 ground-truth records (main.json)"
python3 - "$ROOT/../shared/testdata/credit/main.json" > main.csv <<'PY'
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

run() { # name, records, script, path, connections
    local out threads=$(( $5 < 2 ? 1 : 2 ))
    out=$(wrk -t"$threads" -c"$5" -d"$DURATION" --latency -s "$3" "$BASE$4")
    local rps p50 p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$out")
    printf '%-28s %8s records  c=%-3s %10s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "$1" "$2" "$5" "$rps" "$p50" "$p99" "${non2xx:-0}" | tee -a results.txt
}

if [ -n "${BENCH_HOLD:-}" ]; then # keep the stack up for exploring by hand; Ctrl-C stops everything
    echo "$TOKEN" > token.txt
    echo "holding: $BASE, token in $WORK/token.txt"
    sleep infinity
fi

echo "== warm-up"
wrk -t2 -c8 -d10s -s get_by_id.lua "$BASE" >/dev/null
wrk -t2 -c8 -d5s -s search.lua "$BASE" >/dev/null

echo "== figures (duration $DURATION)" | tee results.txt
run "get by id" 1353 get_by_id.lua / "$CONNECTIONS"
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
run "stats summary" "$TOTAL" plain.lua /credit-balances/stats/summary 1
run "stats summary" "$TOTAL" plain.lua /credit-balances/stats/summary "$CONNECTIONS"
run "list search+center" "$TOTAL" search.lua / "$CONNECTIONS"
run "get by id" "$TOTAL" get_by_id.lua / "$CONNECTIONS"
echo "== stats query alone in PostgreSQL (EXPLAIN ANALYZE, 100k rows)" | tee -a results.txt
psql_credit -c "explain analyze select center, count(*), sum(package_amount), sum(amount_paid), sum(balance_amount),
    sum(prepaid_gift_card_balance), sum(sessions_paid), sum(sessions_consumed), sum(balance_sessions)
    from credit_balance group by center" | grep -E "Execution Time|Index Only|Seq Scan" | tee -a results.txt
echo "== API log rows written meanwhile: $(psql_credit -c 'select count(*) from api_log')" | tee -a results.txt
echo "results in $WORK/results.txt"
