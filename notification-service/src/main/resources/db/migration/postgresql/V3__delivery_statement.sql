-- The statement of account an e-mail reminder carries (attach_statement): what it prints, as JSON (the debtor's
-- account from the reminder event and the pharmacy's letterhead when the reminder was accepted). The PDF is made
-- from it when the e-mail is sent, so the delivery row stays small and the attachment can be made again exactly.
ALTER TABLE delivery ADD COLUMN statement TEXT;
