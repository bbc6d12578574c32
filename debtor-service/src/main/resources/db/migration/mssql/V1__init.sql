-- debtor-service schema (mssql). Keep db/migration/postgresql/V1__init.sql in step.

-- Pharmacies as auth-service announces them (auth.pharmacies); id is auth's pharmacy id.
CREATE TABLE pharmacy (
    id                  BIGINT       PRIMARY KEY,
    name                NVARCHAR(200) NOT NULL,
    code                VARCHAR(50),
    active              BIT      NOT NULL,
    current_report_id   BIGINT,
    updated_at          DATETIMEOFFSET(6) NOT NULL
);

-- Reminder channels a pharmacy has configured in notification-service (notifications.channels).
CREATE TABLE pharmacy_channel (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT  NOT NULL UNIQUE,
    email_configured    BIT NOT NULL,
    sms_configured      BIT NOT NULL,
    updated_at          DATETIMEOFFSET(6) NOT NULL
);

-- Reports history. Bucket totals are the statistics of the set the report applied (control accounts excluded).
CREATE TABLE debtor_report (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL,
    import_report_id    VARCHAR(64)   NOT NULL UNIQUE,
    filename            NVARCHAR(255),
    uploaded_at         DATETIMEOFFSET(6) NOT NULL,
    uploaded_by         BIGINT,
    report_date         DATE,
    chunk_count         INT       NOT NULL,
    account_count       INT       NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    error_message       NVARCHAR(1000),
    total_accounts      INT       NOT NULL DEFAULT 0,
    total_outstanding   DECIMAL(15,2) NOT NULL DEFAULT 0,
    total_current       DECIMAL(15,2) NOT NULL DEFAULT 0,
    total_d30           DECIMAL(15,2) NOT NULL DEFAULT 0,
    total_d60           DECIMAL(15,2) NOT NULL DEFAULT 0,
    total_d90           DECIMAL(15,2) NOT NULL DEFAULT 0,
    total_d120          DECIMAL(15,2) NOT NULL DEFAULT 0,
    total_d150          DECIMAL(15,2) NOT NULL DEFAULT 0,
    total_d180          DECIMAL(15,2) NOT NULL DEFAULT 0,
    completed_at        DATETIMEOFFSET(6)
);
CREATE INDEX debtor_report_by_pharmacy ON debtor_report (pharmacy_id, uploaded_at DESC, id DESC);

-- Chunks of a report received so far (one row per report + chunk index: a re-sent chunk is ignored).
CREATE TABLE debtor_report_chunk (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    report_id           BIGINT  NOT NULL REFERENCES debtor_report (id),
    chunk_index         INT NOT NULL,
    account_count       INT NOT NULL,
    received_at         DATETIMEOFFSET(6) NOT NULL,
    CONSTRAINT debtor_report_chunk_once UNIQUE (report_id, chunk_index)
);

-- Accounts of reports still being received; emptied once the report is applied or failed.
CREATE TABLE staged_account (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    report_id           BIGINT        NOT NULL REFERENCES debtor_report (id),
    acc_no              VARCHAR(32)   NOT NULL,
    name                NVARCHAR(200)  NOT NULL,
    current_amount      DECIMAL(15,2) NOT NULL,
    d30                 DECIMAL(15,2) NOT NULL,
    d60                 DECIMAL(15,2) NOT NULL,
    d90                 DECIMAL(15,2) NOT NULL,
    d120                DECIMAL(15,2) NOT NULL,
    d150                DECIMAL(15,2) NOT NULL,
    d180                DECIMAL(15,2) NOT NULL,
    balance             DECIMAL(15,2) NOT NULL,
    email               NVARCHAR(320),
    phone               NVARCHAR(40),
    phone_digits        VARCHAR(20),
    is_medical_aid_control BIT    NOT NULL,
    last_payment_date   DATE,
    last_payment_amount DECIMAL(15,2),
    terms               VARCHAR(20),
    credit_limit        DECIMAL(15,2)
);
CREATE INDEX staged_account_by_report ON staged_account (report_id, acc_no);

-- The pharmacy's current debtors. A row lives as long as its account is reported, so its id stays valid.
-- arrears = d60 + d90 + d120 + d150 + d180 (what min_balance filters on), kept by the replacement.
CREATE TABLE debtor (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL,
    report_id           BIGINT        NOT NULL,
    acc_no              VARCHAR(32)   NOT NULL,
    name                NVARCHAR(200)  NOT NULL,
    current_amount      DECIMAL(15,2) NOT NULL,
    d30                 DECIMAL(15,2) NOT NULL,
    d60                 DECIMAL(15,2) NOT NULL,
    d90                 DECIMAL(15,2) NOT NULL,
    d120                DECIMAL(15,2) NOT NULL,
    d150                DECIMAL(15,2) NOT NULL,
    d180                DECIMAL(15,2) NOT NULL,
    balance             DECIMAL(15,2) NOT NULL,
    arrears             DECIMAL(15,2) NOT NULL,
    email               NVARCHAR(320),
    phone               NVARCHAR(40),
    phone_digits        VARCHAR(20),
    is_medical_aid_control BIT    NOT NULL,
    last_payment_date   DATE,
    last_payment_amount DECIMAL(15,2),
    terms               VARCHAR(20),
    credit_limit        DECIMAL(15,2),
    created_at          DATETIMEOFFSET(6) NOT NULL,
    updated_at          DATETIMEOFFSET(6) NOT NULL,
    CONSTRAINT debtor_account UNIQUE (pharmacy_id, acc_no)
);
-- The list's order (balance desc, acc_no) per pharmacy: page 1 stops after per_page matching rows.
CREATE INDEX debtor_by_balance ON debtor (pharmacy_id, balance DESC, acc_no);
-- min_balance filter (arrears) per pharmacy.
CREATE INDEX debtor_by_arrears ON debtor (pharmacy_id, arrears);

-- Reminders requested and their delivery, per account (pharmacy + acc_no): survives report replacement.
CREATE TABLE communication (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL,
    acc_no              VARCHAR(32)   NOT NULL,
    reminder_id         VARCHAR(36)   NOT NULL UNIQUE,
    communication_type  VARCHAR(10)   NOT NULL,
    recipient           NVARCHAR(320)  NOT NULL,
    amount_due          DECIMAL(15,2) NOT NULL,
    subject             NVARCHAR(500),
    message             NVARCHAR(MAX),
    status              VARCHAR(20)   NOT NULL,
    provider            VARCHAR(50),
    external_id         VARCHAR(200),
    error_message       NVARCHAR(1000),
    requested_by        NVARCHAR(100),
    sent_at             DATETIMEOFFSET(6),
    status_at           DATETIMEOFFSET(6),
    created_at          DATETIMEOFFSET(6) NOT NULL
);
CREATE INDEX communication_by_account ON communication (pharmacy_id, acc_no, created_at DESC);

-- Numbers that opted out of a pharmacy's SMS (notifications.opt-outs), 10 national digits.
CREATE TABLE sms_opt_out (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT      NOT NULL,
    phone_digits        VARCHAR(20) NOT NULL,
    recorded_at         DATETIMEOFFSET(6) NOT NULL,
    CONSTRAINT sms_opt_out_number UNIQUE (pharmacy_id, phone_digits)
);
