-- Lanes: the relay serves business events before audit events in every round (EventType.lane, Lane).
ALTER TABLE outbox_event ADD COLUMN lane VARCHAR(20) NOT NULL DEFAULT 'business';
-- Voucher searches written before lanes existed are audit events too (a backlog of them must not wait in front).
UPDATE outbox_event SET lane = 'audit' WHERE event_type = 'credit.voucher-searched.v1' AND sent_at IS NULL;
-- A row whose send failed outbox.relay.max-attempts times is parked until an operator re-queues it.
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMP WITH TIME ZONE;
DROP INDEX outbox_event_unsent;
-- What a relay round reads: the oldest sendable rows of one lane, one small index per lane whose predicate the
-- relay's query repeats literally. An index on (lane, id), or the primary key, lets the planner walk the rows already
-- sent (measured: 2.5 s a round with 250,000 sent rows before the unsent ones, 25 ms with these).
CREATE INDEX outbox_event_unsent_business ON outbox_event (id)
    WHERE sent_at IS NULL AND parked_at IS NULL AND lane = 'business';
CREATE INDEX outbox_event_unsent_audit ON outbox_event (id)
    WHERE sent_at IS NULL AND parked_at IS NULL AND lane = 'audit';
-- The CloudEvents id is a random UUID: unique by construction. Its unique index cost an index entry on every insert
-- and on every "sent" update (measured: marking 2,000 rows sent 120-140 ms with it, 60-90 ms without).
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_event_id_key;
-- Parked rows hold back later rows of their key (order per key); there are few, so this index stays tiny.
CREATE INDEX outbox_event_parked ON outbox_event (topic, aggregate_key, id) WHERE sent_at IS NULL AND parked_at IS NOT NULL;

-- Dead letters: messages a consumer could not process for a permanent reason, one list per consumer, replayable.
CREATE TABLE inbox_dead_letter (
    id               BIGSERIAL PRIMARY KEY,
    consumer         VARCHAR(100)  NOT NULL,
    event_id         VARCHAR(200)  NOT NULL,
    event_type       VARCHAR(200),
    topic            VARCHAR(249)  NOT NULL,
    kafka_partition  INTEGER       NOT NULL,
    kafka_offset     BIGINT        NOT NULL,
    record_key       VARCHAR(1000),
    headers          TEXT          NOT NULL,
    payload          TEXT,
    error            VARCHAR(2000) NOT NULL,
    first_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER       NOT NULL,
    replayed_at      TIMESTAMP WITH TIME ZONE,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT inbox_dead_letter_event UNIQUE (consumer, event_id)
);
CREATE INDEX inbox_dead_letter_topic ON inbox_dead_letter (topic, id);
