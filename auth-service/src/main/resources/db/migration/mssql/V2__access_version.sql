-- In step with db/migration/postgresql/V2__access_version.sql (see the comments there).
ALTER TABLE app_user ADD access_changed_at DATETIMEOFFSET(6) NULL;
GO
-- truncated to the millisecond like the PostgreSQL script (DATETIMEOFFSET(3) would round)
UPDATE app_user SET access_changed_at = DATEADD(MICROSECOND, -(DATEPART(MICROSECOND, updated_at) % 1000), updated_at);
ALTER TABLE app_user ALTER COLUMN access_changed_at DATETIMEOFFSET(6) NOT NULL;
