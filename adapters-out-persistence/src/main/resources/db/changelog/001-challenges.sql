--liquibase formatted sql

--changeset mfa-totp:001-challenge
-- One row per step-up challenge. Codes are stored only as HMAC-SHA-256 (code_hash); the step-up
-- context columns are emptied when the consumer cancels the request. Times are UTC.
CREATE TABLE challenge (
    id               VARCHAR(64)   NOT NULL,
    user_id          VARCHAR(64)   NOT NULL,
    operation        VARCHAR(64)   NULL,
    reference        VARCHAR(128)  NULL,
    digest           VARCHAR(128)  NULL,
    summary          VARCHAR(80)   NULL,
    allowed_methods  VARCHAR(32)   NOT NULL,
    locale           VARCHAR(35)   NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts_used    INT           NOT NULL,
    max_attempts     INT           NOT NULL,
    sends_used       INT           NOT NULL,
    last_sent_at     DATETIME(6)   NULL,
    code_method      VARCHAR(8)    NULL,
    code_hash        VARBINARY(32) NULL,
    code_issued_at   DATETIME(6)   NULL,
    code_expires_at  DATETIME(6)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6)   NOT NULL,
    verified_method  VARCHAR(8)    NULL,
    verified_at      DATETIME(6)   NULL,
    consumed_at      DATETIME(6)   NULL,
    CONSTRAINT pk_challenge PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_challenge_user ON challenge (user_id, created_at);
--rollback DROP TABLE challenge;
