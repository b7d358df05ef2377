--liquibase formatted sql

--changeset mfa-totp:013-outbox-notices
-- The outbox also carries notices to users (a factor added, removed or reset, a lockout), which
-- belong to a user and to no challenge: challenge_id becomes optional, user_id names the user of a
-- notice (and is erased with the user's data), notice its kind, so that a coalesced kind is sent at
-- most once per interval (ix_outbox_notice). A notice's payload is layout 2 (see OutboxPayload): an
-- instance that reads only layout 1 never claims it. Nullable columns without a default and a
-- column that becomes nullable are in-place changes on MariaDB 10.3+ and MySQL 8.0.
ALTER TABLE outbox_message MODIFY challenge_id VARCHAR(64) NULL,
    ADD COLUMN user_id VARCHAR(64) NULL,
    ADD COLUMN notice VARCHAR(32) NULL;
CREATE INDEX ix_outbox_notice ON outbox_message (user_id, notice, created_at);
--rollback DROP INDEX ix_outbox_notice ON outbox_message; ALTER TABLE outbox_message DROP COLUMN notice, DROP COLUMN user_id, MODIFY challenge_id VARCHAR(64) NOT NULL;
