#!/usr/bin/env python3
"""Fault-injection scenarios against the running local suite (./stack up, one or two replicas): issue 18.9.

Each scenario starts real work through the gateway (a debtor report replacement, a credit import, reminders), injects
a fault at the moment it matters (PostgreSQL or Kafka stopped for a while, a service killed with SIGKILL), lets the
suite recover, and checks the invariants in the services' own databases:
  - nothing lost: the operation reaches its expected data (or fails with the previous data intact);
  - nothing applied twice: no duplicate rows, no reminder e-mailed twice;
  - no mix: the table holds one data set (one report's accounts, one workbook's rows), never parts of two;
  - final within its bound: every operation reaches a final state (completed/failed, sent/failed) within
    CHAOS_FINAL_BOUND seconds after the fault ended; the time it took is printed as a figure.
Usage: chaos.py SCENARIO...   (run.sh passes the scenarios of "quick", "all" or the names given)
Environment (run.sh sets it from the stack's): GATEWAY, ADMIN_PASSWORD, PG_PORT, GREENMAIL_API, DATA, STACK,
STACK_REPLICAS, CHAOS_OUTAGE (30 s), CHAOS_FINAL_BOUND (300 s).
Prints PASS/FAIL lines, "FIGURE ..." lines, and a closing "chaos: N passed, M failed"; exits non-zero on a failure.
"""
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from suitehttp import Api, Checks, wait_for  # noqa: E402  (shared with deploy/e2e)

GW = os.environ["GATEWAY"]
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]
PG_PORT = os.environ["PG_PORT"]
GREENMAIL_API = os.environ["GREENMAIL_API"]
DATA = os.environ["DATA"]
STACK = os.environ["STACK"]
REPLICAS = int(os.environ.get("STACK_REPLICAS", "1"))
OUTAGE = float(os.environ.get("CHAOS_OUTAGE", "30"))
FINAL_BOUND = float(os.environ.get("CHAOS_FINAL_BOUND", "300"))

api = Api(GW)
checks = Checks()
check = checks.check
_token = {"value": None, "at": 0}


def log(message):
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", flush=True)


def figure(name, value):
    print(f"FIGURE {name}: {value}", flush=True)


def admin():
    """An admin token, renewed every 20 minutes (tokens last 30); logins retried while a fault lasts."""
    if not _token["value"] or time.time() - _token["at"] > 1200:
        _token["value"] = wait_for(lambda: _try(lambda: api.login("admin", ADMIN_PASSWORD)), timeout=FINAL_BOUND,
                                   interval=2)
        _token["at"] = time.time()
    return _token["value"]


def _try(fn):
    try:
        return fn()
    except Exception:  # noqa: BLE001  (a fault is running: anything may fail, the caller waits)
        return None


def call(method, path, body=None, form=None, timeout=300):
    try:
        return api.call(method, path, body=body, token=admin(), form=form, timeout=timeout)
    except (urllib.error.URLError, OSError, ValueError) as e:  # connection reset, timeout, a gateway's HTML page
        return None, {}, str(e)


# --- the stack's pieces -------------------------------------------------------------------------------------------

def stack(*args):
    out = subprocess.run([STACK, *args], capture_output=True, text=True)
    if out.returncode != 0:
        log(f"./stack {' '.join(args)} failed: {out.stdout[-500:]} {out.stderr[-500:]}")
    return out.returncode == 0


def instances(service):
    return [service] + [f"{service}-{n}" for n in range(2, REPLICAS + 1)]


def sql(db, query):
    """Rows of a query in a service's database, as lists of strings (psql as the postgres superuser)."""
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", db, "-qAtX",
                          "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"psql {db}: {out.stderr.strip()}")
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def sql_wait(db, query):
    """sql() that waits for the database to answer again (after an outage): its rows, [] when there are none (the
    [[]] inside only makes an empty answer count as an answer while waiting)."""
    rows = wait_for(lambda: _try(lambda: sql(db, query) or [[]]), timeout=FINAL_BOUND, interval=1)
    return None if rows is None else [row for row in rows if row]


