-- StuckStateWatchdogTest: the job's lock row (row 1 is the relay's) and operations that can get stuck
INSERT INTO outbox_relay_lock (id, holder) VALUES (2, NULL);
CREATE TABLE stuck_job (
    id      BIGSERIAL PRIMARY KEY,
    status  VARCHAR(20) NOT NULL
);
