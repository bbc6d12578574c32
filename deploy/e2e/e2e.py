#!/usr/bin/env python3
"""End-to-end test of the running suite, through the gateway, as a user would.

Logs in, opens every service's Swagger UI through the gateway (its spec fetched the way the page does, and its
OAuth2 password flow signed in at the tokenUrl), imports the clinic workbook, searches a voucher, uploads a DEB013
report (and a 40 MB file the gateway refuses with a JSON 413), filters debtors, exports CSV
and PDF, sends e-mail reminders, reads them from the SMTP server's IMAP side and checks the history. Last, reads
the public topics as an outside system would (deploy/examples/java-consumer) and validates every event against
the schema its ce_dataschema names (env KAFKA_PORT, default 9092 + STACK_PORT_OFFSET).
Usage: e2e.py GATEWAY_URL ADMIN_PASSWORD DATA_DIR IMAP_PORT
DATA_DIR holds main.xlsx and winterton_small.pdf with their ground truth (FILE.json), as deploy/local/fixture writes
them (run.sh makes them).
Prints one line per check and a closing "N passed, M failed"; exits non-zero when a check failed.
"""
import base64
import imaplib
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suitehttp import Api, Checks, wait_for  # noqa: E402  (shared with deploy/chaos)

GW, ADMIN_PASSWORD, DATA, IMAP_PORT = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
call = Api(GW).call
checks = Checks()
check = checks.check
results = checks.results


# --- log in
status, _, body = call("POST", "/login", {"username": "admin", "password": ADMIN_PASSWORD})
check("admin logs in", status == 200 and body.get("access_token"), f"{status} {body}")
token = body["access_token"]
status, _, _ = call("GET", "/credit-balances/", token="not-a-token")
check("an invalid token is refused with 401", status == 401, status)

# --- Swagger UI of every service through the gateway, as a browser uses it (secured operations offer the OAuth2
#     password flow beside the bearer token, platform-web's SecuritySchemesFilter): the page (Quarkus redirects
#     /q/swagger-ui to /q/swagger-ui/), the spec URL its initializer names, resolved against the page's URL and fetched
#     with Swagger UI's Accept header; then Authorize: the password flow's tokenUrl, resolved against the spec's
#     URL, signed in with the form Swagger UI posts (client id in a Basic header), and the token it gets works.
SERVICES = ["auth-service", "credit-balance-service", "debtor-service", "import-service", "notification-service"]
token_urls = set()
for svc in SERVICES:
    try:
        with urllib.request.urlopen(f"{GW}/services/{svc}/q/swagger-ui", timeout=30) as r:
            page_url, page = r.geturl(), r.read().decode()
        spec_refs = re.findall(r"(?<![A-Za-z])[\"']?url[\"']?\s*:\s*[\"']([^\"']+)[\"']", page)
        spec_url = urllib.parse.urljoin(page_url, spec_refs[0]) if spec_refs else None
        spec = None
        if spec_url:
            req = urllib.request.Request(spec_url, headers={"Accept": "application/json,*/*"})
            with urllib.request.urlopen(req, timeout=30) as r:
                spec = json.loads(r.read())
        flows = ((spec or {}).get("components", {}).get("securitySchemes", {}).get("oauth2") or {}).get("flows", {})
        token_url = flows.get("password", {}).get("tokenUrl")
        if token_url:
            token_urls.add(urllib.parse.urljoin(spec_url, token_url))
        check(f"{svc}: Swagger UI's spec loads through the gateway, with the OAuth2 password flow",
              spec_url and spec_url.startswith(f"{GW}/services/{svc}/") and spec and spec.get("paths")
              and token_url and any({"oauth2": []} in (op.get("security") or [])
                                    for item in spec["paths"].values() for op in item.values()
                                    if isinstance(op, dict)),
              f"page {page_url} spec refs {spec_refs} -> {spec_url}; tokenUrl {token_url}")
    except (urllib.error.URLError, ValueError, IndexError) as e:
        check(f"{svc}: Swagger UI's spec loads through the gateway, with the OAuth2 password flow", False, e)
check("every service's tokenUrl is the gateway's /token", token_urls == {GW + "/token"}, token_urls)
form = urllib.parse.urlencode({"grant_type": "password", "username": "admin", "password": ADMIN_PASSWORD}).encode()
req = urllib.request.Request(GW + "/token", data=form, method="POST", headers={
    "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json, text/plain, */*",
    "Authorization": "Basic " + base64.b64encode(b"swagger-ui:").decode()})
try:
    with urllib.request.urlopen(req, timeout=30) as r:
        swagger_token = json.loads(r.read()).get("access_token")
