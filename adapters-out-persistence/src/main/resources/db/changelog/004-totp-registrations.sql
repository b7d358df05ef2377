--liquibase formatted sql

--changeset mfa-totp:004-totp-registration
-- One row per authenticator-app (RFC 6238) registration of a user. The secret is sealed with
-- AES-256-GCM (nonce, ciphertext and tag in secret_ciphertext; associated data "totp:<id>");
-- secret_key_id names the key, so keys rotate while old secrets stay readable. last_accepted_step
-- is the time step of the last accepted code (NULL: none yet), advanced only by a compare-and-set
-- so that no code is accepted twice (RFC 6238 section 5.2). consecutive_failures counts wrong
-- codes since the last success or lockout; locked_until ends a lockout. Times are UTC.
CREATE TABLE totp_registration (
    id                    VARCHAR(64)    NOT NULL,
    user_id               VARCHAR(64)    NOT NULL,
    state                 VARCHAR(12)    NOT NULL,
    algorithm             VARCHAR(8)     NOT NULL,
    digits                INT            NOT NULL,
    period_seconds        INT            NOT NULL,
    window_steps          INT            NOT NULL,
    issuer                VARCHAR(64)    NOT NULL,
    account_name          VARCHAR(128)   NOT NULL,
    secret_key_id         VARCHAR(32)    NOT NULL,
    secret_ciphertext     VARBINARY(128) NOT NULL,
    last_accepted_step    BIGINT         NULL,
    consecutive_failures  INT            NOT NULL,
    locked_until          DATETIME(6)    NULL,
    created_at            DATETIME(6)    NOT NULL,
    changed_at            DATETIME(6)    NOT NULL,
    CONSTRAINT pk_totp_registration PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_totp_registration_user ON totp_registration (user_id, created_at);
--rollback DROP TABLE totp_registration;
