-- Issue 24 point 4: a pharmacy's explicit column map (heading -> field), saved from an upload that reconciled
-- with it and used for that pharmacy's next uploads. Kept in step with db/migration/mssql/V6__pharmacy_column_map.sql.
CREATE TABLE pharmacy_column_map (
    pharmacy_id BIGINT       PRIMARY KEY,
    -- JSON object: {"<heading as printed>": "<field>"}
    mapping     TEXT         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the user id of the uploader whose upload saved it
    updated_by  BIGINT
);
