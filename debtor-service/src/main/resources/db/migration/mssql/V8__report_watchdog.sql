-- Issue 18.2, no state without an end: when debtor-service received a report's first chunk. ReportWatchdog ends a
-- report still `processing` debtor.watchdog.report-timeout after it (failed, timed out, the previous debtors kept);
-- the watchdog runs on one replica at a time through its row of outbox_relay_lock (JobLock, platform-outbox).
ALTER TABLE debtor_report ADD started_at DATETIMEOFFSET(6) NULL;
GO
UPDATE debtor_report SET started_at = uploaded_at;
ALTER TABLE debtor_report ALTER COLUMN started_at DATETIMEOFFSET(6) NOT NULL;
CREATE INDEX debtor_report_unfinished ON debtor_report (status, started_at);
INSERT INTO outbox_relay_lock (id, holder) VALUES (2, 'report-watchdog');
