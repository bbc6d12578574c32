#!/usr/bin/env python3
"""End-to-end time of a large clinic credit-balance import through the running local suite (./stack up).

Generates a ROWS-row workbook with deploy/local/fixture (the test kit's generator, seed 7, streamed),
then RUNS times: POST /credit-balances/import (mode replace) through the gateway and polls GET /imports/{id}
every 0.1 s until it is completed, printing when the job was seen parsing, applying and completed, and checking
that credit-balance-service then holds exactly the workbook's records (count and balance total from the
generator's ground truth). The first run after a start includes the JIT's warm-up; later runs are the warm figure.

Usage (from the repository root, with ./stack up running):
  import-service/bench/credit_import_end_to_end.py [ROWS, default 100000] [RUNS, default 3]
Environment: GATEWAY (http://localhost:8080), ADMIN_PASSWORD (default: .stack/secrets/admin-password).
"""
import json
import os
import subprocess
import sys
import time
from decimal import Decimal

from upload_to_applied import ROOT, admin_token, call

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def main():
    token = admin_token()
    out_dir = os.path.join(ROOT, "import-service/target/bench")
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.join(out_dir, f"credit_{ROWS}")
    if not os.path.exists(stem + ".xlsx.json"):  # the workbook and its ground truth
        subprocess.run([os.path.join(ROOT, "deploy/local/fixture"), "credit-xlsx", "--seed", "7", "--rows", str(ROWS),
                        "--out", stem + ".xlsx"], check=True, stdout=subprocess.DEVNULL)
    workbook = open(stem + ".xlsx", "rb").read()
    truth = json.load(open(stem + ".xlsx.json"))
    rows = truth["rows"]
    expected_balance = sum(Decimal(r["balance_amount"]) for r in rows)
    print(f"workbook: {len(workbook) / 1e6:.1f} MB, {len(rows)} rows, balance total {expected_balance}; {RUNS} runs")

    totals = []
    for run in range(RUNS):
        start = time.perf_counter()
        status, job = call("POST", "/credit-balances/import", token,
                           multipart=(f"credit_{ROWS}.xlsx", workbook, XLSX, {"mode": "replace"}))
        assert status == 202, f"upload refused: {status} {job}"
        seen = {}
        while True:
            status, job = call("GET", f"/imports/{job['import_id']}", token)
            seen.setdefault(job["status"], time.perf_counter() - start)
            if job["status"] in ("completed", "failed") or time.perf_counter() - start > 300:
                break
            time.sleep(0.1)
        _, stats = call("GET", "/credit-balances/stats/summary", token)
        correct = (job["status"] == "completed" and stats["total_records"] == len(rows)
                   and Decimal(str(stats["total_balance"])) == expected_balance)
        phases = "  ".join(f"{name} {at:5.2f} s" for name, at in seen.items())
        print(f"  run {run + 1}: {phases}  records {stats['total_records']}  balance {stats['total_balance']}"
              f"{'' if correct else '  WRONG: ' + json.dumps(job)[:300]}")
        if not correct:
            sys.exit(1)
        totals.append(seen["completed"])
    warm = sorted(totals[1:]) if len(totals) > 1 else totals
    print(f"upload -> applied: first {totals[0]:.2f} s; warm median {warm[len(warm) // 2]:.2f} s, best {warm[0]:.2f} s")


if __name__ == "__main__":
    main()
