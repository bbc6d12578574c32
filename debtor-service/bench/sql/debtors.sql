-- Gives :pharmacies pharmacies (ids :first_id ..) :accounts generated debtors each, set-based (psql -v first_id=20001
-- -v pharmacies=100 -v accounts=20000 -v seed=1 -f ...), as an applied report would leave them: a pharmacy row
-- (as auth-service's event would create it), a completed debtor_report whose totals are the set's (what
-- /statistics answers), the debtors, and pharmacy.current_report_id pointing at the report. For data sets a
-- report upload cannot bring (import-service takes at most 50,000 accounts a report) or that would take long
-- through chunks (100 pharmacies). The report is dated 2025-10-31, before gen_report.py's 2025-11-16, so a report
-- published through chunks afterwards (scale.sh's replacement) is the newer one and replaces it (dated today, it was
-- kept as superseded: issue 18.6). Amounts and contacts are spread like debtor-service/bench/gen_report.py: about
-- 60 % with an e-mail, 80 % with a phone, two medical-aid control accounts a pharmacy. One transaction a pharmacy.
SELECT format($f$
BEGIN;
INSERT INTO pharmacy (id, name, code, active, current_report_id, updated_at)
VALUES (%1$s, 'Scale Pharmacy %1$s', 'S%1$s', true, NULL, now())
ON CONFLICT (id) DO NOTHING;
DELETE FROM debtor WHERE pharmacy_id = %1$s;
INSERT INTO debtor_report (pharmacy_id, import_report_id, filename, uploaded_at, started_at, report_date, chunk_count,
    account_count, status, completed_at)
VALUES (%1$s, 'scale-%1$s-' || md5(random()::text), 'scale_%1$s.pdf', now(), now(), DATE '2025-10-31', 1, %2$s,
    'completed', now());
INSERT INTO debtor (pharmacy_id, report_id, acc_no, name, current_amount, d30, d60, d90, d120, d150, d180, balance,
    arrears, email, phone, phone_digits, is_medical_aid_control, last_payment_date, last_payment_amount, terms,
    credit_limit, created_at, updated_at)
SELECT %1$s, currval(pg_get_serial_sequence('debtor_report', 'id')), acc_no, name, a[1], a[2], a[3], a[4], a[5],
       a[6], a[7], a[1] + a[2] + a[3] + a[4] + a[5] + a[6] + a[7], a[3] + a[4] + a[5] + a[6] + a[7],
       CASE WHEN h %% 10 < 6 THEN 'debtor' || i || '@example.com' END,
       CASE WHEN h %% 10 < 8 THEN '082' || lpad((i %% 10000000)::text, 7, '0') END,
       CASE WHEN h %% 10 < 8 THEN '082' || lpad((i %% 10000000)::text, 7, '0') END,
       control, DATE '2025-10-28', 100.00, '02', 2000.00, now(), now()
FROM (
    SELECT i, h, i IN (7, 8) AS control,
           lpad(((CASE WHEN i IN (7, 8) THEN 900000 ELSE 100000 END) + i)::text, 6, '0') AS acc_no,
           CASE WHEN i IN (7, 8) THEN 'MEDICAL AID CONTROL ACC'
                ELSE 'MNR ' || (ARRAY['NKOSI','DU PLESSIS','MÜLLER','GONÇALVES','O''NEILL','JANSEN VAN RENSBURG',
                                      'DLAMINI','SMITH'])[1 + h %% 8] || ' ' || i END AS name,
           ARRAY(SELECT CASE WHEN abs(hashint8(i * 7 + b + %3$s))::bigint %% 100 < z THEN 0
                             ELSE round((1 + abs(hashint8(i * 13 + b + %3$s))::bigint %% 89900 / 100.0), 2) END
                 FROM unnest(ARRAY[30, 50, 60, 70, 80, 85, 85]) WITH ORDINALITY AS p(z, b)) AS a
    FROM (SELECT i, abs(hashint8(i + %3$s * 1000003 + %1$s))::bigint AS h FROM generate_series(0, %2$s - 1) AS i) s
) AS generated;
UPDATE debtor_report r SET total_accounts = t.n, total_outstanding = t.balance, total_current = t.cur,
    total_d30 = t.d30, total_d60 = t.d60, total_d90 = t.d90, total_d120 = t.d120, total_d150 = t.d150,
    total_d180 = t.d180
FROM (SELECT count(*) AS n, coalesce(sum(balance), 0) AS balance, coalesce(sum(current_amount), 0) AS cur,
             coalesce(sum(d30), 0) AS d30, coalesce(sum(d60), 0) AS d60, coalesce(sum(d90), 0) AS d90,
             coalesce(sum(d120), 0) AS d120, coalesce(sum(d150), 0) AS d150, coalesce(sum(d180), 0) AS d180
      FROM debtor WHERE pharmacy_id = %1$s AND NOT is_medical_aid_control) AS t
WHERE r.id = currval(pg_get_serial_sequence('debtor_report', 'id'));
UPDATE pharmacy SET current_report_id = currval(pg_get_serial_sequence('debtor_report', 'id')), updated_at = now()
WHERE id = %1$s;
COMMIT;
$f$, id, :accounts, :seed)
FROM generate_series(:first_id, :first_id + :pharmacies - 1) AS id
\gexec
VACUUM ANALYZE debtor;
