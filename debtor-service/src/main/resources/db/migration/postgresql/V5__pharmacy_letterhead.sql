-- What each pharmacy prints at the top of its statements of account: a copy of the letterhead in its notification
-- settings (notification-service's ChannelConfigured events). V5: V3 and V4 are the collections' migrations.
CREATE TABLE pharmacy_letterhead (
    id            BIGSERIAL PRIMARY KEY,
    pharmacy_id   BIGINT        NOT NULL,
    display_name  VARCHAR(200),
    contact_phone VARCHAR(50),
    bank_details  VARCHAR(500),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pharmacy_letterhead_pharmacy UNIQUE (pharmacy_id)
);
