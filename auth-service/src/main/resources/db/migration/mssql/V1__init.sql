-- auth-service schema (mssql), in step with db/migration/postgresql. Outbox tables come from platform-outbox.

CREATE TABLE app_user (
    id              BIGINT IDENTITY(1,1) PRIMARY KEY,
    username        NVARCHAR(50)  NOT NULL UNIQUE,
    email           NVARCHAR(254) NULL,
    full_name       NVARCHAR(200) NULL,
    password_hash   VARCHAR(100)  NOT NULL,
    roles           VARCHAR(100)  NOT NULL DEFAULT '',
    center          NVARCHAR(40)  NULL,
    is_active       BIT           NOT NULL DEFAULT 1,
    created_at      DATETIMEOFFSET(6) NOT NULL,
    updated_at      DATETIMEOFFSET(6) NOT NULL,
    deactivated_at  DATETIMEOFFSET(6) NULL
);

CREATE TABLE pharmacy (
    id              BIGINT IDENTITY(1,1) PRIMARY KEY,
    name            NVARCHAR(200) NOT NULL,
    code            NVARCHAR(50)  NULL,
    is_active       BIT           NOT NULL DEFAULT 1,
    created_at      DATETIMEOFFSET(6) NOT NULL,
    updated_at      DATETIMEOFFSET(6) NOT NULL
);
-- SQL Server's UNIQUE allows a single NULL: a filtered index keeps codes optional but unique when present
CREATE UNIQUE INDEX pharmacy_code_unique ON pharmacy (code) WHERE code IS NOT NULL;

CREATE TABLE pharmacy_grant (
    id              BIGINT IDENTITY(1,1) PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES app_user (id),
    pharmacy_id     BIGINT NOT NULL REFERENCES pharmacy (id),
    can_read        BIT    NOT NULL,
    can_write       BIT    NOT NULL,
    updated_at      DATETIMEOFFSET(6) NOT NULL,
    CONSTRAINT pharmacy_grant_user_pharmacy UNIQUE (user_id, pharmacy_id)
);
CREATE INDEX pharmacy_grant_pharmacy ON pharmacy_grant (pharmacy_id);

CREATE TABLE refresh_token (
    id              BIGINT IDENTITY(1,1) PRIMARY KEY,
    user_id         BIGINT      NOT NULL REFERENCES app_user (id),
    family_id       VARCHAR(36) NOT NULL,
    token_hash      VARCHAR(64) NOT NULL UNIQUE,
    created_at      DATETIMEOFFSET(6) NOT NULL,
    expires_at      DATETIMEOFFSET(6) NOT NULL,
    revoked_at      DATETIMEOFFSET(6) NULL
);
CREATE INDEX refresh_token_user ON refresh_token (user_id);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

CREATE TABLE audit_entry (
    id              BIGINT IDENTITY(1,1) PRIMARY KEY,
    actor_user_id   BIGINT        NULL,
    actor_username  NVARCHAR(50)  NOT NULL,
    action          VARCHAR(60)   NOT NULL,
    target_type     VARCHAR(30)   NOT NULL,
    target_id       VARCHAR(60)   NOT NULL,
    details         NVARCHAR(1000) NULL,
    occurred_at     DATETIMEOFFSET(6) NOT NULL
);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at DESC);
