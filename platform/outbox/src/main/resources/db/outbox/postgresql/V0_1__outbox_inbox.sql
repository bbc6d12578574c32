-- Transactional outbox: rows are written in the same transaction as the change they describe and relayed to
-- Kafka after commit. sent_at stays null until the broker acknowledged the record.
CREATE TABLE outbox_event (
    id             BIGSERIAL PRIMARY KEY,
    event_id       VARCHAR(36)  NOT NULL UNIQUE,
    event_type     VARCHAR(120) NOT NULL,
    topic          VARCHAR(200) NOT NULL,
    aggregate_key  VARCHAR(200) NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE,
    attempts       INTEGER      NOT NULL DEFAULT 0,
    last_error     VARCHAR(1000)
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;

-- Idempotent inbox: one row per (consumer, event id) processed, written in the consumer's transaction.
CREATE TABLE inbox_event (
    consumer       VARCHAR(100) NOT NULL,
    event_id       VARCHAR(100) NOT NULL,
    processed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- One row: the relay takes a row lock on it, so one relay at a time sends (keeps order per key across replicas).
CREATE TABLE outbox_relay_lock (
    id             INTEGER PRIMARY KEY,
    holder         VARCHAR(200)
);
INSERT INTO outbox_relay_lock (id, holder) VALUES (1, NULL);