class Fault:
    """Runs a fault in the background once trigger() is true: stop (or kill) a piece, wait, start it again.
    over(): true once the operation is final; the fault then comes anyway (recovery is still checked) and is reported
    as having missed its moment (on a loaded machine the moment can be shorter than one poll).
    ended: when the piece was started again (the time to final state is measured from there)."""

    def __init__(self, label, pieces, trigger, duration=OUTAGE, kill=False, over=lambda: False, trigger_timeout=900):
        self.label, self.pieces, self.trigger, self.duration, self.kill = label, pieces, trigger, duration, kill
        self.over, self.trigger_timeout = over, trigger_timeout
        self.started = self.ended = None
        self.missed = False
        self.operation_ended = threading.Event()  # set by the scenario when its operation ended before the fault
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        deadline = time.time() + self.trigger_timeout
        while time.time() < deadline and not _try(self.trigger):
            if self.operation_ended.is_set() or _try(self.over):
                self.missed = True
                break
            time.sleep(0.2)
        self.started = time.time()
        log(f"fault: {self.label}" + (" (after the operation ended: its moment was missed)" if self.missed else ""))
        for piece in self.pieces:
            stack("stop", piece, *(["--kill"] if self.kill else []))
        time.sleep(self.duration)
        for piece in self.pieces:
            stack("start", piece)
        self.ended = time.time()
        log(f"fault over after {self.ended - self.started:.0f} s: {self.label}")

    def wait(self, label=None):
        self.thread.join()
        if label:
            figure(f"{label}: fault timing", "MISSED its moment (came after the operation ended)" if self.missed
                   else "during the operation")
        return self


# --- operations through the gateway -------------------------------------------------------------------------------

def new_pharmacy(prefix="CH"):
    code = prefix + uuid.uuid4().hex[:6].upper()
    status, _, body = call("POST", "/admin/pharmacies", {"name": "Chaos Pharmacy " + code, "code": code})
    if status not in (200, 201):
        raise RuntimeError(f"pharmacy not created: {status} {body}")
    return body["id"]


def fixture(name):
    with open(os.path.join(DATA, name), "rb") as f:
        content = f.read()
    with open(os.path.join(DATA, name + ".json")) as f:
        truth = json.load(f)
    return content, truth


def upload(pid, name, content, bound=FINAL_BOUND):
    """Uploads a report; tries again while the pharmacy is not yet known to import- or debtor-service, while the
    gateway or the service is away (502/503/504, connection errors) and on 503 (a dependency down: Retry-After).
    Returns (status, body, attempts)."""
    attempts = []

    def attempt():
        status, headers, body = call("POST", f"/pharmacies/{pid}/debtors/upload",
                                     form={"file": (name, content, "application/pdf")})
        attempts.append(status)
        retry = (status is None or status in (404, 500, 502, 503, 504) or "unknown to debtor-service" in str(body))
        if retry and status == 503:
            time.sleep(min(float((headers or {}).get("Retry-After", "2") or 2), 10))
        return None if retry else (status, body)

    result = wait_for(attempt, timeout=bound, interval=1)
    return (result or (attempts[-1] if attempts else None, None)) + (attempts,)


def upload_final(pid, answer, bound):
    """The upload's final row (completed/failed) within bound seconds, or None."""
    status, body, _ = answer
    if status in (200, 201):
        return {"status": "completed", "report_id": body.get("report_id"), "total_accounts": body.get("total_accounts")}
    if status == 422:
        return {"status": "failed", "error": body.get("detail") if isinstance(body, dict) else body}
    if status == 409 and isinstance(body, dict) and body.get("code") == "report_superseded":
        # final: kept in the history, not applied, because a newer report of the pharmacy is current (issue 18.6)
        return {"status": "superseded", "error": body.get("detail")}
    if status != 202 or not isinstance(body, dict):
        return None
    upload_id = body["upload_id"]
    return wait_for(lambda: (lambda r: r[2] if r[0] == 200 and r[2].get("status") in ("completed", "failed") else None)(
        call("GET", f"/pharmacies/{pid}/debtors/uploads/{upload_id}")), timeout=bound, interval=1)


