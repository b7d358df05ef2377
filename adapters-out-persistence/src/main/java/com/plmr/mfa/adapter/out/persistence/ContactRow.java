package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A user's contact; {@code id} is {@code "<user id>/<kind>"}, so a user has one of each kind. */
@MappedEntity("user_contact")
record ContactRow(@Id String id, String userId, String kind, String value, Instant createdAt, Instant changedAt) {

    static String idOf(String userId, String kind) {
        return userId + "/" + kind;
    }
}
