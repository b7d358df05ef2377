--liquibase formatted sql

--changeset mfa-totp:015-delivery-receipts
-- What the SMS provider reported after it accepted a message (its status callback): DELIVERED or
-- UNDELIVERED, the provider's error code, and when the receipt arrived. The first final receipt of
-- a message stands. Callbacks name the message by the provider's id, hence the index; the columns
-- come with no default, so instances of the previous release go on inserting and reading rows.
ALTER TABLE outbox_message
    ADD COLUMN receipt_status VARCHAR(12) NULL,
    ADD COLUMN receipt_error VARCHAR(32) NULL,
    ADD COLUMN receipt_at DATETIME(6) NULL;
CREATE INDEX ix_outbox_provider_message ON outbox_message (provider_message_id);
--rollback DROP INDEX ix_outbox_provider_message ON outbox_message;
--rollback ALTER TABLE outbox_message DROP COLUMN receipt_status, DROP COLUMN receipt_error, DROP COLUMN receipt_at;
