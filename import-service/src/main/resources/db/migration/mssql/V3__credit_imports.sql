-- Credit-balance spreadsheet imports; kept in step with db/migration/postgresql/V3__credit_imports.sql.
CREATE TABLE credit_import_job (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    filename       NVARCHAR(255) NOT NULL,
    mode           VARCHAR(10)   NOT NULL,
    dry_run        BIT           NOT NULL,
    requested_by   NVARCHAR(100) NULL,
    status         VARCHAR(20)   NOT NULL,
    rows_total     INT           NOT NULL DEFAULT 0,
    rows_accepted  INT           NOT NULL DEFAULT 0,
    rows_rejected  INT           NOT NULL DEFAULT 0,
    errors_omitted INT           NOT NULL DEFAULT 0,
    created_at     DATETIMEOFFSET(6) NOT NULL,
    started_at     DATETIMEOFFSET(6) NULL,
    finished_at    DATETIMEOFFSET(6) NULL,
    CONSTRAINT credit_import_job_status_known
        CHECK (status IN ('queued', 'parsing', 'applying', 'completed', 'failed')),
    CONSTRAINT credit_import_job_mode_known CHECK (mode IN ('replace', 'upsert'))
);
CREATE INDEX credit_import_job_created ON credit_import_job (created_at DESC, id);

CREATE TABLE credit_import_job_error (
    id           BIGINT IDENTITY(1,1) PRIMARY KEY,
    import_id    VARCHAR(36)   NOT NULL REFERENCES credit_import_job (id) ON DELETE CASCADE,
    sheet        NVARCHAR(100) NULL,
    row_no       INT           NULL,
    column_name  NVARCHAR(100) NULL,
    message      NVARCHAR(500) NOT NULL,
    rejected     BIT           NOT NULL,
    source       VARCHAR(30)   NOT NULL
);
CREATE INDEX credit_import_job_error_job ON credit_import_job_error (import_id, id);
