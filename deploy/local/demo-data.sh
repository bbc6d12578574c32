#!/usr/bin/env bash
# Loads a small demo data set through the gateway, as a user would: a pharmacy with a user, its debtors
# (the DEB013 sample report), notification settings, and a clinic credit-balance sheet.
# Usage: deploy/local/demo-data.sh GATEWAY_URL ADMIN_USER ADMIN_PASSWORD
set -uo pipefail
GW="$1"; USER="$2"; PASS="$3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${TESTDATA_DIR:-$ROOT/../shared/testdata}"
say() { printf '[demo] %s\n' "$*"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)" 2>/dev/null; }

token="$(curl -fsS --retry 3 -X POST "$GW/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$USER\",\"password\":\"$PASS\"}" | json "['access_token']")" || { say "login failed"; exit 1; }
auth=(-H "Authorization: Bearer $token")

pharmacy_id="$(curl -fsS -X POST "$GW/admin/pharmacies" "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"Winterton Pharmacy","code":"WIN"}' | json "['id']")" || { say "could not create the pharmacy"; exit 1; }
say "pharmacy Winterton Pharmacy has id $pharmacy_id"

curl -fsS -o /dev/null -X PUT "$GW/pharmacies/$pharmacy_id/notification-settings" "${auth[@]}" \
  -H 'Content-Type: application/json' -d '{"email_provider":"smtp","from_email":"accounts@winterton.example",
  "from_name":"Winterton Pharmacy","reply_to":"accounts@winterton.example","sms_provider":null,
  "display_name":"Winterton Pharmacy","contact_phone":"036 000 0000","bank_details":"Demo Bank, 123456789, 250655"}' \
  && say "e-mail reminders go through the local SMTP server" || say "notification settings not saved"

if [[ -f "$DATA/deb013/winterton_small.pdf" ]]; then
  # import-service learns new pharmacies from auth-service's events: retry while that event is on its way
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    code="$(curl -sS -o /tmp/demo-upload.json -w '%{http_code}' -X POST "$GW/pharmacies/$pharmacy_id/debtors/upload" \
      "${auth[@]}" -F "file=@$DATA/deb013/winterton_small.pdf;type=application/pdf")"
    [[ "$code" == 404 ]] || break
    sleep 1
  done
  say "debtor report uploaded: HTTP $code"
fi

if [[ -f "$DATA/credit/legacy.csv" ]]; then
  code="$(curl -sS -o /tmp/demo-import.json -w '%{http_code}' -X POST "$GW/credit-balances/import" "${auth[@]}" \
    -F "file=@$DATA/credit/legacy.csv;type=text/csv" -F mode=replace)"
  say "credit balances import: HTTP $code"
fi
[[ "${code:-}" == 2* ]]