def debtor_set(pid):
    """The pharmacy's current debtors: (count, distinct accounts, balance sum, distinct reports, current report)."""
    row = sql_wait("debtor", f"select count(*), count(distinct acc_no), coalesce(sum(balance), 0), "
                             f"count(distinct report_id), (select current_report_id from pharmacy where id = {pid}) "
                             f"from debtor where pharmacy_id = {pid}")[0]
    return int(row[0]), int(row[1]), Decimal(row[2]), int(row[3]), row[4]


def report_truth(truth):
    """Every account of the report, medical-aid control accounts included (debtor-service keeps them, flagged)."""
    accounts = truth["accounts"]
    return len(accounts), sum(Decimal(a["amounts"]["balance"]) for a in accounts)


def check_debtors_are(label, pid, truth):
    count, distinct, total, reports, current = debtor_set(pid)
    want_count, want_total = report_truth(truth)
    check(f"{label}: the pharmacy's debtors are exactly the report's ({want_count} accounts, R {want_total}), "
          f"no duplicates, one report", count == want_count and distinct == count and total == want_total
          and reports == 1, f"count {count} distinct {distinct} total {total} reports {reports} current {current}")


def stuck_reports(pid):
    return sql_wait("debtor", f"select id, status from debtor_report where pharmacy_id = {pid} "
                              f"and status not in ('completed', 'failed')")


def credit_import(name, content, mode="replace"):
    status, _, body = call("POST", "/credit-balances/import",
                           form={"file": (name, content, "application/vnd.openxmlformats-officedocument"
                                                         ".spreadsheetml.sheet"), "mode": mode})
    if status != 202:
        raise RuntimeError(f"import not accepted: {status} {body}")
    return body["import_id"]


def import_status(import_id):
    """The import job without its row errors (a 100,000-row workbook has hundreds: too long for a FAIL line)."""
    status, _, body = call("GET", f"/imports/{import_id}")
    return {k: v for k, v in body.items() if k != "errors"} if status == 200 and isinstance(body, dict) else None


def import_final(import_id, bound):
    return wait_for(lambda: (lambda b: b if b and b.get("status") in ("completed", "failed") else None)(
        import_status(import_id)), timeout=bound, interval=1)


def credit_table():
    row = sql_wait("credit", "select count(*), coalesce(sum(balance_amount), 0), "
                             "count(distinct (client_code, treatment_name, center)) from credit_balance")[0]
    return int(row[0]), Decimal(row[1]), int(row[2])


def credit_truth(truth):
    return int(truth["row_count"]), Decimal(truth["balance_amount_total"])


# --- scenarios ----------------------------------------------------------------------------------------------------

def report_under_fault(label, fixture_name, fault_for):
    """A replacement of a pharmacy that has a previous report, under a fault; the new report or the old data."""
    pid = new_pharmacy()
    small, small_truth = fixture("deb013_newer_300.pdf")
    first = upload_final(pid, upload(pid, "previous.pdf", small), FINAL_BOUND)
    if not check(f"{label}: the previous report is applied", first and first["status"] == "completed", first):
        return
    content, truth = fixture(fixture_name)
    fault = fault_for(pid)
    t0 = time.time()
    answer = upload(pid, fixture_name, content, bound=FINAL_BOUND + OUTAGE + 120)
    if answer[0] != 202:  # answered final (or refused) before debtor-service's part: nothing left to wait for
        fault.operation_ended.set()
    fault.wait(label)
    final = upload_final(pid, answer, FINAL_BOUND)
    done = time.time()
    figure(f"{label}: upload answers", answer[2])
    check(f"{label}: the upload never answered 500 (503 with Retry-After while a dependency is down)",
          500 not in answer[2], answer[2])
    check(f"{label}: the upload reaches a final state within {FINAL_BOUND:.0f} s of the fault's end",
          final is not None, f"answers {answer[2]}, stuck reports {stuck_reports(pid)}")
    if final:
        figure(f"{label}: time to final state after the fault", f"{max(0, done - fault.ended):.0f} s "
               f"({final['status']}; {done - t0:.0f} s from the upload)")
    if final and final["status"] == "completed":
        check_debtors_are(label, pid, truth)
    else:
        check_debtors_are(label + " (failed: previous data intact)", pid, small_truth)
    check(f"{label}: no report of the pharmacy left unfinished", not stuck_reports(pid), stuck_reports(pid))


