-- Debtor age-analysis reports (PDF); kept in step with db/migration/postgresql/V2__debtor_reports.sql.
CREATE TABLE debtor_report_upload (
    id                VARCHAR(36)    NOT NULL PRIMARY KEY,
    pharmacy_id       BIGINT         NULL,
    filename          NVARCHAR(255)  NOT NULL,
    sha256            CHAR(64)       NULL,
    source            VARCHAR(10)    NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    uploaded_by       BIGINT         NULL,
    created_at        DATETIMEOFFSET(6) NOT NULL,
    finished_at       DATETIMEOFFSET(6) NULL,
    account_count     INT            NULL,
    parsed_balance    DECIMAL(15,2)  NULL,
    debtor_report_id  BIGINT         NULL,
    total_accounts    INT            NULL,
    total_outstanding DECIMAL(15,2)  NULL,
    error             NVARCHAR(2000) NULL,
    mail_message_id   NVARCHAR(500)  NULL,
    mail_sender       NVARCHAR(320)  NULL,
    CONSTRAINT debtor_report_upload_status_known CHECK (status IN ('processing', 'completed', 'failed')),
    CONSTRAINT debtor_report_upload_source_known CHECK (source IN ('upload', 'mailbox'))
);
CREATE INDEX debtor_report_upload_pharmacy ON debtor_report_upload (pharmacy_id, status, finished_at);
CREATE INDEX debtor_report_upload_created ON debtor_report_upload (created_at);
CREATE INDEX debtor_report_upload_message ON debtor_report_upload (mail_message_id);

CREATE TABLE known_pharmacy (
    pharmacy_id BIGINT        NOT NULL PRIMARY KEY,
    name        NVARCHAR(255) NOT NULL,
    code        NVARCHAR(50)  NULL,
    active      BIT           NOT NULL,
    updated_at  DATETIMEOFFSET(6) NOT NULL
);
