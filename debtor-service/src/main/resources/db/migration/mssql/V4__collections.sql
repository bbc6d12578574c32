-- Collections (issue 21): notes, promises to pay, movement between reports, reminder policies and their runs.
-- Keep db/migration/postgresql/V4__collections.sql in step. Everything about an account is keyed by (pharmacy_id, acc_no)
-- so that it survives report replacements, like the communication history.

-- Bumped in the transaction of every change to notes, promises or contact preferences: the debtor list shows them,
-- so its cache key (DebtorListCache) includes this next to current_report_id.
ALTER TABLE pharmacy ADD collections_version BIGINT NOT NULL DEFAULT 0;

-- The pharmacy's default reminder language as notification-service announces it (notifications.channels).
ALTER TABLE pharmacy_channel ADD default_language VARCHAR(2);

-- Reminders queued by a policy run name it (run history: queued / failed).
ALTER TABLE communication ADD run_id BIGINT;
CREATE INDEX communication_by_run ON communication (run_id);

-- When the report's follow-up (snapshot, movement, promises, after-upload run) was done; null while pending.
-- Completed reports are kept out of the staging clean-up until then (their staged accounts feed the snapshot).
ALTER TABLE debtor_report ADD followed_up_at DATETIMEOFFSET(6);
UPDATE debtor_report SET followed_up_at = completed_at WHERE status <> 'processing';

CREATE TABLE account_note (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL,
    acc_no              VARCHAR(32)   NOT NULL,
    text                NVARCHAR(2000) NOT NULL,
    author              NVARCHAR(100)  NOT NULL,
    created_at          DATETIMEOFFSET(6) NOT NULL
);
CREATE INDEX account_note_by_account ON account_note (pharmacy_id, acc_no, created_at DESC);

-- overdue_at_promise: the account's overdue balance (d60..d180) in the report current when the promise was made;
-- a later report dated on or before due_date + 7 days showing it reduced by at least amount keeps the promise.
CREATE TABLE payment_promise (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL,
    acc_no              VARCHAR(32)   NOT NULL,
    amount              DECIMAL(15,2) NOT NULL,
    due_date            DATE          NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    overdue_at_promise  DECIMAL(15,2) NOT NULL,
    created_by          NVARCHAR(100)  NOT NULL,
    created_at          DATETIMEOFFSET(6) NOT NULL,
    resolved_at         DATETIMEOFFSET(6),
    resolved_by_report_id BIGINT
);
CREATE INDEX payment_promise_by_account ON payment_promise (pharmacy_id, acc_no, created_at DESC);
-- at most one open promise per account (the API answers 409 before this refuses)
CREATE UNIQUE INDEX payment_promise_one_open ON payment_promise (pharmacy_id, acc_no) WHERE status = 'open';

-- What each completed report said about each account, narrow (no contact details): movement between any two
-- reports and promise decisions read it. ~70 bytes a row.
CREATE TABLE report_account (
    report_id           BIGINT        NOT NULL,
    acc_no              VARCHAR(32)   NOT NULL,
    name                NVARCHAR(200)  NOT NULL,
    balance             DECIMAL(15,2) NOT NULL,
    overdue             DECIMAL(15,2) NOT NULL,
    age_weight          DECIMAL(17,2) NOT NULL,
    is_medical_aid_control BIT    NOT NULL,
    CONSTRAINT report_account_pk PRIMARY KEY (report_id, acc_no)
);

-- Each account's movement between a report and the completed report before it, computed once by the follow-up.
CREATE TABLE account_movement (
    to_report_id        BIGINT        NOT NULL,
    acc_no              VARCHAR(32)   NOT NULL,
    name                NVARCHAR(200)  NOT NULL,
    movement            VARCHAR(10)   NOT NULL,
    balance_before      DECIMAL(15,2),
    balance_after       DECIMAL(15,2),
    overdue_before      DECIMAL(15,2),
    overdue_after       DECIMAL(15,2),
    change_abs          DECIMAL(15,2) NOT NULL,
    CONSTRAINT account_movement_pk PRIMARY KEY (to_report_id, acc_no)
);
-- the answer's order (absolute change, largest first), whole or per movement
CREATE INDEX account_movement_by_change ON account_movement (to_report_id, change_abs DESC, acc_no);
CREATE INDEX account_movement_by_kind ON account_movement (to_report_id, movement, change_abs DESC, acc_no);

