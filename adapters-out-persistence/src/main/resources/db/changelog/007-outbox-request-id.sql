--liquibase formatted sql

--changeset mfa-totp:007-outbox-request-id
-- The id of the request that queued the message (the initiate's X-Request-Id or the id the service
-- gave it), so the dispatcher's log lines for the message carry it. NULL for rows queued before this
-- column existed, or by an instance that does not write it yet (a rolling deploy). A nullable
-- column without a default is an instant change on MariaDB 10.3+ and MySQL 8.0.
ALTER TABLE outbox_message ADD COLUMN request_id VARCHAR(64) NULL;
--rollback ALTER TABLE outbox_message DROP COLUMN request_id;
