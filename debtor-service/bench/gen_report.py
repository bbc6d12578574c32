#!/usr/bin/env python3
"""Writes the DebtorReportChunk events of one synthetic 20,000-account report, one JSON document per line.

Deterministic for a given seed. About 60 % of accounts have an e-mail, 80 % a phone, 2 are medical-aid control
accounts; amounts are spread so that min_balance=100 keeps roughly half of them.
usage: gen_report.py PHARMACY_ID REPORT_ID ACCOUNTS CHUNK_SIZE SEED > chunks.jsonl
"""
import json
import random
import sys

pharmacy_id, report_id, accounts, chunk_size, seed = (int(sys.argv[1]), sys.argv[2], int(sys.argv[3]),
                                                      int(sys.argv[4]), int(sys.argv[5]))
rnd = random.Random(seed)
names = ["NKOSI", "DU PLESSIS", "MÜLLER", "GONÇALVES", "O'NEILL", "JANSEN VAN RENSBURG", "DLAMINI", "SMITH"]


def amount(p_zero):
    return "0.00" if rnd.random() < p_zero else f"{rnd.uniform(1, 900):.2f}"


rows = []
for i in range(accounts):
    control = i in (7, 8)
    buckets = [amount(0.3), amount(0.5), amount(0.6), amount(0.7), amount(0.8), amount(0.85), amount(0.85)]
    # exact: summed in cents
    balance = f"{sum(int(round(float(b) * 100)) for b in buckets) / 100:.2f}"
    rows.append({
        "acc_no": f"{900000 + i if control else 100000 + i:06d}",
        "name": "MEDICAL AID CONTROL ACC" if control else f"MNR {rnd.choice(names)} {i}",
        "amounts": dict(zip(["current", "d30", "d60", "d90", "d120", "d150", "d180"], buckets), balance=balance),
        "email": f"debtor{i}@example.com" if rnd.random() < 0.6 else None,
        "phone": f"082{i:07d}" if rnd.random() < 0.8 else None,
        "phones": [],
        "is_medical_aid_control": control,
        "last_payment_date": "2025-10-28", "last_payment_amount": "100.00", "terms": "02", "credit_limit": "2000.00",
    })

chunk_count = (accounts + chunk_size - 1) // chunk_size
for c in range(chunk_count):
    print(json.dumps({
        "report_id": report_id, "pharmacy_id": pharmacy_id, "filename": f"bench_{pharmacy_id}.pdf",
        "file_sha256": "bench", "source": "upload", "uploaded_by": 1, "uploaded_by_name": "bench",
        "uploaded_at": "2025-11-16T08:00:00Z", "report_date": "2025-11-16", "account_count": accounts,
        "totals": None, "chunk_index": c, "chunk_count": chunk_count,
        "accounts": rows[c * chunk_size:(c + 1) * chunk_size]}, ensure_ascii=False))
