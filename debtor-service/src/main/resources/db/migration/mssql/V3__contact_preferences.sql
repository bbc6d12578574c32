-- Contact preferences of an account (pharmacy + acc_no, not a debtor row: they survive report replacements).
-- Keep db/migration/postgresql/V3__contact_preferences.sql in step.
-- language: 'en' or 'af'; null = the pharmacy's default_language (notification settings).
CREATE TABLE contact_preference (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id         BIGINT        NOT NULL,
    acc_no              VARCHAR(32)   NOT NULL,
    do_not_contact      BIT           NOT NULL,
    reason              NVARCHAR(500),
    language            VARCHAR(2),
    updated_at          DATETIMEOFFSET(6) NOT NULL,
    updated_by          NVARCHAR(100),
    CONSTRAINT contact_preference_account UNIQUE (pharmacy_id, acc_no)
);
