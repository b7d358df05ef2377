--liquibase formatted sql

--changeset mfa-totp:011-challenge-requester
-- Who asked for each step-up: the consumer service that created the challenge (its client id, as
-- long as its identity provider made it: the audience of the step-up assertion) and the nonce the
-- consumer asked the assertion to carry. A challenge created before takes its creator from the audit
-- trail's challenge.created event; one without such an event keeps NULL, and its assertion is then
-- addressed to the service that consumes it.
ALTER TABLE challenge ADD COLUMN requested_by TEXT NULL, ADD COLUMN nonce VARCHAR(128) NULL;
UPDATE challenge c JOIN audit_event a ON a.challenge_id = c.id AND a.type = 'challenge.created'
    AND a.actor_kind = 'SERVICE'
SET c.requested_by = a.actor_id
WHERE c.requested_by IS NULL;
--rollback ALTER TABLE challenge DROP COLUMN requested_by, DROP COLUMN nonce;
