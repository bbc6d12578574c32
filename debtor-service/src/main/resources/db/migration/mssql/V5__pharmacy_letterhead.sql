-- What each pharmacy prints at the top of its statements of account (see the PostgreSQL script).
CREATE TABLE pharmacy_letterhead (
    id            BIGINT IDENTITY(1,1) PRIMARY KEY,
    pharmacy_id   BIGINT         NOT NULL,
    display_name  NVARCHAR(200)  NULL,
    contact_phone NVARCHAR(50)   NULL,
    bank_details  NVARCHAR(500)  NULL,
    updated_at    DATETIMEOFFSET(6) NOT NULL,
    CONSTRAINT pharmacy_letterhead_pharmacy UNIQUE (pharmacy_id)
);
