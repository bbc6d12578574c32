-- auth-service schema (postgresql). The outbox tables come from platform-outbox (db/outbox/postgresql).

-- A person who signs in. roles: comma list of admin, staff, pharmacy; center: canonical clinic center or null.
CREATE TABLE app_user (
    id              BIGSERIAL PRIMARY KEY,
    username        VARCHAR(50)  NOT NULL UNIQUE,
    email           VARCHAR(254),
    full_name       VARCHAR(200),
    password_hash   VARCHAR(100) NOT NULL,
    roles           VARCHAR(100) NOT NULL DEFAULT '',
    center          VARCHAR(40),
    is_active       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE pharmacy (
    id              BIGSERIAL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    code            VARCHAR(50),
    is_active       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
-- codes are optional, but unique when present
CREATE UNIQUE INDEX pharmacy_code_unique ON pharmacy (code) WHERE code IS NOT NULL;

-- What one user may do on one pharmacy (can_write implies can_read).
CREATE TABLE pharmacy_grant (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT  NOT NULL REFERENCES app_user (id),
    pharmacy_id     BIGINT  NOT NULL REFERENCES pharmacy (id),
    can_read        BOOLEAN NOT NULL,
    can_write       BOOLEAN NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pharmacy_grant_user_pharmacy UNIQUE (user_id, pharmacy_id)
);
CREATE INDEX pharmacy_grant_pharmacy ON pharmacy_grant (pharmacy_id);

-- Refresh tokens are stored as SHA-256 of their 256 random bits, never in clear. Tokens rotated from one
-- login share a family: reuse of a rotated token revokes the whole family (a stolen token is detected).
CREATE TABLE refresh_token (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT      NOT NULL REFERENCES app_user (id),
    family_id       VARCHAR(36) NOT NULL,
    token_hash      VARCHAR(64) NOT NULL UNIQUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_token_user ON refresh_token (user_id);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

-- Who changed what, when: one row per admin change. details names fields, never personal data values.
CREATE TABLE audit_entry (
    id              BIGSERIAL PRIMARY KEY,
    actor_user_id   BIGINT,
    actor_username  VARCHAR(50)  NOT NULL,
    action          VARCHAR(60)  NOT NULL,
    target_type     VARCHAR(30)  NOT NULL,
    target_id       VARCHAR(60)  NOT NULL,
    details         VARCHAR(1000),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at DESC);
