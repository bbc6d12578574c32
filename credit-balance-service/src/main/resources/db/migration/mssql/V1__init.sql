-- SQL Server twin of db/migration/postgresql/V1__init.sql: keep both in step (MssqlMigrationsTest checks it).
CREATE TABLE credit_balance (
    id                        BIGINT IDENTITY(1,1) PRIMARY KEY,
    client_code               NVARCHAR(50)   NOT NULL,
    client_name               NVARCHAR(200)  NOT NULL,
    phone_no                  NVARCHAR(20)   NULL,
    email_id                  NVARCHAR(500)  NULL,
    treatment_name            NVARCHAR(200)  NOT NULL,
    package_amount            DECIMAL(15,2)  NOT NULL DEFAULT 0,
    amount_paid               DECIMAL(15,2)  NOT NULL DEFAULT 0,
    balance_amount            DECIMAL(15,2)  NOT NULL DEFAULT 0,
    prepaid_gift_card_balance DECIMAL(15,2)  NOT NULL DEFAULT 0,
    center                    NVARCHAR(30)   NOT NULL,
    final_bucket              NVARCHAR(100)  NULL,
    sessions_paid             INT            NOT NULL DEFAULT 0,
    sessions_consumed         INT            NOT NULL DEFAULT 0,
    balance_sessions          INT            NOT NULL DEFAULT 0,
    voucher_number            NVARCHAR(20)   NULL,
    created_at                DATETIMEOFFSET(6) NOT NULL,
    updated_at                DATETIMEOFFSET(6) NOT NULL,
    CONSTRAINT credit_balance_center_known
        CHECK (center IN ('GK2', 'Punjabi Bagh', 'Preet Vihar', 'Pitampura')),
    CONSTRAINT credit_balance_amounts_not_negative
        CHECK (package_amount >= 0 AND amount_paid >= 0 AND prepaid_gift_card_balance >= 0),
    CONSTRAINT credit_balance_sessions_not_negative
        CHECK (sessions_paid >= 0 AND sessions_consumed >= 0 AND balance_sessions >= 0),
    CONSTRAINT credit_balance_sessions_add_up
        CHECK (balance_sessions = sessions_paid - sessions_consumed)
);
CREATE INDEX credit_balance_center_id ON credit_balance (center, id);
CREATE INDEX credit_balance_voucher ON credit_balance (voucher_number);
CREATE INDEX credit_balance_import_key ON credit_balance (client_code, treatment_name, center);
CREATE INDEX credit_balance_center_totals ON credit_balance (center)
    INCLUDE (package_amount, amount_paid, balance_amount, prepaid_gift_card_balance,
             sessions_paid, sessions_consumed, balance_sessions);

CREATE TABLE api_log (
    id             BIGINT IDENTITY(1,1) PRIMARY KEY,
    user_name      NVARCHAR(100) NOT NULL,
    method         VARCHAR(10)   NOT NULL,
    endpoint       NVARCHAR(500) NOT NULL,
    status_code    INT           NOT NULL,
    voucher_number NVARCHAR(20)  NULL,
    client_ip      VARCHAR(64)   NULL,
    duration_ms    INT           NOT NULL,
    logged_at      DATETIMEOFFSET(6) NOT NULL
);
CREATE INDEX api_log_logged_at ON api_log (logged_at DESC, id DESC);
CREATE INDEX api_log_user_logged_at ON api_log (user_name, logged_at DESC, id DESC);

CREATE TABLE credit_import (
    id            BIGINT IDENTITY(1,1) PRIMARY KEY,
    import_id     VARCHAR(64)    NOT NULL UNIQUE,
    mode          VARCHAR(10)    NOT NULL,
    requested_by  NVARCHAR(100)  NULL,
    chunk_count   INT            NOT NULL,
    total_rows    INT            NOT NULL,
    status        VARCHAR(10)    NOT NULL,
    inserted      INT            NOT NULL DEFAULT 0,
    updated       INT            NOT NULL DEFAULT 0,
    deleted       INT            NOT NULL DEFAULT 0,
    error         NVARCHAR(1000) NULL,
    received_at   DATETIMEOFFSET(6) NOT NULL,
    finished_at   DATETIMEOFFSET(6) NULL
);
CREATE INDEX credit_import_status ON credit_import (status);

CREATE TABLE credit_import_chunk (
    id            BIGINT IDENTITY(1,1) PRIMARY KEY,
    import_id     VARCHAR(64)    NOT NULL,
    chunk_index   INT            NOT NULL,
    rows_json     NVARCHAR(MAX)  NOT NULL,
    CONSTRAINT credit_import_chunk_once UNIQUE (import_id, chunk_index)
);