def scenario_pg_report():
    report_under_fault("postgres stopped during a 20,000-account replacement", "deb013_20000.pdf",
                       lambda pid: Fault("PostgreSQL stopped", ["postgres"], chunks_arriving(pid),
                                         over=report_over(pid)))


def scenario_kafka_report():
    report_under_fault("kafka stopped during a 20,000-account replacement", "deb013_20000.pdf",
                       lambda pid: Fault("Kafka stopped", ["kafka"], chunks_arriving(pid), over=report_over(pid)))


def scenario_kill_debtor_mid_swap():
    report_under_fault("debtor-service killed mid-swap", "deb013_20000.pdf",
                       lambda pid: Fault("kill -9 debtor-service", instances("debtor-service"), last_chunks_in(pid),
                                         duration=5, kill=True, over=report_over(pid)))


def scenario_kill_import_mid_parse():
    report_under_fault("import-service killed mid-upload", "deb013_20000.pdf",
                       lambda pid: Fault("kill -9 import-service", instances("import-service"),
                                         lambda: time.sleep(3) or True, duration=5, kill=True))


def chunks_arriving(pid):
    """True once debtor-service holds a report of the pharmacy still processing (its chunks are arriving)."""
    return lambda: bool(sql("debtor", f"select 1 from debtor_report where pharmacy_id = {pid} "
                                      f"and status = 'processing'"))


def last_chunks_in(pid):
    """True once three quarters of the chunks of the pharmacy's processing report arrived: the last ones arrive and
    the swap runs next (approximate: the swap itself lasts about a second, shorter than a poll on a loaded machine)."""
    return lambda: bool(sql("debtor", f"select 1 from debtor_report r where r.pharmacy_id = {pid} "
                                      f"and r.status = 'processing' and (select count(*) from debtor_report_chunk c "
                                      f"where c.report_id = r.id) * 4 >= r.chunk_count * 3"))


def report_over(pid):
    """True once the pharmacy's latest report (the one under test: a report was applied before) is final."""
    return lambda: bool(sql("debtor", f"select 1 from debtor_report where pharmacy_id = {pid} "
                                      f"and status in ('completed', 'failed') having count(*) >= 2"))


def credit_under_fault(label, fault_for, fixture_name="credit_100000.xlsx"):
    content, truth = fixture(fixture_name)
    before = credit_table()
    import_id = credit_import(fixture_name, content)
    fault = fault_for(import_id)
    t0 = time.time()
    fault.wait(label)
    final = import_final(import_id, FINAL_BOUND)
    done = time.time()
    check(f"{label}: the import reaches a final state within {FINAL_BOUND:.0f} s of the fault's end", final,
          import_status(import_id))
    if final:
        figure(f"{label}: time to final state after the fault",
               f"{max(0, done - fault.ended):.0f} s ({final['status']}; {done - t0:.0f} s from the import)")
    count, total, distinct = credit_table()
    want = credit_truth(truth) if final and final["status"] == "completed" else before[:2]
    check(f"{label}: the table holds exactly {'the workbook' if want != before[:2] else 'the previous data'} "
          f"({want[0]} rows, {want[1]}), no duplicates", (count, total) == want and distinct == count,
          f"count {count} total {total} distinct {distinct}; want {want}; import {final}")


def import_reached(import_id, statuses):
    return lambda: (import_status(import_id) or {}).get("status") in statuses


def scenario_pg_credit():
    credit_under_fault("postgres stopped during a 100,000-row credit import",
                       lambda i: Fault("PostgreSQL stopped", ["postgres"], import_reached(i, ("applying",)),
                                       over=import_reached(i, ("completed", "failed"))))


def scenario_kafka_credit():
    credit_under_fault("kafka stopped during a 100,000-row credit import",
                       lambda i: Fault("Kafka stopped", ["kafka"], import_reached(i, ("parsing",)),
                                       over=import_reached(i, ("completed", "failed"))))


def scenario_kill_credit_mid_chunk():
    credit_under_fault("credit-balance-service killed mid-import", lambda i: Fault(
        "kill -9 credit-balance-service", instances("credit-balance-service"), import_reached(i, ("applying",)),
        duration=5, kill=True, over=import_reached(i, ("completed", "failed"))))


