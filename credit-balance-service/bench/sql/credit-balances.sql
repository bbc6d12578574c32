-- Adds :n generated credit balance records (psql -v n=1000000 -v seed=1 -f ...), set-based: INSERT ... SELECT from
-- credit-generator.sql, 100,000 rows a statement (its own transaction), so the totals triggers and the search index
-- work in bounded steps and a long load can be watched. Records get created_at/updated_at of the load.
\ir credit-generator.sql
SELECT format('INSERT INTO credit_balance (client_code, client_name, phone_no, email_id, treatment_name, '
              'package_amount, amount_paid, balance_amount, prepaid_gift_card_balance, center, final_bucket, '
              'sessions_paid, sessions_consumed, balance_sessions, voucher_number, created_at, updated_at) '
              'SELECT *, now(), now() FROM pg_temp.generated_credit(%s, %s, %s)', start, least(100000, :n - start + 1),
              :seed)
FROM generate_series(1, :n, 100000) AS start
\gexec
VACUUM ANALYZE credit_balance;
