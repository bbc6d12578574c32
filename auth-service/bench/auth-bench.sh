#!/usr/bin/env bash
# auth-service benchmark (loopback only, bounded): token verification (GET /users/me with a valid token),
# login (bcrypt), and the time of one bcrypt hash per cost factor.
#   auth-service/bench/auth-bench.sh [DURATION] [CONNECTIONS]
# Without BASE_URL it starts its own throwaway PostgreSQL (Debian's, port 25481) and the packaged service
# (port 28081, -Xmx128m like the local stack; no Kafka needed for these paths), and stops both at the end.
# With BASE_URL (e.g. the local stack's http://127.0.0.1:8081) set ADMIN_USERNAME / ADMIN_PASSWORD too.
# Needs: wrk (apt-get install -y wrk); the module packaged: mvn -o -q -pl auth-service package -DskipTests
set -euo pipefail
DURATION=${1:-20s}
CONNECTIONS=${2:-32}
MODULE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$MODULE/target/bench
APP=$MODULE/target/quarkus-app
PG_PORT=${BENCH_PG_PORT:-25481}
APP_PORT=${BENCH_APP_PORT:-28081}
BCRYPT_COST=${AUTH_BCRYPT_COST:-12}
ADMIN_USERNAME=${ADMIN_USERNAME:-bench-admin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password-$RANDOM$RANDOM}
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -f $WORK/pg/postmaster.pid ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

if [[ -z ${BASE_URL:-} ]]; then
  [[ -f $APP/quarkus-run.jar ]] || { echo "package first: mvn -o -q -pl auth-service package -DskipTests"; exit 1; }
  PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")
  rm -rf "$WORK" && mkdir -p "$WORK/keys" && chown postgres "$WORK"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k /tmp" -l "$WORK/pg.log" start >/dev/null
  runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" auth
  HTTP_PORT=$APP_PORT DB_USER=postgres DB_PASSWORD=postgres \
    DB_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/auth DB_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/auth \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 AUTH_KEYS_DIR=$WORK/keys AUTH_BCRYPT_COST=$BCRYPT_COST \
    AUTH_BOOTSTRAP_ADMIN_USERNAME=$ADMIN_USERNAME AUTH_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    AUTH_LOCKOUT_MAX_FAILURES_PER_ADDRESS=1000000 \
    java -Xmx128m -XX:+UseSerialGC -Dauth.keys.generate-if-missing=true -jar "$APP/quarkus-run.jar" \
    >"$WORK/app.log" 2>&1 &
  PIDS+=($!)
  BASE_URL=http://127.0.0.1:$APP_PORT
  for _ in $(seq 1 120); do curl -sf "$BASE_URL/q/health/live" >/dev/null && break; sleep 1; done
fi

login() { curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$BASE_URL/login"; }
ADMIN_TOKEN=$(login "$ADMIN_USERNAME" "$ADMIN_PASSWORD" | json "['access_token']")
BENCH_USER=bench-$RANDOM$RANDOM
BENCH_PASSWORD=bench-password-$RANDOM$RANDOM
curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$BENCH_USER\",\"password\":\"$BENCH_PASSWORD\",\"roles\":[\"staff\"],\"center\":\"GK2\"}" \
  "$BASE_URL/admin/users" >/dev/null
TOKEN=$(login "$BENCH_USER" "$BENCH_PASSWORD" | json "['access_token']")

echo "== warm-up (10s)"
TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d10s -s "$MODULE/bench/users-me.lua" "$BASE_URL/users/me" >/dev/null
echo "== GET /users/me with a valid token: ${DURATION}, ${CONNECTIONS} connections, 2 threads"
TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$MODULE/bench/users-me.lua" \
  "$BASE_URL/users/me" | tail -1
echo "== POST /login (bcrypt cost $BCRYPT_COST): ${DURATION}, 4 connections"
USERNAME=$BENCH_USER PASSWORD=$BENCH_PASSWORD wrk -t2 -c4 -d"$DURATION" -s "$MODULE/bench/login.lua" \
  "$BASE_URL/login" | tail -1
echo "== one bcrypt hash per cost factor"
java -cp "$APP/lib/main/*" "$MODULE/bench/BcryptCost.java"
