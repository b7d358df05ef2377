package com.plmr.mfa.domain.challenge;

/**
 * How a presented code compares with what the challenge's method expects. Produced by the
 * matcher the caller hands to {@link Challenge#verify}: a keyed-hash comparison for delivered
 * codes, the RFC 6238 check against the user's authenticator apps for {@link ChallengeMethod#APP}.
 *
 * @param kind     the comparison's result
 * @param stepsOff for {@link Kind#OUT_OF_WINDOW}, how many time steps the device clock is off
 */
public record CodeMatch(Kind kind, long stepsOff) {

    public enum Kind {
        /** The code is right (and, for apps, its time step was not accepted before). */
        MATCH,
        /** The code is wrong. */
        NO_MATCH,
        /** An app code of a time step that was already accepted (RFC 6238 §5.2). */
        REPLAYED,
        /** An app code that matches a time step outside the window: the device clock is off. */
        OUT_OF_WINDOW,
        /** The user has no active authenticator app to check the code against. */
        NO_FACTOR
    }

    public static final CodeMatch MATCH = new CodeMatch(Kind.MATCH, 0);
    public static final CodeMatch NO_MATCH = new CodeMatch(Kind.NO_MATCH, 0);
    public static final CodeMatch REPLAYED = new CodeMatch(Kind.REPLAYED, 0);
    public static final CodeMatch NO_FACTOR = new CodeMatch(Kind.NO_FACTOR, 0);

    public CodeMatch {
        java.util.Objects.requireNonNull(kind, "kind");
    }

    public static CodeMatch outOfWindow(long stepsOff) {
        return new CodeMatch(Kind.OUT_OF_WINDOW, stepsOff);
    }

    /** Produces the match for a presented code; {@code issued} is {@code null} for app codes. */
    @FunctionalInterface
    public interface Matcher {
        CodeMatch match(IssuedCode issued);
    }
}