def greenmail_count(address):
    try:
        with urllib.request.urlopen(f"{GREENMAIL_API}/api/user/{urllib.request.quote(address)}/messages/INBOX",
                                    timeout=30) as r:
            return len(json.loads(r.read()))
    except urllib.error.HTTPError as e:
        return 0 if e.code in (400, 404) else None
    except (urllib.error.URLError, OSError, ValueError):
        return None


def reminders_pharmacy():
    """A pharmacy with the 20,000-account report and SMTP settings; its first 1,000 debtors that owe something in
    d60..d180 (what a reminder asks for; the others are refused with "Nothing owed") with an e-mail address no other
    of them shares (one e-mail per address and reminder, so a duplicate shows). Every scenario's pharmacy holds the
    same report, so the same addresses: the caller counts the mails each address already had."""
    pid = new_pharmacy("RM")
    content, _ = fixture("deb013_20000.pdf")
    final = upload_final(pid, upload(pid, "deb013_20000.pdf", content), FINAL_BOUND)
    if not final or final["status"] != "completed":
        raise RuntimeError(f"reminder pharmacy's report not applied: {final}")
    status, _, _ = call("PUT", f"/pharmacies/{pid}/notification-settings", {
        "email_provider": "smtp", "from_email": "accounts@chaos.example", "from_name": "Chaos Pharmacy",
        "reply_to": "accounts@chaos.example", "sms_provider": None, "display_name": "Chaos Pharmacy",
        "contact_phone": "036 000 0000", "bank_details": "Demo Bank 123"})
    if status != 200:
        raise RuntimeError(f"settings not saved: {status}")
    rows = sql_wait("debtor", f"select id, lower(email) from debtor where pharmacy_id = {pid} and email is not null "
                              f"and lower(email) in (select lower(email) from debtor where pharmacy_id = {pid} "
                              f"group by lower(email) having count(*) = 1) "
                              f"and d60 + d90 + d120 + d150 + d180 > 0 order by id limit 1000")
    return pid, [(int(r[0]), r[1]) for r in rows]


def reminders_under_fault(label, fault_for):
    pid, targets = reminders_pharmacy()
    if not check(f"{label}: 1,000 debtors with their own e-mail address", len(targets) == 1000, len(targets)):
        return
    ids = [t[0] for t in targets]
    with ThreadPoolExecutor(16) as pool:  # what earlier scenarios (same report, same addresses) left in the inboxes
        before = list(pool.map(lambda t: greenmail_count(t[1]), targets))
    fault = fault_for(pid, targets)
    t0 = time.time()
    answer = wait_for(lambda: (lambda r: r if r[0] == 200 else None)(
        call("POST", f"/pharmacies/{pid}/debtors/send-email", {"debtor_ids": ids})), timeout=FINAL_BOUND, interval=2)
    queued = len(answer[2].get("sent", [])) if answer else 0
    if not queued:
        fault.operation_ended.set()
    fault.wait(label)
    final_states = ("sent", "delivered", "failed")

    def all_final():
        rows = sql("notification", f"select status, count(*) from delivery where pharmacy_id = {pid} group by status")
        counts = {r[0]: int(r[1]) for r in rows}
        return counts if sum(counts.values()) >= queued and all(s in final_states for s in counts) else None

    counts = wait_for(lambda: _try(all_final), timeout=FINAL_BOUND, interval=2)
    done = time.time()
    check(f"{label}: 1,000 reminders queued", queued == 1000, answer and answer[2].get("errors", [])[:3])
    check(f"{label}: every reminder final (sent or failed) within {FINAL_BOUND:.0f} s of the fault's end", counts,
          _try(lambda: sql("notification", f"select status, count(*) from delivery where pharmacy_id = {pid} "
                                            f"group by status")))
    if counts:
        figure(f"{label}: time to final state after the fault",
               f"{max(0, done - fault.ended):.0f} s ({counts}; {done - t0:.0f} s from the request)")
    deliveries = int(sql_wait("notification", f"select count(*) from delivery where pharmacy_id = {pid}")[0][0])
    check(f"{label}: one delivery per reminder (nothing lost, nothing doubled)", deliveries == queued,
          f"{deliveries} deliveries for {queued} reminders")
    with ThreadPoolExecutor(16) as pool:
        mails = list(pool.map(lambda t: greenmail_count(t[1]), targets))
    sent = int(sql_wait("notification", f"select count(*) from delivery where pharmacy_id = {pid} "
                                         f"and status in ('sent', 'delivered')")[0][0])
    mails = [None if n is None or b is None else n - b for n, b in zip(mails, before)]
    doubled = [t for t, n in zip(targets, mails) if n is not None and n > 1]
    check(f"{label}: no debtor e-mailed twice", not doubled, f"{len(doubled)} doubled, e.g. debtor {doubled[:3]}")
    received = sum(1 for n in mails if n)
    check(f"{label}: every reminder recorded as sent arrived ({sent} sent, {received} received)", received >= sent,
          f"{sent} sent, {received} received")
    def history_final():  # debtor-service learns each outcome from notification-service's status events
        rows = sql("debtor", f"select status, count(*) from communication where pharmacy_id = {pid} group by status")
        counts = {r[0]: int(r[1]) for r in rows}
        return counts if sum(counts.values()) >= queued and "queued" not in counts else None

    history = wait_for(lambda: _try(history_final), timeout=FINAL_BOUND, interval=2)
    check(f"{label}: debtor-service's history final (no reminder left queued) within {FINAL_BOUND:.0f} s", history,
          _try(lambda: sql("debtor", f"select status, count(*) from communication where pharmacy_id = {pid} "
                                     f"group by status")))
    figure(f"{label}: debtor-service's history final after", f"{time.time() - done:.0f} s: {history}")


