package com.plmr.mfa.domain.user;

import java.time.Instant;
import java.util.Objects;

/** What one erasure deleted, row counts by kind, and when. */
public record UserErasure(UserId user, int contacts, int totpRegistrations, int challenges, int outboxMessages,
                          int sendQuotas, int failureStreaks, int recoveryCodes, Instant at) {

    public UserErasure {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
    }
}
