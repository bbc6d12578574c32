# Sourced by run.sh and import-apply.sh: a throwaway PostgreSQL 15, a Kafka broker and the service jar, on loopback
# only, plus a signing key and an admin token minted here. Set before sourcing: ROOT, SERVICE, WORK.
# Needs openssl, Debian's PostgreSQL 15 binaries, the Kafka classpath of deploy/local/infra-classpath.

PGBIN=/usr/lib/postgresql/15/bin
PG_PORT=${BENCH_PG_PORT:-25432}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29092}
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
HTTP_PORT=${BENCH_HTTP_PORT:-28082}
BASE=http://127.0.0.1:$HTTP_PORT
KAFKA_CLASSPATH_FILE=$ROOT/deploy/local/infra-classpath/target/classes/com/clinicsuite/infra/kafka.classpath

rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK"
SERVICE_PID= KAFKA_PID=
stack_cleanup() {
    [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    [ -n "$KAFKA_PID" ] && kill "$KAFKA_PID" 2>/dev/null && wait "$KAFKA_PID" 2>/dev/null || true
    [ -d "$WORK/pg" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
}
trap stack_cleanup EXIT

start_postgres() {
    echo "== PostgreSQL 15 on 127.0.0.1:$PG_PORT"
    mkdir -p pg && chown postgres "$WORK" pg
    su postgres -s /bin/sh -c "$PGBIN/initdb -D $WORK/pg -U postgres -A trust >/dev/null"
    su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=128MB -c max_connections=100' -w start >/dev/null"
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database credit"
}

psql_credit() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d credit -qAt "$@"; }

start_kafka() {
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
    local jvm=(-Xms64m -Xmx384m -XX:+UseSerialGC -Dlog4j2.configurationFile=$WORK/log4j2.properties -cp "$KAFKA_CP")
    java "${jvm[@]}" kafka.tools.StorageTool format -t "$(cat /proc/sys/kernel/random/uuid | tr -d '-' | cut -c1-22)" -c server.properties >kafka-format.log 2>&1
    java "${jvm[@]}" kafka.Kafka server.properties >kafka-stdout.log 2>&1 &
    KAFKA_PID=$!
}

mint_token() { # sets TOKEN: an admin token signed with a key made here (the service reads public.pem)
    echo "== signing key and token"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out private.pem 2>/dev/null
    openssl rsa -in private.pem -pubout -out public.pem 2>/dev/null
    b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
    local now header payload signed
    now=$(date +%s)
    header='{"alg":"RS256","typ":"JWT","kid":"bench"}'
    payload=$(printf '{"iss":"https://auth.clinicsuite.local","aud":"clinic-suite","sub":"1","upn":"bench-admin","preferred_username":"bench-admin","groups":["admin"],"jti":"%s","iat":%d,"exp":%d}' \
        "$(cat /proc/sys/kernel/random/uuid)" "$now" "$((now + 7200))")
    signed="$(printf %s "$header" | b64url).$(printf %s "$payload" | b64url)"
    TOKEN="$signed.$(printf %s "$signed" | openssl dgst -sha256 -sign private.pem | b64url)"
}

start_service() { # JVM options as words, e.g. start_service -Xmx128m; extra env is passed through
    echo "== service (built jar): java $*"
    if [ ! -f "$SERVICE/target/quarkus-app/quarkus-run.jar" ]; then
        (cd "$ROOT" && mvn -o -q -pl credit-balance-service package -DskipTests)
    fi
    HTTP_PORT=$HTTP_PORT DB_USER=postgres DB_PASSWORD=postgres \
    DB_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/credit DB_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/credit \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT JWKS_URL=file:$WORK/public.pem \
        java "$@" -jar "$SERVICE/target/quarkus-app/quarkus-run.jar" >service.log 2>&1 &
    SERVICE_PID=$!
    for _ in $(seq 1 180); do
        curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
        sleep 1
    done
    curl -sf "$BASE/q/health/ready" >/dev/null || { echo "service not ready, see $WORK/service.log"; exit 1; }
}