def first_mail_arrived(targets):
    return lambda: any(greenmail_count(t[1]) for t in targets[:50])


def deliveries_exist(pid):
    return lambda: bool(sql("notification", f"select 1 from delivery where pharmacy_id = {pid} limit 1"))


def scenario_pg_reminders():
    reminders_under_fault("postgres stopped during 1,000 reminders",
                          lambda pid, t: Fault("PostgreSQL stopped", ["postgres"], deliveries_exist(pid)))


def scenario_kafka_reminders():
    reminders_under_fault("kafka stopped during 1,000 reminders",
                          lambda pid, t: Fault("Kafka stopped", ["kafka"], deliveries_exist(pid)))


def scenario_kill_notification_mid_send():
    reminders_under_fault("notification-service killed between send and status write", lambda pid, t: Fault(
        "kill -9 notification-service", instances("notification-service"), first_mail_arrived(t), duration=5,
        kill=True))


def scenario_concurrent_uploads():
    """Two uploads for one pharmacy at once: the older report (8,000 accounts, 2026-10-31) finishes after the newer
    (300 accounts, 2026-11-30); the newer must stay current."""
    label = "two concurrent uploads, the older finishing last"
    pid = new_pharmacy()
    older, _ = fixture("deb013_older_8000.pdf")
    newer, newer_truth = fixture("deb013_newer_300.pdf")
    wait_for(lambda: _try(lambda: upload_warm(pid)), timeout=60)
    with ThreadPoolExecutor(2) as pool:
        a = pool.submit(upload, pid, "older.pdf", older)
        time.sleep(0.5)
        b = pool.submit(upload, pid, "newer.pdf", newer)
        finals = [upload_final(pid, a.result(), FINAL_BOUND), upload_final(pid, b.result(), FINAL_BOUND)]
    check(f"{label}: both uploads final", all(finals), finals)
    rows = sql_wait("debtor", f"select report_date, status, completed_at from debtor_report where pharmacy_id = {pid} "
                              f"order by completed_at nulls last")
    figure(f"{label}: reports (date, status, completed)", rows)
    check_debtors_are(label + ": the newer report stays current", pid, newer_truth)


def upload_warm(pid):
    """True once import- and debtor-service both know the pharmacy (a refused empty upload says so with 422)."""
    status, _, body = call("POST", f"/pharmacies/{pid}/debtors/upload", form={"file": ("x.pdf", b"x", "application/pdf")})
    return status not in (404, None) and "unknown to debtor-service" not in str(body)


