package com.plmr.mfa.domain.authenticator;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key shared between this service and one authenticator app (RFC 4226 §5.1 "K").
 *
 * <p>Invariants: at least {@value #MIN_BYTES} bytes (RFC 4226 §4, requirement R6: at least 128
 * bits); the bytes are copied on the way in and on the way out, so no caller can change a secret
 * after it was validated or through an array it was handed.
 *
 * <p>Security: {@link #toString()} names the length only, so a secret that ends up in a log line
 * or an exception message discloses nothing. {@link #equals} compares in time independent of the
 * content ({@link MessageDigest#isEqual}). The hash code is derived from the key, so it must not
 * be exposed either. The bytes from {@link #bytes()} are the secret itself: they belong in the
 * enrolment response (written there as base32 by the REST adapter) and in encrypted storage,
 * nowhere else.
 */
public final class TotpSecret {

    /** The shortest key accepted, in bytes (RFC 4226 §4, R6). */
    public static final int MIN_BYTES = 16;

    private final byte[] key;

    private TotpSecret(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException(
                    "a TOTP secret needs at least " + MIN_BYTES + " bytes, got " + key.length);
        }
        this.key = key;
    }

    /** A secret over a copy of {@code key}. */
    public static TotpSecret of(byte[] key) {
        return new TotpSecret(Objects.requireNonNull(key, "key").clone());
    }

    /**
     * A fresh secret of {@link HmacAlgorithm#recommendedSecretBytes()} bytes. The secret is only as
     * strong as {@code random}: RFC 4226 §7.5 asks for a secure random source (RFC 4086), so
     * production code passes a {@link java.security.SecureRandom}; only tests pass seeded ones.
     */
    public static TotpSecret random(RandomGenerator random, HmacAlgorithm algorithm) {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(algorithm, "algorithm");
        byte[] key = new byte[algorithm.recommendedSecretBytes()];
        random.nextBytes(key);
        return new TotpSecret(key);
    }

    /** A copy of the key bytes. */
    public byte[] bytes() {
        return key.clone();
    }

    /** The key length in bytes. */
    public int length() {
        return key.length;
    }

    /** The key for {@code javax.crypto.Mac#init}; the spec holds its own copy of the bytes. */
    SecretKeySpec macKey(HmacAlgorithm algorithm) {
        return new SecretKeySpec(key, algorithm.macName());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "TotpSecret[" + key.length + " bytes, redacted]";
    }
}
