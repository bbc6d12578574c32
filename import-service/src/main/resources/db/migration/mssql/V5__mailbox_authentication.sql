-- Mailbox sender authentication and quarantine; kept in step with db/migration/postgresql/V5__mailbox_authentication.sql.
CREATE TABLE mailbox_secret_address (
    pharmacy_id BIGINT        NOT NULL PRIMARY KEY,
    token_hash  CHAR(64)      NOT NULL,
    created_at  DATETIMEOFFSET(6) NOT NULL,
    created_by  NVARCHAR(100) NULL,
    CONSTRAINT mailbox_secret_address_token UNIQUE (token_hash)
);

ALTER TABLE debtor_report_upload ADD mail_quarantined BIT NOT NULL
    CONSTRAINT debtor_report_upload_mail_quarantined_default DEFAULT 0;
