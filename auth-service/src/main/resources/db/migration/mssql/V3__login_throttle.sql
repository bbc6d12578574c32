-- In step with db/migration/postgresql/V3__login_throttle.sql (see the comments there).
CREATE TABLE login_throttle (
    throttle_key     VARCHAR(120)      NOT NULL PRIMARY KEY,
    attempts         INT               NOT NULL,
    next_attempt_at  DATETIMEOFFSET(6) NOT NULL,
    expires_at       DATETIMEOFFSET(6) NOT NULL
);
CREATE INDEX login_throttle_expires ON login_throttle (expires_at);
