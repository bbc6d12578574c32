-- The statement of account an e-mail reminder carries (attach_statement), as JSON; see the PostgreSQL script.
ALTER TABLE delivery ADD statement NVARCHAR(MAX) NULL;
