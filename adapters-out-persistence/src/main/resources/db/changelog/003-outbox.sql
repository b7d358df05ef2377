--liquibase formatted sql

--changeset mfa-totp:003-outbox-message
-- Transactional outbox of code messages. payload holds destination and code sealed with
-- AES-256-GCM (payload_key_id names the key) and is set to NULL once the message is delivered,
-- failed for good or expired. Dispatchers claim due rows with SELECT ... FOR UPDATE SKIP LOCKED in
-- next_attempt_at order; a finished row has no next attempt (NULL), so the claim is one ordered
-- range scan of ix_outbox_due that locks only the rows it returns (a filesort would lock them all).
CREATE TABLE outbox_message (
    id                   VARCHAR(40)    NOT NULL,
    challenge_id         VARCHAR(64)    NOT NULL,
    channel              VARCHAR(8)     NOT NULL,
    payload_key_id       VARCHAR(32)    NULL,
    payload              VARBINARY(2048) NULL,
    status               VARCHAR(12)    NOT NULL,
    attempts             INT            NOT NULL,
    next_attempt_at      DATETIME(6)    NULL,
    expires_at           DATETIME(6)    NOT NULL,
    created_at           DATETIME(6)    NOT NULL,
    updated_at           DATETIME(6)    NOT NULL,
    last_error           VARCHAR(200)   NULL,
    provider_message_id  VARCHAR(128)   NULL,
    CONSTRAINT pk_outbox_message PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_outbox_due ON outbox_message (next_attempt_at);
CREATE INDEX ix_outbox_challenge ON outbox_message (challenge_id, created_at);
--rollback DROP TABLE outbox_message;
