--liquibase formatted sql

--changeset mfa-totp:002-user-contact
-- A user's phone number (E.164) and e-mail address, one of each: id is "<user id>/<kind>".
CREATE TABLE user_contact (
    id          VARCHAR(80)   NOT NULL,
    user_id     VARCHAR(64)   NOT NULL,
    kind        VARCHAR(8)    NOT NULL,
    value       VARCHAR(254)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_user_contact PRIMARY KEY (id),
    CONSTRAINT uq_user_contact UNIQUE (user_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE user_contact;
