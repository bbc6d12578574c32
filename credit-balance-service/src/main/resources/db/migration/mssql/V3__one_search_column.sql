-- SQL Server twin of db/migration/postgresql/V4__one_search_column.sql: the list's search looks in one computed
-- column (the five searched fields lowercased, joined by CHAR(31)). No trigram index exists here; SQL Server scans it.
ALTER TABLE credit_balance ADD search_text AS LOWER(CONCAT(client_code, NCHAR(31), client_name, NCHAR(31), phone_no,
    NCHAR(31), email_id, NCHAR(31), voucher_number)) PERSISTED;
