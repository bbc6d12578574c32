-- Per-center totals kept by the database as credit_balance changes, so the stats summary reads one row per center
-- instead of aggregating every record (33-50 ms at 100,000 records on two cores). The triggers are per statement,
-- with transition tables: an import's 100,000-row INSERT or DELETE updates each center's row once, not once per
-- record. Every path that changes credit_balance (API, imports, voucher recompute, an operator's SQL) is covered.
-- A write holds its centers' rows locked until it commits: writes in one center queue behind each other there,
-- in center order, so they cannot deadlock on these rows.
CREATE TABLE credit_center_totals (
    center                    VARCHAR(30)    PRIMARY KEY,
    records                   BIGINT         NOT NULL,
    package_amount            NUMERIC(20,2)  NOT NULL,
    amount_paid               NUMERIC(20,2)  NOT NULL,
    balance_amount            NUMERIC(20,2)  NOT NULL,
    prepaid_gift_card_balance NUMERIC(20,2)  NOT NULL,
    sessions_paid             BIGINT         NOT NULL,
    sessions_consumed         BIGINT         NOT NULL,
    balance_sessions          BIGINT         NOT NULL
);

INSERT INTO credit_center_totals
SELECT center, count(*), sum(package_amount), sum(amount_paid), sum(balance_amount), sum(prepaid_gift_card_balance),
       sum(sessions_paid), sum(sessions_consumed), sum(balance_sessions)
FROM credit_balance GROUP BY center;

-- Adds per-center changes (negative for removed rows) to the totals with one statement, locking in center order.
CREATE FUNCTION credit_center_totals_add(changes credit_center_totals[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO credit_center_totals AS t
    SELECT center, sum(records), sum(package_amount), sum(amount_paid), sum(balance_amount),
           sum(prepaid_gift_card_balance), sum(sessions_paid), sum(sessions_consumed), sum(balance_sessions)
    FROM unnest(changes) GROUP BY center ORDER BY center
    ON CONFLICT (center) DO UPDATE SET
        records = t.records + excluded.records,
        package_amount = t.package_amount + excluded.package_amount,
        amount_paid = t.amount_paid + excluded.amount_paid,
        balance_amount = t.balance_amount + excluded.balance_amount,
        prepaid_gift_card_balance = t.prepaid_gift_card_balance + excluded.prepaid_gift_card_balance,
        sessions_paid = t.sessions_paid + excluded.sessions_paid,
        sessions_consumed = t.sessions_consumed + excluded.sessions_consumed,
        balance_sessions = t.balance_sessions + excluded.balance_sessions;
$$;

-- Adds the rows a statement inserted and subtracts those it deleted (an UPDATE does both: new and old values).
CREATE FUNCTION credit_center_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes credit_center_totals[] := '{}';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        changes := changes || ARRAY(
            SELECT ROW(center, count(*), sum(package_amount), sum(amount_paid), sum(balance_amount),
                       sum(prepaid_gift_card_balance), sum(sessions_paid), sum(sessions_consumed),
                       sum(balance_sessions))::credit_center_totals
            FROM new_rows GROUP BY center);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        changes := changes || ARRAY(
            SELECT ROW(center, -count(*), -sum(package_amount), -sum(amount_paid), -sum(balance_amount),
                       -sum(prepaid_gift_card_balance), -sum(sessions_paid), -sum(sessions_consumed),
                       -sum(balance_sessions))::credit_center_totals
            FROM old_rows GROUP BY center);
    END IF;
    PERFORM credit_center_totals_add(changes);
    RETURN NULL;
END $$;

CREATE FUNCTION credit_center_totals_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM credit_center_totals;
    RETURN NULL;
END $$;

CREATE TRIGGER credit_center_totals_after_insert AFTER INSERT ON credit_balance
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_center_totals_apply();
CREATE TRIGGER credit_center_totals_after_update AFTER UPDATE ON credit_balance
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_center_totals_apply();
CREATE TRIGGER credit_center_totals_after_delete AFTER DELETE ON credit_balance
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_center_totals_apply();
CREATE TRIGGER credit_center_totals_after_truncate AFTER TRUNCATE ON credit_balance
    FOR EACH STATEMENT EXECUTE FUNCTION credit_center_totals_reset();
