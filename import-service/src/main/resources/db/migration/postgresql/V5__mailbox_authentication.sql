-- Mailbox sender authentication and quarantine; kept in step with db/migration/mssql/V5__mailbox_authentication.sql.

-- A pharmacy's secret mailbox address reports+<token>@...: only the token's SHA-256 (hex) is stored. One per
-- pharmacy; making a new one replaces the old, which stops working at once.
CREATE TABLE mailbox_secret_address (
    pharmacy_id BIGINT       PRIMARY KEY,
    token_hash  CHAR(64)     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(100),
    CONSTRAINT mailbox_secret_address_token UNIQUE (token_hash)
);

-- A mailbox failure whose message was moved to the quarantine folder (unauthenticated, unmapped, malformed,
-- oversized) rather than to the processed folder.
ALTER TABLE debtor_report_upload ADD COLUMN mail_quarantined BOOLEAN NOT NULL DEFAULT FALSE;
