--liquibase formatted sql

--changeset mfa-totp:012-recovery-codes
-- A user's recovery codes. recovery_code_set has one row per user with a set: how many codes it had
-- and when it was generated; a new set overwrites the row, which is what two generations for one user
-- queue on. recovery_code has one row per code: its keyed hash (HMAC-SHA-256 under MFA_CODE_HASH_KEY
-- over the user id and the code; never the code) and when it was used (NULL: not yet). A use is the
-- conditional update "SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL": of
-- any number of concurrent uses of one code exactly one changes the row. Locks are taken set first,
-- then codes, by generation and erasure alike. Times are UTC.
CREATE TABLE recovery_code_set (
    user_id     VARCHAR(64)  NOT NULL,
    generated   INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_recovery_code_set PRIMARY KEY (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE recovery_code (
    user_id    VARCHAR(64)    NOT NULL,
    code_hash  VARBINARY(32)  NOT NULL,
    used_at    DATETIME(6)    NULL,
    CONSTRAINT pk_recovery_code PRIMARY KEY (user_id, code_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE recovery_code; DROP TABLE recovery_code_set;
