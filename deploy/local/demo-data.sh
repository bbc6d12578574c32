#!/usr/bin/env bash
# Loads a small demo data set through the gateway, as a user would, from files made in the repository by the test
# kit's generators (deploy/local/fixture):
#   - the pharmacy "Winterton Pharmacy" (code WIN) with its debtors: the DEB013 report winterton_small.pdf (26 accounts)
#   - its user "winterton" with read and write access, and its SMTP notification settings (local GreenMail)
#   - a staff user per clinic center: staff-gk2, staff-punjabi-bagh, staff-preet-vihar, staff-pitampura
#   - the clinic's credit balances: the workbook main.xlsx (1,353 rows; voucher PBAD05349 is client AD03C4403)
# Safe to run again: what exists is found and kept (passwords are set again to the kept ones), the report upload
# is recognised as the same file, the workbook replaces the credit balances with the same rows.
# Usage: deploy/local/demo-data.sh GATEWAY_URL ADMIN_USER ADMIN_PASSWORD [STATE_DIR, default .stack]
# The demo users' passwords are generated once into STATE_DIR/secrets/demo-*-password; ./stack up prints them.
set -uo pipefail
GW="$1"; ADMIN="$2"; ADMIN_PASSWORD="$3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${4:-$ROOT/.stack}"
FILES="$STATE/demo-data"
PHARMACY_NAME="Winterton Pharmacy"; PHARMACY_CODE="WIN"; PHARMACY_USER="winterton"
CENTERS=("GK2" "Punjabi Bagh" "Preet Vihar" "Pitampura")

say() { printf '[demo] %s\n' "$*"; }
fail() { say "$*"; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" 2>/dev/null; }
password() { # password NAME: generated once, kept with the stack's other secrets
  local f="$STATE/secrets/demo-$1-password"
  if [[ ! -s "$f" ]]; then
    mkdir -p "$STATE/secrets"
    (umask 077; openssl rand -base64 24 | tr -d '/+=' | cut -c1-16 >"$f")
  fi
  cat "$f"
}
api() { # api METHOD PATH [JSON]: the answer's body; fails on an error status
  local method="$1" path="$2" body="${3:-}"
  if [[ -n "$body" ]]; then
    curl -fsS -X "$method" "$GW$path" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body"
  else
    curl -fsS -X "$method" "$GW$path" -H "Authorization: Bearer $TOKEN"
  fi
}

mkdir -p "$FILES"
ANSWER="$(mktemp)"
trap 'rm -f "$ANSWER"' EXIT
[[ -s "$FILES/winterton_small.pdf" ]] || "$ROOT/deploy/local/fixture" deb013 --preset small \
  --out "$FILES/winterton_small.pdf" >/dev/null || fail "could not make the DEB013 report"
[[ -s "$FILES/main.xlsx" ]] || "$ROOT/deploy/local/fixture" credit-xlsx --preset main \
  --out "$FILES/main.xlsx" >/dev/null || fail "could not make the credit workbook"

TOKEN="$(curl -fsS --retry 3 -X POST "$GW/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$ADMIN\",\"password\":\"$ADMIN_PASSWORD\"}" | json "d['access_token']")"
[[ -n "$TOKEN" ]] || fail "admin login failed"

# --- the pharmacy
PHARMACY_ID="$(api GET /admin/pharmacies | json "next((p['id'] for p in d if p['code'] == '$PHARMACY_CODE'), '')")"
if [[ -z "$PHARMACY_ID" ]]; then
  PHARMACY_ID="$(api POST /admin/pharmacies "{\"name\":\"$PHARMACY_NAME\",\"code\":\"$PHARMACY_CODE\"}" | json "d['id']")"
fi
[[ -n "$PHARMACY_ID" ]] || fail "could not create the pharmacy"
say "pharmacy $PHARMACY_NAME has id $PHARMACY_ID"

