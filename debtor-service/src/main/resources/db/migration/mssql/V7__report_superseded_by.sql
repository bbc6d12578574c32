-- Issue 18.6: a report that finishes after a newer one was applied is kept in the history but does not replace the
-- current debtors; it names the report that superseded it (status failed, error_message says why).
ALTER TABLE debtor_report ADD superseded_by BIGINT NULL REFERENCES debtor_report (id);
