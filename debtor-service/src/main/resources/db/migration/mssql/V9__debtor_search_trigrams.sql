-- SQL Server twin of db/migration/postgresql/V9__debtor_search_trigrams.sql (issue 23: the list's search= filter).
-- SQL Server has no trigram index, and LIKE '%term%' cannot seek in any B-tree. Full-text search was rejected: it
-- matches words and word prefixes, not the fragments people type ('0820001', 'kosi 1', 'mail.co'), so it would change
-- what search= answers. The same computed column as PostgreSQL's generated one (PERSISTED: LOWER and + are
-- deterministic), carried in a narrow index: a seek to the pharmacy in the list's order (balance DESC, acc_no), the
-- LIKE as a residual predicate on search_text, TOP (per_page) stopping after the page's matches. Plan shape: Index
-- Seek (debtor_search, Seek Predicate pharmacy_id = @p, Predicate search_text LIKE @p) -> Top; the count a Stream
-- Aggregate over the same seek, reading ~90 bytes a row instead of the ~300-byte table rows (no key lookups: the page
-- then looks its rows up by key, at most per_page of them). search_text is an INCLUDE column: at up to 616
-- characters it is over the 1,700-byte key limit.
-- Not run against a SQL Server here (none is available); MssqlMigrationsTest checks tables and columns offline.
ALTER TABLE debtor ADD search_text AS LOWER(acc_no + NCHAR(1) + name + NCHAR(1) + ISNULL(email, N'') + NCHAR(1)
    + ISNULL(phone, N'') + NCHAR(1) + ISNULL(phone_digits, '')) PERSISTED;
CREATE INDEX debtor_search ON debtor (pharmacy_id, balance DESC, acc_no) INCLUDE (search_text);
