-- Adds :n generated API log rows (psql -v n=1000000 -f ...), set-based, spread evenly over the last 360 days, by 21
-- users (scale-user-00 .. scale-user-20), the credit endpoints in a front desk's proportions (by id, by-voucher,
-- searches, stats). The months get their partitions first (api_log_add_month), as the service keeps them; the
-- daily counts follow by the insert trigger. 1,000,000 rows a statement.
SELECT api_log_add_month((now() AT TIME ZONE 'UTC')::date - m * 30) FROM generate_series(0, 12) AS m;
SELECT format($f$
INSERT INTO api_log (user_name, method, endpoint, status_code, voucher_number, client_ip, duration_ms, logged_at)
SELECT 'scale-user-' || lpad((i %% 21)::text, 2, '0'),
       CASE WHEN i %% 10 = 1 THEN 'POST' ELSE 'GET' END,
       CASE i %% 10 WHEN 1 THEN '/credit-balances/by-voucher' WHEN 2 THEN '/credit-balances/'
                    WHEN 3 THEN '/credit-balances/stats/summary' ELSE '/credit-balances/' || (i %% 100000) END,
       CASE WHEN i %% 50 = 0 THEN 404 ELSE 200 END,
       CASE WHEN i %% 10 = 1 THEN 'GKAB' || lpad((i %% 100000)::text, 5, '0') END,
       '10.1.' || (i %% 250) || '.' || (i %% 200), 2 + i %% 40,
       now() - (i::double precision / %2$s * 360) * interval '1 day'
FROM generate_series(%1$s, %1$s + %3$s - 1) AS i
$f$, start, :n, least(1000000, :n - start + 1))
FROM generate_series(1, :n, 1000000) AS start
\gexec
ANALYZE api_log;
