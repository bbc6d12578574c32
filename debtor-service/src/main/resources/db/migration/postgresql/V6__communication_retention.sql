-- The communication history is kept for debtor.communications.retention (3 years) and then deleted in batches,
-- oldest first (CommunicationRetention): this index finds them without reading the rest. (V6: V3 and V4 are the
-- collections' migrations, V5 printing's, developed at the same time.)
CREATE INDEX communication_created_at ON communication (created_at);
