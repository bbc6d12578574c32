-- notification-service schema (mssql), in step with db/migration/postgresql. The outbox tables come from
-- platform-outbox (db/outbox/mssql).

CREATE TABLE notification_settings (
    id                       BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id              BIGINT         NOT NULL UNIQUE,
    email_provider           VARCHAR(20)    NULL,
    from_email               NVARCHAR(320)  NULL,
    from_name                NVARCHAR(200)  NULL,
    reply_to                 NVARCHAR(320)  NULL,
    sendgrid_api_key_enc     VARCHAR(1000)  NULL,
    sms_provider             VARCHAR(20)    NULL,
    smsportal_client_id      NVARCHAR(200)  NULL,
    smsportal_api_secret_enc VARCHAR(1000)  NULL,
    sms_sender_id            NVARCHAR(20)   NULL,
    display_name             NVARCHAR(200)  NULL,
    contact_phone            NVARCHAR(50)   NULL,
    bank_details             NVARCHAR(500)  NULL,
    updated_at               DATETIMEOFFSET(6) NOT NULL,
    updated_by               NVARCHAR(200)  NULL
);

CREATE TABLE message_template (
    id           BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id  BIGINT        NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    subject      NVARCHAR(500) NULL,
    body_html    NVARCHAR(MAX) NULL,
    body_text    NVARCHAR(MAX) NOT NULL,
    updated_at   DATETIMEOFFSET(6) NOT NULL,
    updated_by   NVARCHAR(200) NULL,
    CONSTRAINT message_template_pharmacy_channel UNIQUE (pharmacy_id, channel)
);

CREATE TABLE delivery (
    id            BIGINT IDENTITY(1,1) PRIMARY KEY,
    reminder_id   VARCHAR(100)   NOT NULL,
    pharmacy_id   BIGINT         NOT NULL,
    debtor_id     BIGINT         NOT NULL,
    acc_no        NVARCHAR(50)   NOT NULL,
    channel       VARCHAR(10)    NOT NULL,
    provider      VARCHAR(20)    NULL,
    recipient     NVARCHAR(320)  NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    subject       NVARCHAR(500)  NULL,
    body_text     NVARCHAR(MAX)  NULL,
    body_html     NVARCHAR(MAX)  NULL,
    external_id   VARCHAR(200)   NULL,
    error         NVARCHAR(1000) NULL,
    attempts      INT            NOT NULL DEFAULT 0,
    requested_at  DATETIMEOFFSET(6) NULL,
    created_at    DATETIMEOFFSET(6) NOT NULL,
    updated_at    DATETIMEOFFSET(6) NOT NULL,
    CONSTRAINT delivery_reminder_id UNIQUE (reminder_id)
);
CREATE INDEX delivery_status ON delivery (status, id);
CREATE INDEX delivery_external_id ON delivery (external_id);

CREATE TABLE sms_opt_out (
    id           BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id  BIGINT        NOT NULL,
    phone_digits VARCHAR(10)   NOT NULL,
    source       VARCHAR(20)   NOT NULL,
    recorded_at  DATETIMEOFFSET(6) NOT NULL,
    CONSTRAINT sms_opt_out_pharmacy_phone UNIQUE (pharmacy_id, phone_digits)
);