def scenario_concurrent_credit_replace():
    """Two replace-imports of different workbooks at once: the table ends as one of them, never a mix."""
    label = "two concurrent credit replace-imports"
    a, a_truth = fixture("credit_a_20000.xlsx")
    b, b_truth = fixture("credit_b_20000.xlsx")
    ids = [credit_import("a.xlsx", a), credit_import("b.xlsx", b)]
    finals = [import_final(i, FINAL_BOUND * 2) for i in ids]
    check(f"{label}: both imports final", all(finals), finals)
    figure(f"{label}: outcomes", [(f or {}).get("status") for f in finals])
    count, total, distinct = credit_table()
    # imports are applied one after the other (the second waits for the first): either workbook whole is correct
    which = [n for n, t in (("a", a_truth), ("b", b_truth)) if (count, total) == credit_truth(t)]
    figure(f"{label}: the table holds workbook", which)
    check(f"{label}: the table holds exactly one workbook, never a mix", which and distinct == count,
          f"count {count} total {total} distinct {distinct}; a {credit_truth(a_truth)} b {credit_truth(b_truth)}")


def scenario_import_under_search_load():
    """A credit import while by-voucher searches run at full speed for CHAOS_SEARCH_SECONDS (120 s)."""
    label = "credit import under by-voucher searches"
    seconds = float(os.environ.get("CHAOS_SEARCH_SECONDS", "120"))
    content, _ = fixture("credit_a_20000.xlsx")
    loaded_content, truth = fixture("credit_b_20000.xlsx")
    t0 = time.time()
    idle = import_final(credit_import("idle.xlsx", content), FINAL_BOUND)
    idle_s = time.time() - t0
    vouchers = [r[0] for r in sql_wait("credit", "select voucher_number from credit_balance "
                                                 "where voucher_number is not null limit 200")]
    stop = time.time() + seconds
    counts = {"ok": 0, "other": 0}
    lock = threading.Lock()
    token = admin()

    def searcher(n):
        local = Api(GW)
        i = n
        while time.time() < stop:
            i += 1
            try:
                status, _, _ = local.call("POST", "/credit-balances/by-voucher",
                                          {"voucher_number": vouchers[i % len(vouchers)]}, token=token, timeout=30)
            except Exception:  # noqa: BLE001
                status = None
            with lock:  # 404 answers too: the loaded import replaces the table, and with it these vouchers
                counts["ok" if status in (200, 404) else "other"] += 1

    threads = [threading.Thread(target=searcher, args=(n,), daemon=True) for n in range(int(
        os.environ.get("CHAOS_SEARCHERS", "16")))]
    for th in threads:
        th.start()
    time.sleep(min(10, seconds / 4))
    t1 = time.time()
    loaded = import_final(credit_import("loaded.xlsx", loaded_content), FINAL_BOUND + seconds)
    loaded_s = time.time() - t1
    for th in threads:
        th.join()
    rate = (counts["ok"] + counts["other"]) / seconds
    figure(f"{label}: import idle / under load", f"{idle_s:.1f} s / {loaded_s:.1f} s "
           f"(searches {rate:.0f}/s, {counts['other']} neither 200 nor 404)")
    check(f"{label}: idle import completed", idle and idle["status"] == "completed", idle)
    check(f"{label}: the import under load completed within its bound", loaded and loaded["status"] == "completed",
          loaded)
    count, total, distinct = credit_table()
    check(f"{label}: the table holds exactly the workbook", (count, total) == credit_truth(truth) and distinct == count,
          f"{count} {total}")
    check(f"{label}: searches answered", counts["ok"] > 0 and counts["other"] <= counts["ok"] * 0.01, counts)


