#!/usr/bin/env bash
# Imports a clinic credit-balance spreadsheet (.xlsx, .xls, .csv) from a terminal and follows the job until it
# ends, as the original import_updated_excel.py did. See "Credit-balance spreadsheet imports" in ../README.md.
#
#   import-credit-balances.sh [options] FILE
#     -u, --url URL        gateway (or import-service) base URL   [$CLINIC_API_URL, default http://localhost:8080]
#     -t, --token TOKEN    bearer token of an admin               [$CLINIC_TOKEN]
#     -U, --user NAME      log in with POST /login instead (the password is asked for, or $CLINIC_PASSWORD)
#     -m, --mode MODE      replace (default: the sheet becomes the whole data set) or upsert
#     -n, --dry-run        validate and report only; nothing is changed
#     -i, --interval SECS  seconds between progress polls (default 1)
#
# Exit status: 0 completed, 1 failed, 2 refused or usage error.
# Needs curl and jq (or python3 when jq is missing). The token and password never appear in the process list:
# curl reads the Authorization header and the login body from stdin.
set -euo pipefail

URL=${CLINIC_API_URL:-http://localhost:8080}
TOKEN=${CLINIC_TOKEN:-}
USER_NAME=""
MODE=replace
DRY_RUN=false
INTERVAL=1

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
die() { echo "import-credit-balances: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case $1 in
    -u|--url) URL=$2; shift 2 ;;
    -t|--token) TOKEN=$2; shift 2 ;;
    -U|--user) USER_NAME=$2; shift 2 ;;
    -m|--mode) MODE=$2; shift 2 ;;
    -n|--dry-run) DRY_RUN=true; shift ;;
    -i|--interval) INTERVAL=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
[[ $# -eq 1 ]] || usage
FILE=$1
[[ -f $FILE ]] || die "no such file: $FILE"
command -v curl >/dev/null || die "curl is required"

# json FIELD: prints a top-level field of the JSON on stdin ('' when null or absent)
if command -v jq >/dev/null; then
  json() { jq -r --arg f "$1" '.[$f] // "" | tostring'; }
  json_errors() { jq -r '.errors[]? | "  row \(.row // "-")\(if .sheet then " (\(.sheet))" else "" end): \(.message)"'; }
else
  command -v python3 >/dev/null || die "jq or python3 is required"
  json() { python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"; }
  json_errors() { python3 -c '
import json, sys
for e in json.load(sys.stdin).get("errors", []):
    sheet = f" ({e['"'"'sheet'"'"']})" if e.get("sheet") else ""
    print(f"  row {e.get('"'"'row'"'"') or '"'"'-'"'"'}{sheet}: {e['"'"'message'"'"']}")'; }
fi

# login_body NAME PASSWORD: the POST /login body; the password goes through stdin, never argv
login_body() {
  if command -v jq >/dev/null; then
    jq -cRn --arg u "$1" '{username: $u, password: input}' <<<"$2"
  else
    python3 -c 'import json,sys; print(json.dumps({"username": sys.argv[1], "password": sys.stdin.read().rstrip("\n")}))' "$1" <<<"$2"
  fi
}

# api ARGS...: curl with the bearer token passed on stdin; prints the body, then the status on the last line
api() {
  printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" | curl -sS -K - -w '\n%{http_code}' "$@"
}

if [[ -z $TOKEN ]]; then
  [[ -n $USER_NAME ]] || die "give --token (or CLINIC_TOKEN) or --user to log in"
  PASSWORD=${CLINIC_PASSWORD:-}
  if [[ -z $PASSWORD ]]; then
    read -r -s -p "Password for $USER_NAME: " PASSWORD; echo >&2
  fi
  LOGIN_BODY=$(login_body "$USER_NAME" "$PASSWORD")
  RESPONSE=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' --data-binary @- "$URL/login" <<<"$LOGIN_BODY")
  STATUS=${RESPONSE##*$'\n'}
  [[ $STATUS == 200 ]] || die "login failed ($STATUS): ${RESPONSE%$'\n'*}"
  TOKEN=$(json access_token <<<"${RESPONSE%$'\n'*}")
fi

echo "Uploading $FILE (mode $MODE$([[ $DRY_RUN == true ]] && echo ', dry run'))"
RESPONSE=$(api -F "file=@$FILE" -F "mode=$MODE" -F "dry_run=$DRY_RUN" "$URL/credit-balances/import")
STATUS=${RESPONSE##*$'\n'}
BODY=${RESPONSE%$'\n'*}
if [[ $STATUS != 202 ]]; then
  echo "Refused ($STATUS): $(json detail <<<"$BODY")" >&2
  exit 2
fi
IMPORT_ID=$(json import_id <<<"$BODY")
echo "Import $IMPORT_ID queued; following GET /imports/$IMPORT_ID"

LAST=""
while true; do
  RESPONSE=$(api "$URL/imports/$IMPORT_ID")
  STATUS=${RESPONSE##*$'\n'}
  BODY=${RESPONSE%$'\n'*}
  [[ $STATUS == 200 ]] || die "GET /imports/$IMPORT_ID answered $STATUS: $BODY"
  JOB_STATUS=$(json status <<<"$BODY")
  LINE="$JOB_STATUS: $(json rows_total <<<"$BODY") rows read, $(json rows_accepted <<<"$BODY") accepted, $(json rows_rejected <<<"$BODY") rejected"
  [[ $LINE == "$LAST" ]] || echo "$LINE"
  LAST=$LINE
  case $JOB_STATUS in
    completed|failed)
      ERRORS=$(json_errors <<<"$BODY")
      [[ -z $ERRORS ]] || { echo "Problems:"; echo "$ERRORS"; }
      OMITTED=$(json errors_omitted <<<"$BODY")
      [[ -z $OMITTED || $OMITTED == 0 ]] || echo "  ... and $OMITTED more"
      [[ $JOB_STATUS == completed ]] && exit 0 || exit 1 ;;
  esac
  sleep "$INTERVAL"
done
