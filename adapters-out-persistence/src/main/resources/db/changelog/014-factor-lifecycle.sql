--liquibase formatted sql

--changeset mfa-totp:014-totp-lockouts
-- The lockouts of an authenticator-app registration since its last accepted code: each next lockout
-- lasts twice as long as the one before, up to MFA_TOTP_MAX_LOCKOUT. Rows of before this column
-- start at 0, as does every accepted code. ix_totp_registration_unverified lets the purge find the
-- unverified registrations whose enrolment ran out, oldest first, without a scan of the table.
ALTER TABLE totp_registration ADD COLUMN lockouts INT NOT NULL DEFAULT 0;
CREATE INDEX ix_totp_registration_unverified ON totp_registration (state, created_at);
--rollback DROP INDEX ix_totp_registration_unverified ON totp_registration; ALTER TABLE totp_registration DROP COLUMN lockouts;

--changeset mfa-totp:014-audit-note
-- The justification a person gave for a decision, kept with its event: the mandatory reason of an
-- administrator's reset of a user's factors. Erased with the user's other identifying data. A
-- nullable column without a default is an instant change on MariaDB 10.3+ and MySQL 8.0.
ALTER TABLE audit_event ADD COLUMN note VARCHAR(500) NULL;
--rollback ALTER TABLE audit_event DROP COLUMN note;
