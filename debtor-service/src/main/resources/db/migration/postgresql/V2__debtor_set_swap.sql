-- The replacement of a pharmacy's debtors by a staged report (PostgreSQL; on SQL Server DebtorSetReplacement runs
-- the same three statements itself inside SAVE TRANSACTION). Keep both in step.
--
-- Why a function: when the database refuses the swap (a constraint, an out-of-range value, a trigger, a conflict),
-- the caller must still mark the report failed and publish that in the same transaction. The reactive client marks
-- its transaction failed on any failed statement and rolls it back at commit, even after ROLLBACK TO SAVEPOINT, so
-- the statements cannot fail on the wire. Here they run in a block with an exception handler, which PostgreSQL runs
-- as a subtransaction: on an error every change of the block is undone (the previous set stays exactly as it was)
-- and the error's SQLSTATE and constraint are returned instead of raised.
--
-- On success: failed_sqlstate is null and the totals (medical-aid control accounts excluded) are those of the new
-- set, cast to the report row's NUMERIC(15,2) so an overflow is refused here too.
-- enable_nestloop = off (for this call only): staged_account is analysed first, but with hash joins the three
-- statements take < 1 s for 20,000 x 20,000 accounts where nested loops on stale statistics took minutes.
CREATE FUNCTION debtor_set_swap(p_pharmacy_id BIGINT, p_report_id BIGINT, p_now TIMESTAMP WITH TIME ZONE,
                                OUT failed_sqlstate TEXT, OUT failed_constraint TEXT,
                                OUT total_accounts INTEGER, OUT total_outstanding NUMERIC, OUT total_current NUMERIC,
                                OUT total_d30 NUMERIC, OUT total_d60 NUMERIC, OUT total_d90 NUMERIC,
                                OUT total_d120 NUMERIC, OUT total_d150 NUMERIC, OUT total_d180 NUMERIC)
LANGUAGE plpgsql
SET enable_nestloop = off
AS $$
BEGIN
    ANALYZE staged_account;
    BEGIN
        -- accounts still reported keep their row (and id) and get the new amounts; new accounts are inserted
        MERGE INTO debtor d
        USING (SELECT * FROM staged_account WHERE report_id = p_report_id) s
        ON d.pharmacy_id = p_pharmacy_id AND d.acc_no = s.acc_no
        WHEN MATCHED THEN UPDATE SET
            report_id = p_report_id, name = s.name, current_amount = s.current_amount, d30 = s.d30, d60 = s.d60,
            d90 = s.d90, d120 = s.d120, d150 = s.d150, d180 = s.d180, balance = s.balance,
            arrears = s.d60 + s.d90 + s.d120 + s.d150 + s.d180, email = s.email, phone = s.phone,
            phone_digits = s.phone_digits, is_medical_aid_control = s.is_medical_aid_control,
            last_payment_date = s.last_payment_date, last_payment_amount = s.last_payment_amount,
            terms = s.terms, credit_limit = s.credit_limit, updated_at = p_now
        WHEN NOT MATCHED THEN INSERT (pharmacy_id, report_id, acc_no, name, current_amount, d30, d60, d90, d120,
            d150, d180, balance, arrears, email, phone, phone_digits, is_medical_aid_control, last_payment_date,
            last_payment_amount, terms, credit_limit, created_at, updated_at)
        VALUES (p_pharmacy_id, p_report_id, s.acc_no, s.name, s.current_amount, s.d30, s.d60, s.d90, s.d120, s.d150,
            s.d180, s.balance, s.d60 + s.d90 + s.d120 + s.d150 + s.d180, s.email, s.phone, s.phone_digits,
            s.is_medical_aid_control, s.last_payment_date, s.last_payment_amount, s.terms, s.credit_limit,
            p_now, p_now);

        -- accounts no longer reported
        DELETE FROM debtor WHERE pharmacy_id = p_pharmacy_id AND NOT EXISTS
            (SELECT 1 FROM staged_account s WHERE s.report_id = p_report_id AND s.acc_no = debtor.acc_no);

        SELECT COUNT(*)::INTEGER, COALESCE(SUM(balance), 0)::NUMERIC(15,2),
               COALESCE(SUM(current_amount), 0)::NUMERIC(15,2), COALESCE(SUM(d30), 0)::NUMERIC(15,2),
               COALESCE(SUM(d60), 0)::NUMERIC(15,2), COALESCE(SUM(d90), 0)::NUMERIC(15,2),
               COALESCE(SUM(d120), 0)::NUMERIC(15,2), COALESCE(SUM(d150), 0)::NUMERIC(15,2),
               COALESCE(SUM(d180), 0)::NUMERIC(15,2)
          INTO total_accounts, total_outstanding, total_current, total_d30, total_d60, total_d90, total_d120,
               total_d150, total_d180
          FROM debtor WHERE pharmacy_id = p_pharmacy_id AND NOT is_medical_aid_control;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS failed_sqlstate = RETURNED_SQLSTATE, failed_constraint = CONSTRAINT_NAME;
        total_accounts := NULL; total_outstanding := NULL; total_current := NULL; total_d30 := NULL;
        total_d60 := NULL; total_d90 := NULL; total_d120 := NULL; total_d150 := NULL; total_d180 := NULL;
    END;
END
$$;