def scenario_replica_caches():
    """Two replicas: settings changed through instance 1 (its own port) show through instance 2 (its own port) at
    once, although instance 2 had them cached (10 s): the ChannelConfigured event dropped its entry; likewise the
    credit stats totals (5 s) after a balance created through instance 1."""
    label = "caches across replicas"
    offset = int(os.environ.get("STACK_PORT_OFFSET", "0"))
    notify = [Api(f"http://127.0.0.1:{8085 + offset + n * 100}") for n in (0, 1)]
    credit = [Api(f"http://127.0.0.1:{8082 + offset + n * 100}") for n in (0, 1)]
    pid = new_pharmacy("RC")
    settings = {"email_provider": "smtp", "from_email": "accounts@chaos.example", "from_name": "Before",
                "reply_to": "accounts@chaos.example", "sms_provider": None, "display_name": "Chaos Pharmacy",
                "contact_phone": "036 000 0000", "bank_details": "Demo Bank 123"}
    status, _, _ = notify[0].call("PUT", f"/pharmacies/{pid}/notification-settings", settings, token=admin())
    check(f"{label}: settings saved through instance 1", status == 200, status)
    seen = wait_for(lambda: (lambda r: r[0] == 200 and r[2].get("from_name") == "Before")(
        notify[1].call("GET", f"/pharmacies/{pid}/notification-settings", token=admin())), timeout=30)
    check(f"{label}: instance 2 reads (and caches) them", seen)
    settings["from_name"] = "After"
    t0 = time.time()
    notify[0].call("PUT", f"/pharmacies/{pid}/notification-settings", settings, token=admin())
    after = wait_for(lambda: notify[1].call("GET", f"/pharmacies/{pid}/notification-settings",
                                            token=admin())[2].get("from_name") == "After", timeout=9, interval=0.1)
    figure(f"{label}: a settings change through instance 1 visible through instance 2 after",
           f"{time.time() - t0:.1f} s (cache expiry 10 s)")
    check(f"{label}: instance 2 shows the change before its cache's 10 s expiry", after)

    def total(api):
        status, _, body = api.call("GET", "/credit-balances/stats/summary", token=admin())
        return Decimal(str(body["total_balance"])) if status == 200 else None

    before = total(credit[1])
    code = "CH" + uuid.uuid4().hex[:8].upper()
    status, _, created = credit[0].call("POST", "/credit-balances/", {
        "client_code": code, "client_name": "Chaos Client", "phone_no": None, "email_id": None,
        "treatment_name": "Chaos Treatment", "center": "GK2", "final_bucket": "Hair", "package_amount": 1500.00,
        "amount_paid": 500.00, "balance_amount": 1000.00, "prepaid_gift_card_balance": 0, "sessions_paid": 3,
        "sessions_consumed": 1}, token=admin())
    check(f"{label}: a balance created through credit instance 1", status in (200, 201), f"{status} {created}")
    t0 = time.time()
    changed = wait_for(lambda: total(credit[1]) not in (None, before), timeout=4.5, interval=0.1)
    figure(f"{label}: a new balance in instance 2's stats after", f"{time.time() - t0:.1f} s (cache expiry 5 s)")
    check(f"{label}: credit instance 2's stats change before their 5 s expiry", changed, f"before {before}")


SCENARIOS = {
    "replica-caches": scenario_replica_caches,
    "concurrent-uploads": scenario_concurrent_uploads,
    "concurrent-credit-replace": scenario_concurrent_credit_replace,
    "kill-debtor-mid-swap": scenario_kill_debtor_mid_swap,
    "kill-import-mid-upload": scenario_kill_import_mid_parse,
    "kill-credit-mid-import": scenario_kill_credit_mid_chunk,
    "kill-notification-mid-send": scenario_kill_notification_mid_send,
    "pg-report": scenario_pg_report,
    "pg-credit": scenario_pg_credit,
    "pg-reminders": scenario_pg_reminders,
    "kafka-report": scenario_kafka_report,
    "kafka-credit": scenario_kafka_credit,
    "kafka-reminders": scenario_kafka_reminders,
    "import-under-search-load": scenario_import_under_search_load,
}

if __name__ == "__main__":
    names = sys.argv[1:] or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        sys.exit(f"unknown scenario(s): {unknown}; known: {' '.join(SCENARIOS)}")
    for name in names:
        print(f"--- {name} ({REPLICAS} replica{'s' if REPLICAS > 1 else ''})", flush=True)
        t = time.time()
        try:
            SCENARIOS[name]()
        except Exception as e:  # noqa: BLE001  (a scenario that could not run is a failure, the others still run)
            check(f"{name}: ran to the end", False, repr(e))
        figure(f"{name}: scenario time", f"{time.time() - t:.0f} s")
    sys.exit(1 if checks.summary("chaos") else 0)
