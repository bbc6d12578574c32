-- Issue 24 point 4: a pharmacy's explicit column map; kept in step with db/migration/postgresql/V6__pharmacy_column_map.sql.
CREATE TABLE pharmacy_column_map (
    pharmacy_id BIGINT            NOT NULL PRIMARY KEY,
    mapping     NVARCHAR(MAX)     NOT NULL,
    updated_at  DATETIMEOFFSET(6) NOT NULL,
    updated_by  BIGINT            NULL
);