except urllib.error.HTTPError as e:
    swagger_token = None
    print(e.code, e.read()[:300])
status, _, me = call("GET", "/users/me", token=swagger_token) if swagger_token else (None, None, None)
check("Swagger UI's Authorize (password flow at /token) signs in, and its token works", status == 200, f"{status} {me}")

# --- clinic: import main.xlsx, search a voucher, statistics
truth = json.load(open(f"{DATA}/main.xlsx.json"))
with open(f"{DATA}/main.xlsx", "rb") as f:
    status, _, job = call("POST", "/credit-balances/import", token=token, form={
        "file": ("main.xlsx", f.read(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "mode": "replace"})
check("spreadsheet import accepted (202)", status == 202 and job.get("import_id"), f"{status} {job}")
final = wait_for(lambda: (lambda r: r[2] if r[2] and r[2].get("status") in ("completed", "failed") else None)(
    call("GET", f"/imports/{job.get('import_id')}", token=token)), timeout=120)
check("import completed with 1,353 rows", final and final["status"] == "completed"
      and final["rows_accepted"] == truth["row_count"], final)
status, _, found = call("POST", "/credit-balances/by-voucher", {"voucher_number": "PBAD05349"}, token=token)
check("voucher PBAD05349 finds client AD03C4403", status == 200 and any(
    r["client_code"] == "AD03C4403" for r in found), f"{status} {found}")
status, _, stats = call("GET", "/credit-balances/stats/summary", token=token)
check("stats total balance is 21942400.57", status == 200 and
      Decimal(str(stats["total_balance"])) == Decimal(truth["balance_amount_total"]), stats)

# --- pharmacy: create, upload DEB013, filter, export
code = "E2E" + uuid.uuid4().hex[:6].upper()
status, _, pharmacy = call("POST", "/admin/pharmacies", {"name": "Winterton Pharmacy " + code, "code": code}, token=token)
check("pharmacy created", status in (200, 201) and pharmacy.get("id"), f"{status} {pharmacy}")
pid = pharmacy["id"]
report_truth = json.load(open(f"{DATA}/winterton_small.pdf.json"))
with open(f"{DATA}/winterton_small.pdf", "rb") as f:
    pdf = f.read()
# import-service and debtor-service each learn the new pharmacy from auth.pharmacies, independently: until both
# have (404 from the first, "unknown to debtor-service" from the second), the upload is refused and tried again.
# A known race a user can meet too, within a second of creating a pharmacy (see the issue notes).
pharmacy_not_yet_known = lambda r: r[0] == 404 or "unknown to debtor-service" in str(r[2])
upload = wait_for(lambda: (lambda r: None if pharmacy_not_yet_known(r) else r)(
    call("POST", f"/pharmacies/{pid}/debtors/upload", token=token,
         form={"file": ("winterton_small.pdf", pdf, "application/pdf")})), timeout=30)
status, _, uploaded = upload
accounts = [a for a in report_truth["accounts"] if not a["medical_aid_control"]]
check("DEB013 report uploaded and applied", status in (200, 201) and
      uploaded.get("total_accounts") == len(accounts), f"{status} {uploaded}")

# --- a 40 MB upload: refused by the gateway before it reaches a service, with the JSON error shape
big = os.path.join(DATA, "forty-megabytes.pdf")
with open(big, "wb") as f:
    f.write(b"%PDF-1.4\n" + b"0" * (40 * 1024 * 1024))
try:
    out = subprocess.run(["curl", "-s", "-o", "-", "-w", "\n%{http_code} %{content_type}", "-H", "Authorization: Bearer " + token,
                          "-F", f"file=@{big};type=application/pdf", f"{GW}/pharmacies/{pid}/debtors/upload"],
                         capture_output=True, text=True, timeout=120).stdout
    body, _, head = out.rpartition("\n")
    err = json.loads(body)
    check("a 40 MB upload gets the gateway's JSON 413", head.startswith("413 application/json") and
          err.get("code") == "payload_too_large" and err.get("detail"), out[-300:])
except (OSError, ValueError, subprocess.TimeoutExpired) as e:
    check("a 40 MB upload gets the gateway's JSON 413", False, e)
finally:
    os.remove(big)

arrears = lambda a: sum(Decimal(a["amounts"][k]) for k in ("d60", "d90", "d120", "d150", "d180"))
expected = [a for a in accounts if arrears(a) > 100]
status, _, page = call("GET", f"/pharmacies/{pid}/debtors?min_balance=100&per_page=1000", token=token)
check("min_balance filter matches the ground truth", status == 200 and page["total"] == len(expected),
      f"{status} total={page.get('total') if isinstance(page, dict) else page} expected={len(expected)}")
status, headers, csv = call("POST", f"/pharmacies/{pid}/debtors/download-csv", {}, token=token, raw=True)
check("CSV export has the contract header", status == 200 and csv.decode().splitlines()[0] ==
      "Account No,Name,Current,30 Days,60 Days,90 Days,120 Days,150 Days,180 Days,Balance,Email,Phone", status)
status, headers, pdf_out = call("POST", f"/pharmacies/{pid}/debtors/download-pdf", {}, token=token, raw=True)
check("PDF export is a PDF", status == 200 and pdf_out[:4] == b"%PDF", status)

# --- reminders by e-mail, read back from the mail server
status, _, _ = call("PUT", f"/pharmacies/{pid}/notification-settings", {
    "email_provider": "smtp", "from_email": "accounts@winterton.example", "from_name": "Winterton Pharmacy",
    "reply_to": "accounts@winterton.example", "sendgrid_api_key": None, "sms_provider": None,
    "display_name": "Winterton Pharmacy", "contact_phone": "036 000 0000", "bank_details": "Demo Bank 123"},
    token=token)
check("notification settings saved", status == 200, status)
status, _, page = call("GET", f"/pharmacies/{pid}/debtors?has_email=true&min_balance=0&per_page=5", token=token)
targets = page["debtors"][:2] if status == 200 else []
check("two debtors with e-mail and arrears found", len(targets) == 2, page)
send = wait_for(lambda: (lambda r: r if r[0] != 400 else None)(call("POST", f"/pharmacies/{pid}/debtors/send-email",
    {"debtor_ids": [d["id"] for d in targets]}, token=token)), timeout=30)
status, _, sent = send
check("reminders queued", status == 200 and len(sent.get("sent", [])) == 2, f"{status} {sent}")


def inbox_count(address):
    try:
        imap = imaplib.IMAP4("127.0.0.1", IMAP_PORT)
        imap.login(address, address)
        imap.select("INBOX")
        _, data = imap.search(None, "ALL")
        imap.logout()
        return len(data[0].split())
    except Exception:
        return 0


for d in targets:
    check(f"reminder e-mail delivered to debtor {d['acc_no']}", wait_for(lambda: inbox_count(d["email"]) > 0, 60))
    history = wait_for(lambda: (lambda r: r[2] if r[0] == 200 and r[2] and r[2][0]["status"] in
                                ("sent", "delivered") else None)(
        call("GET", f"/pharmacies/{pid}/debtors/{d['id']}/communications", token=token)), 60)
    check(f"history of debtor {d['acc_no']} shows the e-mail as sent", history, history)

# --- outside consumer: the events the journey put on public topics, read from the broker as a system outside the
#     suite reads them (deploy/examples/java-consumer), each valid against the JSON Schema its ce_dataschema names,
#     fetched through the gateway. At least one event of each type the journey produced; none rejected.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
consumer_jar = os.path.join(ROOT, "deploy/examples/java-consumer/target/example-event-consumer.jar")
if not os.path.exists(consumer_jar):
    subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-pl", "deploy/examples/java-consumer", "package",
                    "-DskipTests"], cwd=ROOT, check=False)
