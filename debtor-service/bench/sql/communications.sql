-- Adds :n generated reminders (psql -v pharmacy=20001 -v n=1000000 -f ...) to the accounts of one pharmacy, spread
-- evenly over its debtors and over the last two years, e-mail and SMS, mostly delivered. Set-based, one statement.
INSERT INTO communication (pharmacy_id, acc_no, reminder_id, communication_type, recipient, amount_due, subject,
    message, status, provider, external_id, requested_by, sent_at, status_at, created_at)
SELECT :pharmacy, d.acc_no, md5(:pharmacy || '-' || i || '-' || random()), CASE WHEN i % 3 = 0 THEN 'sms' ELSE 'email' END,
       CASE WHEN i % 3 = 0 THEN '0820000000' ELSE 'debtor@example.com' END, 100 + i % 900,
       'Statement reminder', 'Your account is overdue. Please pay the amount due.',
       CASE WHEN i % 20 = 0 THEN 'failed' ELSE 'delivered' END, CASE WHEN i % 3 = 0 THEN 'smsportal' ELSE 'smtp' END,
       'ext-' || i, 'scale', now() - (i % 730) * interval '1 day', now() - (i % 730) * interval '1 day',
       now() - (i % 730) * interval '1 day'
FROM (SELECT i, i % (SELECT count(*) FROM debtor WHERE pharmacy_id = :pharmacy) AS k
      FROM generate_series(0, :n - 1) AS i) AS s
JOIN (SELECT acc_no, row_number() OVER (ORDER BY acc_no) - 1 AS k FROM debtor WHERE pharmacy_id = :pharmacy) AS d
    ON d.k = s.k;
ANALYZE communication;
