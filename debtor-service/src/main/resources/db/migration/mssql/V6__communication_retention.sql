-- SQL Server twin of db/migration/postgresql/V6__communication_retention.sql.
CREATE INDEX communication_created_at ON communication (created_at);