# --- users: created once, their password (re)set to the kept one, so the printed logins always work
USERS="$(api GET /admin/users)" || fail "could not list the users"
user() { # user USERNAME ROLE CENTER FULL_NAME: prints the user's id
  local name="$1" role="$2" center="$3" full="$4" id pw
  pw="$(password "$name")"
  id="$(json "next((u['user_id'] for u in d if u['username'] == '$name'), '')" <<<"$USERS")"
  local center_json=null; [[ -n "$center" ]] && center_json="\"$center\""
  if [[ -z "$id" ]]; then
    id="$(api POST /admin/users "{\"username\":\"$name\",\"password\":\"$pw\",\"email\":\"$name@demo.clinicsuite.local\",
      \"full_name\":\"$full\",\"roles\":[\"$role\"],\"center\":$center_json}" | json "d.get('user_id', d.get('id'))")"
  else
    api PUT "/admin/users/$id" "{\"password\":\"$pw\",\"is_active\":true}" >/dev/null || id=""
  fi
  echo "$id"
}
PHARMACY_USER_ID="$(user "$PHARMACY_USER" pharmacy "" "Winterton Pharmacy accounts")"
[[ -n "$PHARMACY_USER_ID" ]] || fail "could not create the pharmacy user $PHARMACY_USER"
api PUT "/admin/users/$PHARMACY_USER_ID/pharmacies/$PHARMACY_ID" '{"can_read":true,"can_write":true}' >/dev/null \
  || fail "could not grant $PHARMACY_USER access to the pharmacy"
say "pharmacy user: $PHARMACY_USER / $(password "$PHARMACY_USER") (reads and writes $PHARMACY_NAME)"
for center in "${CENTERS[@]}"; do
  name="staff-$(tr '[:upper:] ' '[:lower:]-' <<<"$center")"
  [[ -n "$(user "$name" staff "$center" "$center front desk")" ]] || fail "could not create the staff user $name"
  say "staff user: $name / $(password "$name") (center $center)"
done

# --- services learn of a new pharmacy by event: retry while that event is on its way (404 / "unknown")
retry() { # retry CMD...: again for up to 30 s while the answer says the pharmacy is not known yet
  local code
  for _ in $(seq 1 30); do
    code="$("$@")"
    if [[ "$code" != 404 ]] && ! grep -qi 'unknown to' "$ANSWER"; then break; fi
    sleep 1
  done
  echo "$code"
}
settings() {
  curl -sS -o "$ANSWER" -w '%{http_code}' -X PUT "$GW/pharmacies/$PHARMACY_ID/notification-settings" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"email_provider":"smtp",
    "from_email":"accounts@winterton.example","from_name":"Winterton Pharmacy","reply_to":"accounts@winterton.example",
    "sms_provider":null,"display_name":"Winterton Pharmacy","contact_phone":"036 000 0000",
    "bank_details":"Demo Bank, account 123456789, branch 250655"}'
}
code="$(retry settings)"
[[ "$code" == 200 ]] || fail "notification settings not saved: HTTP $code $(cat "$ANSWER")"
say "e-mail reminders of $PHARMACY_NAME go through the local SMTP server (GreenMail)"

upload() {
  curl -sS -o "$ANSWER" -w '%{http_code}' -X POST "$GW/pharmacies/$PHARMACY_ID/debtors/upload" \
    -H "Authorization: Bearer $TOKEN" -F "file=@$FILES/winterton_small.pdf;type=application/pdf"
}
code="$(retry upload)"
case "$code" in
  200) say "debtors: $(json "str(d['total_accounts']) + ' accounts, R ' + str(d['total_outstanding']) + ' outstanding'" \
         <"$ANSWER") from the DEB013 report winterton_small.pdf" ;;
  202) say "debtors: report winterton_small.pdf accepted, still being applied" ;;
  *) fail "debtor report upload: HTTP $code $(cat "$ANSWER")" ;;
esac

# --- credit balances: the workbook replaces them; wait until the import is done
IMPORT_ID="$(curl -fsS -X POST "$GW/credit-balances/import" -H "Authorization: Bearer $TOKEN" \
  -F "file=@$FILES/main.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
  -F mode=replace | json "d['import_id']")"
[[ -n "$IMPORT_ID" ]] || fail "credit balance import refused"
for attempt in $(seq 1 120); do
  status="$(api GET "/imports/$IMPORT_ID" | json "d['status'] + ' ' + str(d['rows_accepted'])")"
  [[ "$status" == completed* || "$status" == failed* ]] && break
  sleep 1
done
[[ "$status" == completed* ]] || fail "credit balance import $IMPORT_ID: ${status:-no answer}"
say "credit balances: ${status#completed } rows from main.xlsx (voucher PBAD05349 finds client AD03C4403)"
