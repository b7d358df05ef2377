--liquibase formatted sql

--changeset mfa-totp:005-send-quota
-- Sends counted per fixed window, shared by every instance. quota_key is "u:<user id>" or
-- "d:<keyed pseudonym of the destination>": no phone number or address is stored here. Rows of
-- past windows are dead weight only; purge those older than a day at leisure.
CREATE TABLE send_quota (
    quota_key       VARCHAR(100)  NOT NULL,
    window_seconds  INT           NOT NULL,
    window_start    DATETIME(6)   NOT NULL,
    sends           INT           NOT NULL,
    CONSTRAINT pk_send_quota PRIMARY KEY (quota_key, window_seconds, window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_send_quota_window ON send_quota (window_start);
--rollback DROP TABLE send_quota;

--changeset mfa-totp:005-verify-failure-streak
-- Consecutive verify failures per user across challenges (NIST SP 800-63B 5.2.2), reset by a success.
CREATE TABLE verify_failure_streak (
    user_id       VARCHAR(64)  NOT NULL,
    failures      INT          NOT NULL,
    locked_until  DATETIME(6)  NULL,
    CONSTRAINT pk_verify_failure_streak PRIMARY KEY (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE verify_failure_streak;
