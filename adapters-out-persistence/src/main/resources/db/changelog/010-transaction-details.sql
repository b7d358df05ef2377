--liquibase formatted sql

--changeset mfa-totp:010-transaction-details
-- The transaction a challenge approves (RFC 9396 authorization_details shape): type, amount as the
-- decimal text at the currency's scale and its ISO 4217 code, payee name and masked account, the
-- transaction's reference. Part of the step-up context: written by the insert that creates the
-- challenge, never by the update of its state, and emptied with the rest of the context when the
-- request is cancelled. Nullable columns without defaults: an instant change on MariaDB 10.3+ and
-- MySQL 8.0, and instances that do not know them yet leave them alone.
ALTER TABLE challenge
    ADD COLUMN transaction_type      VARCHAR(64)  NULL,
    ADD COLUMN amount_value          VARCHAR(24)  NULL,
    ADD COLUMN amount_currency       CHAR(3)      NULL,
    ADD COLUMN payee_name            VARCHAR(70)  NULL,
    ADD COLUMN payee_account         VARCHAR(34)  NULL,
    ADD COLUMN transaction_reference VARCHAR(35)  NULL;
--rollback ALTER TABLE challenge DROP COLUMN transaction_type, DROP COLUMN amount_value, DROP COLUMN amount_currency, DROP COLUMN payee_name, DROP COLUMN payee_account, DROP COLUMN transaction_reference;
