-- Issue 18.6: one writer of the credit balances at a time. Every import (replace or upsert) is applied in a
-- transaction that first locks this single row (WITH (UPDLOCK, HOLDLOCK, ROWLOCK)): a second import waits until the
-- first committed, then deletes / merges what it committed, so two replace-imports never leave a mix of both sets.
CREATE TABLE credit_import_apply_lock (
    id      INT PRIMARY KEY
);
INSERT INTO credit_import_apply_lock (id) VALUES (1);
