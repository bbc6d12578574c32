CREATE TABLE outbox_event (
    id             BIGINT IDENTITY(1,1) PRIMARY KEY,
    event_id       VARCHAR(36)   NOT NULL UNIQUE,
    event_type     VARCHAR(120)  NOT NULL,
    topic          VARCHAR(200)  NOT NULL,
    aggregate_key  NVARCHAR(200) NOT NULL,
    payload        NVARCHAR(MAX) NOT NULL,
    created_at     DATETIMEOFFSET(6) NOT NULL,
    sent_at        DATETIMEOFFSET(6) NULL,
    attempts       INT           NOT NULL DEFAULT 0,
    last_error     NVARCHAR(1000) NULL
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;

CREATE TABLE inbox_event (
    consumer       VARCHAR(100) NOT NULL,
    event_id       VARCHAR(100) NOT NULL,
    processed_at   DATETIMEOFFSET(6) NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE outbox_relay_lock (
    id             INT PRIMARY KEY,
    holder         VARCHAR(200) NULL
);
INSERT INTO outbox_relay_lock (id, holder) VALUES (1, NULL);
