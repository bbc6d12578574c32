-- SQL Server twin of db/migration/postgresql/V5__center_totals.sql: per-center totals kept by a trigger, which sees
-- a statement's rows in inserted / deleted (an UPDATE: both), so a bulk statement updates each center's row once.
-- CREATE TRIGGER must start its own batch, hence the GO separators (Flyway splits on them). Not yet run against a
-- SQL Server: none is available where this was written.
CREATE TABLE credit_center_totals (
    center                    NVARCHAR(30)   NOT NULL PRIMARY KEY,
    records                   BIGINT         NOT NULL,
    package_amount            DECIMAL(20,2)  NOT NULL,
    amount_paid               DECIMAL(20,2)  NOT NULL,
    balance_amount            DECIMAL(20,2)  NOT NULL,
    prepaid_gift_card_balance DECIMAL(20,2)  NOT NULL,
    sessions_paid             BIGINT         NOT NULL,
    sessions_consumed         BIGINT         NOT NULL,
    balance_sessions          BIGINT         NOT NULL
);

INSERT INTO credit_center_totals
SELECT center, COUNT_BIG(*), SUM(package_amount), SUM(amount_paid), SUM(balance_amount), SUM(prepaid_gift_card_balance),
       SUM(CAST(sessions_paid AS BIGINT)), SUM(CAST(sessions_consumed AS BIGINT)), SUM(CAST(balance_sessions AS BIGINT))
FROM credit_balance GROUP BY center;
GO

CREATE TRIGGER credit_center_totals_after_change ON credit_balance AFTER INSERT, UPDATE, DELETE AS
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
        balance_sessions = t.balance_sessions + s.balance_sessions
    WHEN NOT MATCHED THEN INSERT (center, records, package_amount, amount_paid, balance_amount,
                                  prepaid_gift_card_balance, sessions_paid, sessions_consumed, balance_sessions)
        VALUES (s.center, s.records, s.package_amount, s.amount_paid, s.balance_amount, s.prepaid_gift_card_balance,
                s.sessions_paid, s.sessions_consumed, s.balance_sessions);
END;
GO
