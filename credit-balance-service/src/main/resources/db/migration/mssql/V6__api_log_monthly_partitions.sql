-- SQL Server twin of db/migration/postgresql/V7__api_log_monthly_partitions.sql: the API log in monthly partitions
-- with a retention that removes whole months, and calls per UTC day and user for X-Total-Count.
-- * Partition function api_log_months (RANGE RIGHT on logged_at: a boundary is the first instant of a UTC month, so
--   every month is one partition; rows before the first boundary sit in partition 1, after the last in the last
--   one, so a row is never refused) and scheme api_log_months_scheme (all on PRIMARY; a DBA may map months to
--   filegroups). The table and both indexes are built on the scheme ("aligned"), which TRUNCATE ... WITH
--   (PARTITIONS ...) needs.
-- * api_log_maintain @months_ahead, @keep_months (run daily by the service, like the PostgreSQL function): SPLIT
--   RANGE adds the boundaries of the next months (NEXT USED names the filegroup first), TRUNCATE TABLE ... WITH
--   (PARTITIONS (1)) empties the oldest partition while it holds only months older than the retention, and MERGE
--   RANGE removes its boundary: metadata operations, no row-by-row DELETE.
-- * api_log_daily_calls kept by an AFTER INSERT, DELETE trigger (inserted / deleted hold the statement's rows).
-- The primary key becomes (id, logged_at): a unique index on a partitioned table must contain the partitioning
-- column. CREATE PROCEDURE / TRIGGER must start their own batch, hence GO (Flyway splits on it).
-- Not run against a SQL Server here (none is available); MssqlMigrationsTest checks tables and columns offline.
CREATE PARTITION FUNCTION api_log_months (DATETIMEOFFSET(6)) AS RANGE RIGHT FOR VALUES ();
CREATE PARTITION SCHEME api_log_months_scheme AS PARTITION api_log_months ALL TO ([PRIMARY]);

CREATE TABLE api_log_daily_calls (
    day       DATE           NOT NULL,
    user_name NVARCHAR(100)  NOT NULL,
    calls     BIGINT         NOT NULL,
    CONSTRAINT api_log_daily_calls_pkey PRIMARY KEY (day, user_name)
);
CREATE INDEX api_log_daily_calls_user ON api_log_daily_calls (user_name, day);

INSERT INTO api_log_daily_calls (day, user_name, calls)
SELECT CAST(SWITCHOFFSET(logged_at, '+00:00') AS DATE), user_name, COUNT_BIG(*) FROM api_log
GROUP BY CAST(SWITCHOFFSET(logged_at, '+00:00') AS DATE), user_name;
GO

CREATE PROCEDURE api_log_maintain @months_ahead INT, @keep_months INT AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    BEGIN TRANSACTION;
    -- one caller at a time: replicas run it too
    EXEC sp_getapplock @Resource = 'api_log_maintain', @LockMode = 'Exclusive', @LockOwner = 'Transaction';
    DECLARE @this_month DATETIMEOFFSET(6) =
        TODATETIMEOFFSET(DATEFROMPARTS(YEAR(SYSUTCDATETIME()), MONTH(SYSUTCDATETIME()), 1), '+00:00');
    DECLARE @oldest_kept DATETIMEOFFSET(6) = DATEADD(MONTH, -@keep_months, @this_month);
    DECLARE @i INT = 0, @boundary DATETIMEOFFSET(6);
    -- the first boundary, when there is none yet: the oldest month still held, else this one
    IF NOT EXISTS (SELECT 1 FROM sys.partition_range_values v JOIN sys.partition_functions f
                   ON f.function_id = v.function_id WHERE f.name = 'api_log_months')
    BEGIN
        SET @boundary = COALESCE((SELECT TODATETIMEOFFSET(DATEFROMPARTS(YEAR(m), MONTH(m), 1), '+00:00')
                                  FROM (SELECT MIN(SWITCHOFFSET(logged_at, '+00:00')) AS m FROM api_log) AS x),
                                 @this_month);
        IF @boundary > @this_month SET @boundary = @this_month;
        ALTER PARTITION SCHEME api_log_months_scheme NEXT USED [PRIMARY];
        ALTER PARTITION FUNCTION api_log_months() SPLIT RANGE (@boundary);
    END
    -- every month from the last boundary up to months_ahead after this one
    SELECT @boundary = MAX(CAST(v.value AS DATETIMEOFFSET(6))) FROM sys.partition_range_values v
        JOIN sys.partition_functions f ON f.function_id = v.function_id WHERE f.name = 'api_log_months';
    WHILE @boundary < DATEADD(MONTH, @months_ahead + 1, @this_month)
    BEGIN
        SET @boundary = DATEADD(MONTH, 1, @boundary);
        ALTER PARTITION SCHEME api_log_months_scheme NEXT USED [PRIMARY];
        ALTER PARTITION FUNCTION api_log_months() SPLIT RANGE (@boundary);
    END
    -- retention: partition 1 holds everything before the lowest boundary; while that boundary is not after the
    -- oldest month kept, empty partition 1 and remove the boundary (partition 2, a kept or an older month, becomes
    -- partition 1)
    SELECT @boundary = MIN(CAST(v.value AS DATETIMEOFFSET(6))) FROM sys.partition_range_values v
        JOIN sys.partition_functions f ON f.function_id = v.function_id WHERE f.name = 'api_log_months';
    WHILE @boundary <= @oldest_kept
    BEGIN
        TRUNCATE TABLE api_log WITH (PARTITIONS (1));
        ALTER PARTITION FUNCTION api_log_months() MERGE RANGE (@boundary);
        SELECT @boundary = MIN(CAST(v.value AS DATETIMEOFFSET(6))) FROM sys.partition_range_values v
            JOIN sys.partition_functions f ON f.function_id = v.function_id WHERE f.name = 'api_log_months';
    END
    DELETE FROM api_log_daily_calls WHERE day < CAST(@oldest_kept AS DATE);
    COMMIT TRANSACTION;
END;
GO

-- the boundaries of the months the rows already held (and two ahead) first, then the table rebuilt on the scheme
EXEC api_log_maintain @months_ahead = 2, @keep_months = 1200;
GO

DECLARE @pk NVARCHAR(200) = (SELECT name FROM sys.key_constraints
                             WHERE parent_object_id = OBJECT_ID('api_log') AND type = 'PK');
EXEC ('ALTER TABLE api_log DROP CONSTRAINT ' + @pk);
DROP INDEX api_log_logged_at ON api_log;
DROP INDEX api_log_user_logged_at ON api_log;
CREATE CLUSTERED INDEX api_log_by_time ON api_log (logged_at, id) ON api_log_months_scheme (logged_at);
ALTER TABLE api_log ADD CONSTRAINT api_log_pkey PRIMARY KEY NONCLUSTERED (id, logged_at)
    ON api_log_months_scheme (logged_at);
CREATE INDEX api_log_logged_at ON api_log (logged_at DESC, id DESC) ON api_log_months_scheme (logged_at);
CREATE INDEX api_log_user_logged_at ON api_log (user_name, logged_at DESC, id DESC)
    ON api_log_months_scheme (logged_at);
GO

CREATE TRIGGER api_log_daily_calls_after_change ON api_log AFTER INSERT, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE api_log_daily_calls WITH (HOLDLOCK) AS d
    USING (SELECT day, user_name, SUM(n) AS calls
           FROM (SELECT CAST(SWITCHOFFSET(logged_at, '+00:00') AS DATE) AS day, user_name, CAST(1 AS BIGINT) AS n
                 FROM inserted
                 UNION ALL
                 SELECT CAST(SWITCHOFFSET(logged_at, '+00:00') AS DATE), user_name, -1 FROM deleted) AS change
           GROUP BY day, user_name) AS s
    ON d.day = s.day AND d.user_name = s.user_name
    WHEN MATCHED THEN UPDATE SET calls = d.calls + s.calls
    WHEN NOT MATCHED THEN INSERT (day, user_name, calls) VALUES (s.day, s.user_name, s.calls);
END;
GO
