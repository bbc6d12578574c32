-- Issue 18.2, no state without an end: SendingWatchdog's row of outbox_relay_lock (JobLock, platform-outbox), so it
-- runs on one replica at a time.
INSERT INTO outbox_relay_lock (id, holder) VALUES (2, 'sending-watchdog');