public_topics = ["auth.pharmacies", "auth.users", "credit.balances", "credit.voucher-searches", "credit.import-results",
                 "debtors.report-status", "notifications.channels", "notifications.opt-outs"]
journey_types = ["auth.pharmacy-upserted.v1", "credit.import-result.v1", "debtors.report-processed.v1",
                 "notifications.channel-configured.v1"]
try:
    consumed = subprocess.run(
        ["java", "-jar", consumer_jar, "--bootstrap", "127.0.0.1:" + os.environ.get("KAFKA_PORT", str(9092 + int(os.environ.get("STACK_PORT_OFFSET", "0")))),
         "--topics", ",".join(public_topics), "--until-idle", "10s", "--expect-types", ",".join(journey_types)],
        capture_output=True, text=True, timeout=180)
    summary = [line for line in consumed.stdout.splitlines() if line.startswith(("REJECTED", "event-consumer:"))]
    check("outside consumer accepts every public event of the journey against its dataschema",
          consumed.returncode == 0, "\n".join(summary[-20:]) + consumed.stderr[-2000:])
except (OSError, subprocess.TimeoutExpired) as e:
    check("outside consumer accepts every public event of the journey against its dataschema", False, e)

passed, failed = results.count(True), results.count(False)
print(f"e2e: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
