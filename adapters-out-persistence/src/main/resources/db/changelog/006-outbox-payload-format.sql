--liquibase formatted sql

--changeset mfa-totp:006-outbox-payload-format
-- The layout of the sealed payload (see OutboxPayload). Rows written before this column existed,
-- and rows written by instances that do not know it yet (a rolling deploy), get format 1, the only
-- layout there was. A dispatcher claims only rows whose format it reads; a newer row waits for a
-- newer instance. Adding a column with a default is an instant change on MariaDB 10.3+ and MySQL 8.0.
ALTER TABLE outbox_message ADD COLUMN payload_format INT NOT NULL DEFAULT 1;
--rollback ALTER TABLE outbox_message DROP COLUMN payload_format;
