-- notification-service schema (postgresql). The outbox tables come from platform-outbox (db/outbox/postgresql).

-- One row per pharmacy: its reminder channels. Provider secrets are AES-GCM ciphertext (SecretCipher), never plain.
CREATE TABLE notification_settings (
    id                       BIGSERIAL PRIMARY KEY,
    pharmacy_id              BIGINT        NOT NULL UNIQUE,
    email_provider           VARCHAR(20),
    from_email               VARCHAR(320),
    from_name                VARCHAR(200),
    reply_to                 VARCHAR(320),
    sendgrid_api_key_enc     VARCHAR(1000),
    sms_provider             VARCHAR(20),
    smsportal_client_id      VARCHAR(200),
    smsportal_api_secret_enc VARCHAR(1000),
    sms_sender_id            VARCHAR(20),
    display_name             VARCHAR(200),
    contact_phone            VARCHAR(50),
    bank_details             VARCHAR(500),
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by               VARCHAR(200)
);

-- A pharmacy's own reminder template per channel; absent means the built-in default.
CREATE TABLE message_template (
    id           BIGSERIAL PRIMARY KEY,
    pharmacy_id  BIGINT       NOT NULL,
    channel      VARCHAR(10)  NOT NULL,
    subject      VARCHAR(500),
    body_html    TEXT,
    body_text    TEXT         NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(200),
    CONSTRAINT message_template_pharmacy_channel UNIQUE (pharmacy_id, channel)
);

-- One row per reminder id: the unique key plus the status machine (queued -> sending -> sent -> delivered,
-- or failed) make delivery at-most-once across redeliveries and restarts.
CREATE TABLE delivery (
    id            BIGSERIAL PRIMARY KEY,
    reminder_id   VARCHAR(100)  NOT NULL,
    pharmacy_id   BIGINT        NOT NULL,
    debtor_id     BIGINT        NOT NULL,
    acc_no        VARCHAR(50)   NOT NULL,
    channel       VARCHAR(10)   NOT NULL,
    provider      VARCHAR(20),
    recipient     VARCHAR(320)  NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    subject       VARCHAR(500),
    body_text     TEXT,
    body_html     TEXT,
    external_id   VARCHAR(200),
    error         VARCHAR(1000),
    attempts      INTEGER       NOT NULL DEFAULT 0,
    requested_at  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT delivery_reminder_id UNIQUE (reminder_id)
);
CREATE INDEX delivery_status ON delivery (status, id);
CREATE INDEX delivery_external_id ON delivery (external_id);

-- Numbers that asked a pharmacy for no more SMS (10 national digits, e.g. 0821234567).
CREATE TABLE sms_opt_out (
    id           BIGSERIAL PRIMARY KEY,
    pharmacy_id  BIGINT       NOT NULL,
    phone_digits VARCHAR(10)  NOT NULL,
    source       VARCHAR(20)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sms_opt_out_pharmacy_phone UNIQUE (pharmacy_id, phone_digits)
);
