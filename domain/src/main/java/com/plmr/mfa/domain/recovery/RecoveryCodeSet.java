package com.plmr.mfa.domain.recovery;

import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A freshly generated set of a user's recovery codes, in clear: it exists only between its
 * generation and the one answer that shows it; what is stored is the keyed hash of each code.
 *
 * <p>Invariant: the codes are distinct (a repeat among 60-bit draws is as good as impossible, but
 * two equal codes would be one code counted twice).
 */
public record RecoveryCodeSet(UserId user, List<RecoveryCode> codes, Instant created) {

    public RecoveryCodeSet {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(created, "created");
        codes = List.copyOf(codes);
        if (codes.isEmpty() || Set.copyOf(codes).size() != codes.size()) {
            throw new IllegalArgumentException("a set has at least one code and no code twice");
        }
    }

    /** A set of the policy's number of distinct codes drawn from {@code random}. */
    public static RecoveryCodeSet generate(UserId user, RecoveryCodePolicy policy, RandomGenerator random,
                                           Instant now) {
        Set<RecoveryCode> codes = new LinkedHashSet<>();
        while (codes.size() < policy.codes()) {
            codes.add(RecoveryCode.random(random));
        }
        return new RecoveryCodeSet(user, List.copyOf(codes), now);
    }

    @Override
    public String toString() {
        return "RecoveryCodeSet[" + user + ", " + codes.size() + " codes, " + created + "]";
    }
}
