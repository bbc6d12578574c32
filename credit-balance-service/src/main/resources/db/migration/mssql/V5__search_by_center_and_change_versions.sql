-- SQL Server twin of db/migration/postgresql/V6__search_by_center_and_change_versions.sql.
-- 1. SQL Server has no trigram index, and a LIKE '%term%' cannot seek. The list's search reads this narrow index
--    instead of the table: a seek to the center, in id order, the LIKE as a residual predicate on search_text, and
--    TOP (limit) stopping after the page's matches (plan shape: Index Seek (credit_balance_center_search, Seek
--    Predicate center = @p, Predicate search_text LIKE @p) -> Top; the count: Stream Aggregate over the same seek).
--    A center's 25,000 rows at 100,000 records are ~3 MB of this index against ~12 MB of table.
-- 2. The change version of each center, moved by the totals trigger in the change's transaction (see the
--    PostgreSQL script): the list's X-Total-Count is cached under it.
-- Not run against a SQL Server here (none is available); MssqlMigrationsTest checks tables and columns offline.
CREATE INDEX credit_balance_center_search ON credit_balance (center, id) INCLUDE (search_text);
ALTER TABLE credit_center_totals ADD version BIGINT NOT NULL DEFAULT 0;
GO

ALTER TRIGGER credit_center_totals_after_change ON credit_balance AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE credit_center_totals WITH (HOLDLOCK) AS t
    USING (SELECT center, SUM(n) AS records, SUM(package_amount) AS package_amount, SUM(amount_paid) AS amount_paid,
                  SUM(balance_amount) AS balance_amount, SUM(prepaid_gift_card_balance) AS prepaid_gift_card_balance,
                  SUM(sessions_paid) AS sessions_paid, SUM(sessions_consumed) AS sessions_consumed,
                  SUM(balance_sessions) AS balance_sessions
           FROM (SELECT center, CAST(1 AS BIGINT) AS n, package_amount, amount_paid, balance_amount,
                        prepaid_gift_card_balance, CAST(sessions_paid AS BIGINT) AS sessions_paid,
                        CAST(sessions_consumed AS BIGINT) AS sessions_consumed,
                        CAST(balance_sessions AS BIGINT) AS balance_sessions
                 FROM inserted
                 UNION ALL
                 SELECT center, -1, -package_amount, -amount_paid, -balance_amount, -prepaid_gift_card_balance,
                        -CAST(sessions_paid AS BIGINT), -CAST(sessions_consumed AS BIGINT),
                        -CAST(balance_sessions AS BIGINT)
                 FROM deleted) AS change
           GROUP BY center) AS s
    ON t.center = s.center
    WHEN MATCHED THEN UPDATE SET
        records = t.records + s.records,
        package_amount = t.package_amount + s.package_amount,
        amount_paid = t.amount_paid + s.amount_paid,
        balance_amount = t.balance_amount + s.balance_amount,
        prepaid_gift_card_balance = t.prepaid_gift_card_balance + s.prepaid_gift_card_balance,
        sessions_paid = t.sessions_paid + s.sessions_paid,
        sessions_consumed = t.sessions_consumed + s.sessions_consumed,
        balance_sessions = t.balance_sessions + s.balance_sessions,
        version = t.version + 1
    WHEN NOT MATCHED THEN INSERT (center, records, package_amount, amount_paid, balance_amount,
                                  prepaid_gift_card_balance, sessions_paid, sessions_consumed, balance_sessions,
                                  version)
        VALUES (s.center, s.records, s.package_amount, s.amount_paid, s.balance_amount, s.prepaid_gift_card_balance,
                s.sessions_paid, s.sessions_consumed, s.balance_sessions, 1);
END;
GO
