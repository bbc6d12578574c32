#!/usr/bin/env bash
# Start-up and resident memory of the services of a running local stack (issue 20 point 8; docs/benchmarks.md
# "Start-up and memory per service").
#
#   deploy/bench/footprint.sh rss                 RSS of every service now (ps -o rss), one line each
#   deploy/bench/footprint.sh start [SERVICE...]  each service restarted ALONE (PostgreSQL, Kafka and the other
#                                                 services stay up) and timed from the JVM's process start to its
#                                                 first 200 on /q/health/ready; RSS right after; 3 runs, the median
#
# Follows ./stack's STACK_DIR and STACK_PORT_OFFSET, e.g. STACK_PORT_OFFSET=2000 STACK_DIR=/tmp/s2 deploy/bench/...
# The service is started again by `./stack up` (STACK_SKIP_BUILD=1), so it runs with the stack's SERVICE_JAVA_OPTS
# (and AppCDS archive, when built). RUNS (default 3) runs per service.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STATE="${STACK_DIR:-$ROOT/.stack}"
OFFSET="${STACK_PORT_OFFSET:-0}"
RUNS="${RUNS:-3}"
SERVICES=(auth-service credit-balance-service debtor-service import-service notification-service)
declare -A PORT=([auth-service]=$((8081 + OFFSET)) [credit-balance-service]=$((8082 + OFFSET))
                 [debtor-service]=$((8083 + OFFSET)) [import-service]=$((8084 + OFFSET))
                 [notification-service]=$((8085 + OFFSET)))
TICK=$(getconf CLK_TCK)

pid_of() { cat "$STATE/pids/$1"; }
rss_mb() { ps -o rss= -p "$1" | awk '{printf "%d", $1 / 1024}'; }
# seconds since boot at which PID started (/proc/PID/stat field 22, in clock ticks)
started_at() { awk -v t="$TICK" '{ sub(/^.*\) /, ""); printf "%.2f", $20 / t }' "/proc/$1/stat"; }
uptime_now() { cut -d' ' -f1 /proc/uptime; }

cmd_rss() {
  local s
  for s in "${SERVICES[@]}"; do printf '%-24s %4d MB\n' "$s" "$(rss_mb "$(pid_of "$s")")"; done
}

start_once() { # start_once SERVICE: prints "seconds rss_mb"
  local s=$1 old new ready
  old=$(pid_of "$s")
  kill "$old"
  while kill -0 "$old" 2>/dev/null; do sleep 0.1; done
  STACK_SKIP_BUILD=1 STACK_PORT_OFFSET="$OFFSET" STACK_DIR="$STATE" "$ROOT/stack" up >/dev/null 2>&1 &
  local up=$!
  while :; do
    new=$(cat "$STATE/pids/$s" 2>/dev/null || true)
    [[ -n "$new" && "$new" != "$old" ]] && kill -0 "$new" 2>/dev/null && break
    sleep 0.02
  done
  until curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$s]}/q/health/ready" 2>/dev/null; do
    kill -0 "$new" 2>/dev/null || { echo "$s exited: $STATE/logs/$s.log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(uptime_now)
  wait "$up" || true
  # the java process is the exec'd child of the subshell ./stack records
  printf '%s %s\n' "$(awk -v a="$(started_at "$new")" -v b="$ready" 'BEGIN { printf "%.2f", b - a }')" "$(rss_mb "$new")"
}

cmd_start() {
  local services=("$@") s i out
  ((${#services[@]})) || services=("${SERVICES[@]}")
  for s in "${services[@]}"; do
    local times=() rss=()
    for ((i = 0; i < RUNS; i++)); do
      read -r t r < <(start_once "$s")
      times+=("$t"); rss+=("$r")
    done
    out=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
    printf '%-24s start %5.2f s (median of %d: %s)  RSS after start %s MB  load %s\n' "$s" "$out" "$RUNS" \
      "${times[*]}" "${rss[*]}" "$(cut -d' ' -f1 /proc/loadavg)"
  done
}

case "${1:-}" in
  rss) cmd_rss ;;
  start) shift; cmd_start "$@" ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
