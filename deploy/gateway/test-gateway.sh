#!/usr/bin/env bash
# Tests the local nginx gateway on its own, with no service behind it: renders the config exactly as ./stack does
# (./stack gateway-config), points every upstream at a closed port, starts nginx on a free port and checks
#   - the JSON error answers: 413 over the JSON limit (1 MiB) and over the upload limit (26 MiB, while an upload
#     route takes 2 MiB), 502 with no service, 404 for an unknown path;
#   - CORS: a preflight from a configured origin is answered by the gateway, another origin gets no CORS header;
#   - the access log has the path but never the query string;
#   - /openapi.json is served from docs/openapi/openapi.json (a JSON 404 while that file does not exist).
# Needs nginx, curl, python3. Prints one line per check and "N passed, M failed"; exits non-zero on a failure.
# deploy/e2e/run.sh runs it (CI).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d)"
chmod 711 "$WORK" # nginx's workers (nobody, when started as root) write request bodies under it, as in ./stack
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
CLOSED="$(free_port)" # nothing listens there: every upstream is down
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
passed=0
failed=0
check() { # check NAME CONDITION-EXIT-STATUS [DETAIL]
  if [[ "$2" == 0 ]]; then passed=$((passed + 1)); echo "PASS $1"; else failed=$((failed + 1)); echo "FAIL $1  (${3:-})"; fi
}
stop() { [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; rm -rf "$WORK"; }
trap stop EXIT

conf="$(STACK_DIR="$WORK/state" GATEWAY_PORT="$PORT" "$ROOT/stack" gateway-config)" || { echo "FAIL render"; exit 1; }
sed -i -E "s/server 127\.0\.0\.1:[0-9]+;/server 127.0.0.1:$CLOSED;/" "$conf"
"$NGINX" -p "$(dirname "$conf")" -c "$conf" -g "pid $WORK/nginx.pid;" || { echo "FAIL nginx did not start"; exit 1; }
GW="http://127.0.0.1:$PORT"
for _ in $(seq 50); do curl -s -o /dev/null "$GW/" && break; sleep 0.1; done

# request METHOD PATH [curl args...]: prints "<status> <content-type>" then the body on the next line
request() {
  local method="$1" path="$2"; shift 2
  curl -s -X "$method" -o "$WORK/body" -w '%{http_code} %{content_type}\n' "$@" "$GW$path"
  cat "$WORK/body"
}
# json_error OUT STATUS CODE: exit status 0 when OUT is STATUS application/json with {"detail": str, "code": CODE}
json_error() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
out, status, code = sys.argv[1:]
head, _, body = out.partition("\n")
got_status, _, ctype = head.partition(" ")
try:
    b = json.loads(body)
except ValueError:
    sys.exit(1)
sys.exit(0 if got_status == status and ctype.startswith("application/json") and isinstance(b.get("detail"), str)
         and b.get("code") == code else 1)
PY
}

head -c $((2 * 1024 * 1024)) /dev/zero >"$WORK/2m.bin"
head -c $((27 * 1024 * 1024)) /dev/zero >"$WORK/27m.bin"

out="$(request POST /login -H 'Content-Type: application/json' --data-binary @"$WORK/2m.bin")"
json_error "$out" 413 payload_too_large; check "2 MiB to a JSON route: JSON 413 payload_too_large" $? "$out"
out="$(request POST /credit-balances/import -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/27m.bin")"
json_error "$out" 413 payload_too_large; check "27 MiB to an upload route: JSON 413 payload_too_large" $? "$out"
out="$(request POST /pharmacies/7/debtors/upload -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/2m.bin")"
json_error "$out" 502 bad_gateway; check "2 MiB to an upload route passes the limit (502 here: no service behind)" $? "$out"
out="$(request GET /credit-balances/)"
json_error "$out" 502 bad_gateway; check "service down: JSON 502 bad_gateway" $? "$out"
out="$(request GET /no/such/path)"
json_error "$out" 404 not_found; check "unknown path: JSON 404 not_found" $? "$out"

curl -s -o /dev/null -D "$WORK/h" -X OPTIONS -H 'Origin: http://localhost:5173' \
  -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: authorization,content-type' \
  -w '%{http_code}' "$GW/credit-balances/by-voucher" >"$WORK/s"
grep -qi '^Access-Control-Allow-Origin: http://localhost:5173' "$WORK/h" && grep -qi '^Access-Control-Allow-Methods: .*POST' "$WORK/h" \
  && grep -qi '^Access-Control-Allow-Headers: .*Authorization' "$WORK/h" && [[ "$(cat "$WORK/s")" == 204 ]]
check "CORS preflight from a configured origin answered by the gateway (204)" $? "$(cat "$WORK/s") $(tr -d '\r' <"$WORK/h" | tr '\n' ' ')"
curl -s -o /dev/null -D "$WORK/h" -X OPTIONS -H 'Origin: https://elsewhere.example' \
  -H 'Access-Control-Request-Method: POST' "$GW/credit-balances/by-voucher"
! grep -qi '^Access-Control-Allow' "$WORK/h"
check "no CORS header for an origin that is not configured" $? "$(tr -d '\r' <"$WORK/h" | tr '\n' ' ')"
curl -s -o /dev/null -D "$WORK/h" -H 'Origin: http://localhost:5173' "$GW/credit-balances/"
grep -qi '^Access-Control-Allow-Origin: http://localhost:5173' "$WORK/h" && grep -qi '^Access-Control-Expose-Headers: X-Total-Count' "$WORK/h"
check "CORS headers on an answer (here the JSON 502) for a configured origin" $? "$(tr -d '\r' <"$WORK/h" | tr '\n' ' ')"

out="$(request GET /openapi.json)"
if [[ -f "$ROOT/docs/openapi/openapi.json" ]]; then
  # through stdin: the document (~430 KB) is beyond what one command-line argument may hold
  printf '%s' "$out" | python3 -c 'import json,sys; h,_,b=sys.stdin.read().partition("\n"); d=json.loads(b); sys.exit(0 if h.startswith("200 application/json") and "openapi" in d else 1)'
  check "/openapi.json serves docs/openapi/openapi.json" $? "${out:0:200}"
else
  json_error "$out" 404 not_found; check "/openapi.json: JSON 404 while docs/openapi/openapi.json does not exist" $? "$out"
fi

curl -s -o /dev/null "$GW/credit-balances/?access_token=SECRET-IN-QUERY&name=Someone"
kill -QUIT "$(cat "$WORK/nginx.pid")" # graceful stop flushes the buffered access log
for _ in $(seq 50); do kill -0 "$(cat "$WORK/nginx.pid" 2>/dev/null)" 2>/dev/null || break; sleep 0.1; done
log="$(dirname "$conf")/access.log"
grep -q '"GET /credit-balances/ HTTP' "$log" && ! grep -q 'SECRET-IN-QUERY\|Someone' "$log"
check "access log has the path, never the query string" $? "$(tail -2 "$log")"

echo "gateway test: $passed passed, $failed failed"
[[ "$failed" == 0 ]]
