-- The list's search is a case-insensitive "contains" over client code, name, phone, e-mail and voucher
-- (lower(col) LIKE '%term%'), which no b-tree can serve: at 100,000 records every search read the whole table.
-- A trigram GIN index answers each of the five LIKEs (a BitmapOr over the same index) for terms of 3+ characters.
-- PostgreSQL only (pg_trgm is a trusted extension: the database owner may create it); SQL Server keeps scanning.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX credit_balance_search_trgm ON credit_balance USING gin (
    lower(client_code) gin_trgm_ops, lower(client_name) gin_trgm_ops, lower(phone_no) gin_trgm_ops,
    lower(email_id) gin_trgm_ops, lower(voucher_number) gin_trgm_ops);
