-- Login attempts, counted before the password hash is computed, shared by every replica. One row per key:
-- 'u:<sha-256 of the lower-cased username>' (the account), 'a:<client address>', and 'p:<account digest>:<address>'
-- (what one address tried on one account, so that a success forgives only its own address's failures).
-- attempts: attempts since the counter started (failures, plus any still being checked); next_attempt_at: the
-- earliest time the next attempt is evaluated (back-off); expires_at: when the row is forgotten.
CREATE TABLE login_throttle (
    throttle_key     VARCHAR(120) PRIMARY KEY,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_throttle_expires ON login_throttle (expires_at);
