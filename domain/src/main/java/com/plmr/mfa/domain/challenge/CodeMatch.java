package com.plmr.mfa.domain.challenge;

import java.time.Duration;
import java.util.Objects;

/**
 * How a presented code compares with what the challenge's method expects. Produced by the
 * matcher the caller hands to {@link Challenge#verify}: a keyed-hash comparison for delivered
 * codes, the RFC 6238 check against the user's authenticator apps for {@link ChallengeMethod#APP}.
 *
 * @param kind       the comparison's result
 * @param retryAfter for {@link Kind#LOCKED}, how long the user's authenticator app stays locked
 */
public record CodeMatch(Kind kind, Duration retryAfter) {

    public enum Kind {
        /** The code is right (and, for apps, its time step was not accepted before). */
        MATCH,
        /** The code is wrong (for apps: also a code of a time step outside the window). */
        NO_MATCH,
        /** An app code of a time step that was already accepted (RFC 6238 §5.2). */
        REPLAYED,
        /** The user has no active authenticator app to check the code against. */
        NO_FACTOR,
        /** The user's authenticator app refuses every code after too many wrong ones; nothing was checked. */
        LOCKED
    }

    public static final CodeMatch MATCH = new CodeMatch(Kind.MATCH, Duration.ZERO);
    public static final CodeMatch NO_MATCH = new CodeMatch(Kind.NO_MATCH, Duration.ZERO);
    public static final CodeMatch REPLAYED = new CodeMatch(Kind.REPLAYED, Duration.ZERO);
    public static final CodeMatch NO_FACTOR = new CodeMatch(Kind.NO_FACTOR, Duration.ZERO);

    public CodeMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static CodeMatch locked(Duration retryAfter) {
        return new CodeMatch(Kind.LOCKED, retryAfter);
    }

    /** Produces the match for a presented code; {@code issued} is {@code null} for app codes. */
    @FunctionalInterface
    public interface Matcher {
        CodeMatch match(IssuedCode issued);
    }
}
