-- Debtor age-analysis reports (PDF) received by upload or from the mailbox; kept in step with
-- db/migration/mssql/V2__debtor_reports.sql.

-- One row per received report. The id is a uuid assigned here; it is the report_id of the DebtorReportChunk
-- events and of debtor-service's ReportProcessed answer. The file itself is stored once under its sha256.
CREATE TABLE debtor_report_upload (
    id                VARCHAR(36)   PRIMARY KEY,
    -- null for a mailbox message whose sender or folder maps to no pharmacy
    pharmacy_id       BIGINT,
    filename          VARCHAR(255)  NOT NULL,
    sha256            CHAR(64),
    source            VARCHAR(10)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    uploaded_by       BIGINT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    account_count     INTEGER,
    -- sums of the report's accounts as parsed (control accounts included), for the record
    parsed_balance    NUMERIC(15,2),
    -- debtor-service's answer: its report id and totals (control accounts excluded)
    debtor_report_id  BIGINT,
    total_accounts    INTEGER,
    total_outstanding NUMERIC(15,2),
    error             VARCHAR(2000),
    -- mailbox imports: the message they came from (its Message-ID, cut to
    -- 500 characters, makes a message import once)
    mail_message_id   VARCHAR(500),
    mail_sender       VARCHAR(320),
    CONSTRAINT debtor_report_upload_status_known CHECK (status IN ('processing', 'completed', 'failed')),
    CONSTRAINT debtor_report_upload_source_known CHECK (source IN ('upload', 'mailbox'))
);
-- the latest applied report of a pharmacy (same-file re-uploads), newest first listings
CREATE INDEX debtor_report_upload_pharmacy ON debtor_report_upload (pharmacy_id, status, finished_at);
CREATE INDEX debtor_report_upload_created ON debtor_report_upload (created_at);
CREATE INDEX debtor_report_upload_message ON debtor_report_upload (mail_message_id);

-- Pharmacies as auth-service announces them (auth.pharmacies), so uploads for unknown ids answer 404.
CREATE TABLE known_pharmacy (
    pharmacy_id BIGINT       PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    code        VARCHAR(50),
    active      BOOLEAN      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
