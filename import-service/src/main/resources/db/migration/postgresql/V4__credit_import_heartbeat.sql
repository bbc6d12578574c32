-- The instance working on a queued or parsing job renews heartbeat_at; a job whose heartbeat stopped belonged to an
-- instance that died (crash, kill, node loss) and is ended as failed by CreditImportWatchdog instead of staying
-- "parsing" forever.
ALTER TABLE credit_import_job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
UPDATE credit_import_job SET heartbeat_at = created_at;
CREATE INDEX credit_import_job_unfinished ON credit_import_job (status, heartbeat_at);
