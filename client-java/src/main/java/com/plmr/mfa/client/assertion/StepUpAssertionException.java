package com.plmr.mfa.client.assertion;

/** A step-up assertion was refused: the operation must not proceed on it. */
public final class StepUpAssertionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an assertion was refused. */
    public enum Reason {
        /** Not a compact JWS, or its header or claims are not the JSON of an assertion. */
        MALFORMED,
        /** Not {@code ES256} with {@code typ} {@code step-up+jwt}: some other token. */
        NOT_AN_ASSERTION,
        /** Its {@code kid} is not among the published keys, even after reading them again. */
        UNKNOWN_KEY,
        /** The signature does not verify: the token was altered or signed by another key. */
        BAD_SIGNATURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        /** Past its {@code exp}, or issued in the future. */
        EXPIRED,
        /** Its {@code operation_digest} is not the digest of the operation about to be performed. */
        OPERATION_MISMATCH,
        /** Its {@code nonce} is not the one the consumer gave when it created the challenge. */
        NONCE_MISMATCH,
        /** The published keys could not be read. */
        KEYS_UNAVAILABLE
    }

    private final Reason reason;

    StepUpAssertionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    StepUpAssertionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