-- The movement summary of a report against its predecessor (what debtors.report-movement.v1 carries).
CREATE TABLE report_movement (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL,
    from_report_id      BIGINT        NOT NULL,
    to_report_id        BIGINT        NOT NULL UNIQUE,
    new_count           INTEGER       NOT NULL,
    new_balance         DECIMAL(15,2) NOT NULL,
    cleared_count       INTEGER       NOT NULL,
    cleared_balance     DECIMAL(15,2) NOT NULL,
    paid_down_count     INTEGER       NOT NULL,
    paid_down_amount    DECIMAL(15,2) NOT NULL,
    increased_count     INTEGER       NOT NULL,
    increased_amount    DECIMAL(15,2) NOT NULL,
    aged_count          INTEGER       NOT NULL,
    aged_amount         DECIMAL(15,2) NOT NULL,
    unchanged_count     INTEGER       NOT NULL,
    outstanding_before  DECIMAL(15,2) NOT NULL,
    outstanding_after   DECIMAL(15,2) NOT NULL,
    computed_at         DATETIMEOFFSET(6) NOT NULL
);

-- One reminder policy per pharmacy. Lists are comma-separated keys (ageing buckets, channels in order).
CREATE TABLE reminder_policy (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL UNIQUE,
    enabled             BIT       NOT NULL,
    trigger_kind        VARCHAR(20)   NOT NULL,
    schedule            VARCHAR(100),
    min_overdue         DECIMAL(15,2) NOT NULL,
    ageing_buckets      VARCHAR(100)  NOT NULL,
    channels            VARCHAR(20)   NOT NULL,
    cooldown_days       INTEGER       NOT NULL,
    quiet_from          VARCHAR(5),
    quiet_to            VARCHAR(5),
    zone                VARCHAR(64)   NOT NULL,
    max_per_day         INTEGER       NOT NULL,
    attach_statement    BIT       NOT NULL,
    schedule_since      DATETIMEOFFSET(6) NOT NULL,
    updated_at          DATETIMEOFFSET(6) NOT NULL,
    updated_by          NVARCHAR(100)
);

-- Runs of a policy. slot_key makes a run exactly-once per trigger occasion: report:<id> (after_upload),
-- schedule:<instant of the cron slot> (schedule), manual:<uuid> (each POST). A run is 'pending' until the
-- transaction that queues its reminders also marks it 'finished' (or 'cancelled'): a crash in between leaves it
-- pending with nothing sent, and whoever locks the row next (SKIP LOCKED) runs it.
CREATE TABLE reminder_run (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL,
    trigger_kind        VARCHAR(20)   NOT NULL,
    slot_key            VARCHAR(64)   NOT NULL,
    report_id           BIGINT,
    status              VARCHAR(20)   NOT NULL,
    not_before          DATETIMEOFFSET(6) NOT NULL,
    created_at          DATETIMEOFFSET(6) NOT NULL,
    started_at          DATETIMEOFFSET(6),
    finished_at         DATETIMEOFFSET(6),
    queued              INTEGER       NOT NULL,
    skipped             INTEGER       NOT NULL,
    requested_by        NVARCHAR(100),
    note                NVARCHAR(500),
    CONSTRAINT reminder_run_once UNIQUE (pharmacy_id, trigger_kind, slot_key)
);
CREATE INDEX reminder_run_by_pharmacy ON reminder_run (pharmacy_id, created_at DESC);
CREATE INDEX reminder_run_pending ON reminder_run (status, not_before);

-- The current report's accounts as its snapshot, so the first report after this migration has a predecessor.
INSERT INTO report_account (report_id, acc_no, name, balance, overdue, age_weight, is_medical_aid_control)
SELECT d.report_id, d.acc_no, d.name, d.balance, d.arrears,
       d.d30 + 2 * d.d60 + 3 * d.d90 + 4 * d.d120 + 5 * d.d150 + 6 * d.d180, d.is_medical_aid_control
FROM debtor d JOIN pharmacy p ON p.id = d.pharmacy_id AND p.current_report_id = d.report_id;
