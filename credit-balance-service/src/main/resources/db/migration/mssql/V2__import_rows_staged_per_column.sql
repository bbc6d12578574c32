-- SQL Server twin of db/migration/postgresql/V2__import_rows_staged_per_column.sql: keep both in step.
CREATE TABLE credit_import_row (
    import_id                 VARCHAR(64)    NOT NULL,
    seq                       BIGINT         NOT NULL,
    source_row                INT            NOT NULL,
    client_code               NVARCHAR(50)   NOT NULL,
    client_name               NVARCHAR(200)  NOT NULL,
    phone_no                  NVARCHAR(20)   NULL,
    email_id                  NVARCHAR(500)  NULL,
    treatment_name            NVARCHAR(200)  NOT NULL,
    package_amount            DECIMAL(15,2)  NOT NULL,
    amount_paid               DECIMAL(15,2)  NOT NULL,
    balance_amount            DECIMAL(15,2)  NOT NULL,
    prepaid_gift_card_balance DECIMAL(15,2)  NOT NULL,
    center                    NVARCHAR(30)   NOT NULL,
    final_bucket              NVARCHAR(100)  NULL,
    sessions_paid             INT            NOT NULL,
    sessions_consumed         INT            NOT NULL,
    balance_sessions          INT            NOT NULL,
    voucher_number            NVARCHAR(20)   NULL,
    CONSTRAINT credit_import_row_pk PRIMARY KEY (import_id, seq)
);

UPDATE credit_import SET status = 'failed', finished_at = SYSDATETIMEOFFSET(),
    error = 'Staged before an upgrade of credit-balance-service and never applied; import the sheet again'
    WHERE status = 'staged';
DELETE FROM credit_import_chunk;
ALTER TABLE credit_import_chunk DROP COLUMN rows_json;
