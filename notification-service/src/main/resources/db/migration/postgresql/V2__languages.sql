-- Languages (issue 21): the pharmacy's default reminder language and one template per channel and language.
-- Keep db/migration/mssql/V2__languages.sql in step.
ALTER TABLE notification_settings ADD COLUMN default_language VARCHAR(2) NOT NULL DEFAULT 'en';

ALTER TABLE message_template ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'en';
ALTER TABLE message_template DROP CONSTRAINT message_template_pharmacy_channel;
ALTER TABLE message_template ADD CONSTRAINT message_template_pharmacy_channel_language
    UNIQUE (pharmacy_id, channel, language);

-- the language a delivery was rendered in (history)
ALTER TABLE delivery ADD COLUMN language VARCHAR(2);
