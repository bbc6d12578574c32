-- Lanes: the relay serves business events before audit events in every round (EventType.lane, Lane).
ALTER TABLE outbox_event ADD lane VARCHAR(20) NOT NULL CONSTRAINT df_outbox_event_lane DEFAULT 'business';
-- A row whose send failed outbox.relay.max-attempts times is parked until an operator re-queues it.
ALTER TABLE outbox_event ADD parked_at DATETIMEOFFSET(6) NULL;
-- Voucher searches written before lanes existed are audit events too (a backlog of them must not wait in front).
UPDATE outbox_event SET lane = 'audit' WHERE event_type = 'credit.voucher-searched.v1' AND sent_at IS NULL;
DROP INDEX outbox_event_unsent ON outbox_event;
-- What a relay round reads: the oldest sendable rows of one lane, one small index per lane whose predicate the
-- relay's query repeats literally (see the PostgreSQL script). The unique constraint on event_id, dropped there for
-- write speed, stays here: its name is generated, and dropping it would take dynamic SQL that cannot be run here.
CREATE INDEX outbox_event_unsent_business ON outbox_event (id)
    WHERE sent_at IS NULL AND parked_at IS NULL AND lane = 'business';
CREATE INDEX outbox_event_unsent_audit ON outbox_event (id)
    WHERE sent_at IS NULL AND parked_at IS NULL AND lane = 'audit';
-- Parked rows hold back later rows of their key (order per key); there are few, so this index stays tiny.
CREATE INDEX outbox_event_parked ON outbox_event (topic, aggregate_key, id) WHERE sent_at IS NULL AND parked_at IS NOT NULL;

-- Dead letters: messages a consumer could not process for a permanent reason, one list per consumer, replayable.
CREATE TABLE inbox_dead_letter (
    id               BIGINT IDENTITY(1,1) PRIMARY KEY,
    consumer         VARCHAR(100)   NOT NULL,
    event_id         NVARCHAR(200)  NOT NULL,
    event_type       NVARCHAR(200)  NULL,
    topic            VARCHAR(249)   NOT NULL,
    kafka_partition  INT            NOT NULL,
    kafka_offset     BIGINT         NOT NULL,
    record_key       NVARCHAR(1000) NULL,
    headers          NVARCHAR(MAX)  NOT NULL,
    payload          NVARCHAR(MAX)  NULL,
    error            NVARCHAR(2000) NOT NULL,
    first_failed_at  DATETIMEOFFSET(6) NOT NULL,
    last_failed_at   DATETIMEOFFSET(6) NOT NULL,
    attempts         INT            NOT NULL,
    replayed_at      DATETIMEOFFSET(6) NULL,
    resolved_at      DATETIMEOFFSET(6) NULL,
    CONSTRAINT inbox_dead_letter_event UNIQUE (consumer, event_id)
);
CREATE INDEX inbox_dead_letter_topic ON inbox_dead_letter (topic, id);
