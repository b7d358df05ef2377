--liquibase formatted sql

--changeset mfa-totp:009-audit-events
-- The audit trail: one row per decision (a state change or a refusal), appended in the transaction of
-- the decision and never updated, except by a user's erasure, which replaces that user's id by its
-- pseudonym and drops the masked destinations. No code, secret, token or full destination is stored.
-- The query reads a user's, a challenge's or all events in (occurred_at, id) order, from a cursor:
-- each is one range of an index. The purge deletes the oldest rows through ix_audit_time; the erasure
-- finds the user's rows through ix_audit_user and those the user acted in through ix_audit_actor.
CREATE TABLE audit_event (
    id            VARCHAR(40)   NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    type          VARCHAR(40)   NOT NULL,
    reason        VARCHAR(40)   NULL,
    actor_kind    VARCHAR(8)    NOT NULL,
    actor_id      VARCHAR(255)  NOT NULL,
    user_id       VARCHAR(64)   NULL,
    challenge_id  VARCHAR(64)   NULL,
    factor_id     VARCHAR(64)   NULL,
    method        VARCHAR(8)    NULL,
    destination   VARCHAR(320)  NULL,
    request_id    VARCHAR(64)   NULL,
    steps_off     INT           NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_audit_time ON audit_event (occurred_at, id);
CREATE INDEX ix_audit_user ON audit_event (user_id, occurred_at, id);
CREATE INDEX ix_audit_challenge ON audit_event (challenge_id, occurred_at, id);
CREATE INDEX ix_audit_actor ON audit_event (actor_id);
--rollback DROP TABLE audit_event;
