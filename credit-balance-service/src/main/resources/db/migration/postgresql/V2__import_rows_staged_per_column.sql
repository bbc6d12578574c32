-- Imports are staged as validated, normalised rows with credit_balance's columns (instead of chunk JSON), so a
-- replace is applied as set-based SQL (DELETE + INSERT ... SELECT) and nothing holds all rows in memory.
CREATE TABLE credit_import_row (
    import_id                 VARCHAR(64)    NOT NULL,
    -- the row's place in its import: chunk index * 1,000,000 + position in the chunk (assigned, so a chunk's
    -- rows are inserted as one batch)
    seq                       BIGINT         NOT NULL,
    -- the 1-based row of the sheet, named when the row cannot be applied
    source_row                INTEGER        NOT NULL,
    client_code               VARCHAR(50)    NOT NULL,
    client_name               VARCHAR(200)   NOT NULL,
    phone_no                  VARCHAR(20),
    email_id                  VARCHAR(500),
    treatment_name            VARCHAR(200)   NOT NULL,
    package_amount            NUMERIC(15,2)  NOT NULL,
    amount_paid               NUMERIC(15,2)  NOT NULL,
    balance_amount            NUMERIC(15,2)  NOT NULL,
    prepaid_gift_card_balance NUMERIC(15,2)  NOT NULL,
    center                    VARCHAR(30)    NOT NULL,
    final_bucket              VARCHAR(100),
    sessions_paid             INTEGER        NOT NULL,
    sessions_consumed         INTEGER        NOT NULL,
    balance_sessions          INTEGER        NOT NULL,
    voucher_number            VARCHAR(20),
    -- no CHECK constraints here: credit_balance's are checked (and a refused row located) when the import is
    -- applied
    CONSTRAINT credit_import_row_pk PRIMARY KEY (import_id, seq)
);

-- chunks now only record that they arrived (their rows are in credit_import_row). An import still staged from
-- the JSON era cannot be applied any more: fail it, so it is not left waiting forever.
UPDATE credit_import SET status = 'failed', finished_at = CURRENT_TIMESTAMP,
    error = 'Staged before an upgrade of credit-balance-service and never applied; import the sheet again'
    WHERE status = 'staged';
DELETE FROM credit_import_chunk;
ALTER TABLE credit_import_chunk DROP COLUMN rows_json;
