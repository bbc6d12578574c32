-- Issue 18.2, no state without an end: the watchdogs' rows of outbox_relay_lock (JobLock, platform-outbox), so each
-- runs on one replica at a time: 2 UploadWatchdog (debtor report uploads still processing), 3 CreditApplyingWatchdog
-- (credit imports still applying). An applying job's heartbeat_at is when it started applying (CreditImportJobs).
INSERT INTO outbox_relay_lock (id, holder) VALUES (2, 'upload-watchdog');
INSERT INTO outbox_relay_lock (id, holder) VALUES (3, 'credit-applying-watchdog');
-- A debtor report upload that debtor-service kept without applying, because a newer report of the pharmacy is
-- current, names that report's upload (ReportProcessed.superseded_by): the upload answers 409 report_superseded.
ALTER TABLE debtor_report_upload ADD superseded_by VARCHAR(64) NULL;
