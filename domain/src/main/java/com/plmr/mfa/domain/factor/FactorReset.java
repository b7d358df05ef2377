package com.plmr.mfa.domain.factor;

import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one administrator's reset of a user's factors did: which kinds it covered, how many of each
 * it removed, and how many pending challenges of the user it cancelled, since no factor may answer
 * them any more.
 *
 * @param user                the user
 * @param kinds               the kinds the reset covered
 * @param phones              phone numbers removed (0 or 1)
 * @param emails              e-mail addresses removed (0 or 1)
 * @param apps                authenticator-app registrations removed
 * @param recoveryCodes       recovery codes removed, used ones included
 * @param cancelledChallenges pending challenges cancelled
 * @param at                  when, by the service's clock
 */
public record FactorReset(UserId user, Set<FactorKind> kinds, int phones, int emails, int apps, int recoveryCodes,
                          int cancelledChallenges, Instant at) {

    public FactorReset {
        Objects.requireNonNull(user, "user");
        kinds = Set.copyOf(EnumSet.copyOf(Objects.requireNonNull(kinds, "kinds")));
        Objects.requireNonNull(at, "at");
        if (phones < 0 || emails < 0 || apps < 0 || recoveryCodes < 0 || cancelledChallenges < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The counts removed by the store, for a reset that cancelled {@code cancelledChallenges} at {@code at}. */
    public record Removed(int phones, int emails, int apps, int recoveryCodes) {
    }

    public static FactorReset of(UserId user, Set<FactorKind> kinds, Removed removed, int cancelledChallenges,
                                 Instant at) {
        return new FactorReset(user, kinds, removed.phones(), removed.emails(), removed.apps(), removed.recoveryCodes(),
                cancelledChallenges, at);
    }
}
