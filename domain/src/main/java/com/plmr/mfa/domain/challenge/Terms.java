package com.plmr.mfa.domain.challenge;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a challenge was opened on, which no transition changes: the methods that may answer it,
 * the language of its messages (or {@code null} for the caller's preference), when it was opened
 * and when it ends.
 *
 * <p>Invariant: at least one method is allowed.
 */
public record Terms(Set<ChallengeMethod> allowedMethods, Locale locale, Instant createdAt, Instant expiresAt) {

    public Terms {
        if (allowedMethods == null || allowedMethods.isEmpty()) {
            throw new IllegalArgumentException("a challenge allows at least one method");
        }
        allowedMethods = Set.copyOf(allowedMethods);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Terms from {@code now} for the policy's challenge lifetime; no methods named means every method
     * {@linkplain ChallengeMethod#isAllowedByDefault() allowed by default}.
     */
    static Terms from(Set<ChallengeMethod> allowedMethods, Locale locale, ChallengePolicy policy, Instant now) {
        Set<ChallengeMethod> methods = allowedMethods == null || allowedMethods.isEmpty()
                ? EnumSet.copyOf(EnumSet.allOf(ChallengeMethod.class).stream()
                .filter(ChallengeMethod::isAllowedByDefault).toList()) : allowedMethods;
        return new Terms(methods, locale, now, now.plus(policy.challengeTtl()));
    }

    public boolean allows(ChallengeMethod method) {
        return allowedMethods.contains(method);
    }

    /** Whether the challenge's lifetime is over at {@code now}. */
    public boolean isOverAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
