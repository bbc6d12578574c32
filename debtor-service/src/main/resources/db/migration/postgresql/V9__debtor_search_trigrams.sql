-- Search that scales (issue 23): the list's search= filter is a case-insensitive substring of the account number,
-- name, e-mail, phone or phone digits. No index served it, so a search read every row of the pharmacy (count: ~0.5 s
-- at one pharmacy of 200,000 accounts; pages as slow for rare terms). Measured before/after in docs/benchmarks.md,
-- "Debtors at chain scale".
--
-- One generated column holds the five fields, lowercased, joined by a control character (U+0001): a term never
-- holds one (DebtorRepository strips them, as the request's trim does at the ends), so a term can only match inside
-- one field, as before. One trigram GIN index over it, led by pharmacy_id (btree_gin), as credit-balance-service's
-- search index is led by the center: a pharmacy's candidates are found without visiting the other pharmacies' rows.
-- One GIN rather than five (one per field): the replacement's MERGE rewrites every reported row, so each index costs
-- on every upload; GIN's pending list (fastupdate, on by default) takes the inserts in bulk.
-- Adding a stored generated column rewrites the table (about 20 s for 2,200,000 rows, measured on the shared machine).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
ALTER TABLE debtor ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    lower(acc_no || chr(1) || name || chr(1) || coalesce(email, '') || chr(1) || coalesce(phone, '') || chr(1)
          || coalesce(phone_digits, ''))) STORED;
CREATE INDEX debtor_search ON debtor USING gin (pharmacy_id, search_text gin_trgm_ops);
