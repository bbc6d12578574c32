#!/usr/bin/env python3
"""Upload-to-applied time of a DEB013 report through the running local suite (./stack up).

Creates a pharmacy, generates a DEB013 report of ACCOUNTS accounts with deploy/local/fixture (the test kit's
generator, seed 11), then uploads it RUNS times to POST /pharmacies/{id}/debtors/upload through the
gateway. The upload answers once debtor-service has applied the report (import-service waits for its status
event), so the request's wall time is upload -> parsed -> handed over by Kafka -> applied -> answered.

Usage (from the repository root, with ./stack up running):
  import-service/bench/upload_to_applied.py [ACCOUNTS, default 5000] [RUNS, default 5]
Environment: GATEWAY (http://localhost:8080), ADMIN_PASSWORD (default: .stack/secrets/admin-password).
"""
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GATEWAY = os.environ.get("GATEWAY", "http://localhost:8080")
ACCOUNTS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def call(method, path, token=None, body=None, multipart=None, timeout=120):
    headers = {}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if multipart is not None:
        filename, content, *rest = multipart  # (filename, bytes[, content type][, {other form fields}])
        content_type = rest[0] if rest else "application/pdf"
        fields = rest[1] if len(rest) > 1 else {}
        boundary = uuid.uuid4().hex
        data = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                        for k, v in fields.items())
        data += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                 f"Content-Type: {content_type}\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        headers["Content-Type"] = "multipart/form-data; boundary=" + boundary
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(GATEWAY + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def admin_token():
    password = os.environ.get("ADMIN_PASSWORD") or open(os.path.join(ROOT, ".stack/secrets/admin-password")).read().strip()
    status, login = call("POST", "/login", body={"username": "admin", "password": password})
    assert status == 200, f"login failed: {status} {login}"
    return login["access_token"]


def main():
    token = admin_token()

    out_dir = os.path.join(ROOT, "import-service/target/bench")
    os.makedirs(out_dir, exist_ok=True)
    pdf_path = os.path.join(out_dir, f"deb013_{ACCOUNTS}.pdf")
    if not os.path.exists(pdf_path + ".json"):  # the report and its ground truth
        subprocess.run([os.path.join(ROOT, "deploy/local/fixture"), "deb013", "--seed", "11", "--accounts",
                        str(ACCOUNTS), "--out", pdf_path], check=True, stdout=subprocess.DEVNULL)
    pdf = open(pdf_path, "rb").read()
    truth = json.load(open(pdf_path + ".json"))
    expected = sum(1 for a in truth["accounts"] if not a["medical_aid_control"])

    code = "BN" + uuid.uuid4().hex[:6].upper()
    status, pharmacy = call("POST", "/admin/pharmacies", token, {"name": "Bench Pharmacy " + code, "code": code})
    assert status in (200, 201), f"pharmacy not created: {status} {pharmacy}"
    pid = pharmacy["id"]
    # import-service and debtor-service learn of the pharmacy by event: wait until the upload is accepted
    deadline = time.time() + 30
    while True:
        status, answer = call("POST", f"/pharmacies/{pid}/debtors/upload", token, multipart=("bench.pdf", pdf))
        if status != 404 or time.time() > deadline:
            break
        time.sleep(0.5)
    assert status in (200, 201), f"warm-up upload failed: {status} {answer}"

    print(f"DEB013 report: {len(pdf) / 1024:.0f} kB, {expected} accounts; {RUNS} uploads after one warm-up")
    times = []
    for run in range(RUNS):
        start = time.perf_counter()
        status, answer = call("POST", f"/pharmacies/{pid}/debtors/upload", token, multipart=("bench.pdf", pdf))
        elapsed = time.perf_counter() - start
        # 200/201 with the report = applied; 202 {status: processing} = not applied within import.debtors.apply-wait
        applied = status in (200, 201) and answer.get("total_accounts") == expected
        print(f"  upload {run + 1}: {elapsed:.2f} s  HTTP {status}  accounts {answer.get('total_accounts')}"
              f"{'' if applied else '  NOT APPLIED: ' + json.dumps(answer)}")
        if not applied:
            sys.exit(1)
        times.append(elapsed)
    times.sort()
    print(f"upload-to-applied: median {times[len(times) // 2]:.2f} s, best {times[0]:.2f} s, worst {times[-1]:.2f} s")


if __name__ == "__main__":
    main()
