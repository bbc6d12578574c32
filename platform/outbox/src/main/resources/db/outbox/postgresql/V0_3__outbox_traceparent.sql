-- Trace context through the outbox: the W3C traceparent of the code that published the event (null when nothing was
-- traced). The relay sends it as the record's traceparent header; the consumer's Inbox continues that trace.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
