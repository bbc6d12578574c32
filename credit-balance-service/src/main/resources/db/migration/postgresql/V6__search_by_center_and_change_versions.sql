-- Search that scales (issue 23). Measured at 100,000 records (docs/benchmarks.md, "Credit search"):
-- 1. The trigram index now leads with the center (btree_gin: a GIN index over a plain column). A list confined to a
--    center (every staff search, most admin ones) asks the index for that center's candidates only, instead of
--    combining every center's trigram matches with a bitmap of the center's 25,000 rows: for 'verma9' in GK2 84
--    buffers instead of 236, for 'sharma' 592 instead of 754. A search without a center uses the same index (GIN
--    serves any subset of its columns), so it replaces the single-column one and writes keep maintaining one GIN.
-- 2. Every change moves its center's change version (credit_center_totals.version, advanced by the totals triggers in
--    the change's transaction). The list's exact X-Total-Count is cached under the versions of the centers it
--    covers, so a count is computed once per change of its scope instead of every few seconds (the 5-second cache
--    expiry had every filter counted again, 40 counts a second for 200 filters: most of both cores at 100,000
--    records), and a count cached by one replica is never stale after a change made by another.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX credit_balance_center_search ON credit_balance USING gin (center, search_text gin_trgm_ops);
DROP INDEX credit_balance_search_trgm;

-- The version only grows (TRUNCATE zeroes the totals instead of deleting their rows), so a (center, version) pair is
-- never reused for another state of the center's records.
ALTER TABLE credit_center_totals ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION credit_center_totals_add(changes credit_center_totals[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO credit_center_totals AS t
    SELECT center, sum(records), sum(package_amount), sum(amount_paid), sum(balance_amount),
           sum(prepaid_gift_card_balance), sum(sessions_paid), sum(sessions_consumed), sum(balance_sessions), 1
    FROM unnest(changes) GROUP BY center ORDER BY center
    ON CONFLICT (center) DO UPDATE SET
        records = t.records + excluded.records,
        package_amount = t.package_amount + excluded.package_amount,
        amount_paid = t.amount_paid + excluded.amount_paid,
        balance_amount = t.balance_amount + excluded.balance_amount,
        prepaid_gift_card_balance = t.prepaid_gift_card_balance + excluded.prepaid_gift_card_balance,
        sessions_paid = t.sessions_paid + excluded.sessions_paid,
        sessions_consumed = t.sessions_consumed + excluded.sessions_consumed,
        balance_sessions = t.balance_sessions + excluded.balance_sessions,
        version = t.version + 1;
$$;

-- The row type of credit_center_totals gained a column: the changes are built with it (0, unused by the sum).
CREATE OR REPLACE FUNCTION credit_center_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes credit_center_totals[] := '{}';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        changes := changes || ARRAY(
            SELECT ROW(center, count(*), sum(package_amount), sum(amount_paid), sum(balance_amount),
                       sum(prepaid_gift_card_balance), sum(sessions_paid), sum(sessions_consumed),
                       sum(balance_sessions), 0)::credit_center_totals
            FROM new_rows GROUP BY center);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        changes := changes || ARRAY(
            SELECT ROW(center, -count(*), -sum(package_amount), -sum(amount_paid), -sum(balance_amount),
                       -sum(prepaid_gift_card_balance), -sum(sessions_paid), -sum(sessions_consumed),
                       -sum(balance_sessions), 0)::credit_center_totals
            FROM old_rows GROUP BY center);
    END IF;
    PERFORM credit_center_totals_add(changes);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION credit_center_totals_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE credit_center_totals SET records = 0, package_amount = 0, amount_paid = 0, balance_amount = 0,
        prepaid_gift_card_balance = 0, sessions_paid = 0, sessions_consumed = 0, balance_sessions = 0,
        version = version + 1;
    RETURN NULL;
END $$;
