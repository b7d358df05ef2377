--liquibase formatted sql

--changeset mfa-totp:008-retention-indexes
-- The purge finds its rows by age, oldest first, in bounded batches: challenges by their expiry
-- (every challenge has ended by then), finished outbox messages by their last change (the moment they
-- reached a final status). Without these indexes each batch would scan the whole table. The claim's
-- index ix_outbox_due is left as it is: its locking is what keeps dispatchers from waiting on each other.
CREATE INDEX ix_challenge_expires ON challenge (expires_at);
CREATE INDEX ix_outbox_updated ON outbox_message (updated_at);
--rollback DROP INDEX ix_outbox_updated ON outbox_message; DROP INDEX ix_challenge_expires ON challenge;
