package com.plmr.mfa.domain.authenticator;

import com.plmr.mfa.domain.ParameterException;

/**
 * The HMAC functions that TOTP may be keyed with (RFC 6238 §1.2: HMAC-SHA-1, HMAC-SHA-256,
 * HMAC-SHA-512; HOTP itself, RFC 4226 §5.2, is HMAC-SHA-1 only).
 *
 * <p>Each constant knows its JCA name, the name used by the {@code algorithm} parameter of the
 * Key URI, and the secret length this engine generates for it. RFC 4226 §4 (requirement R6)
 * demands a shared secret of at least 128 bits and recommends 160; RFC 6238 §5.1 adds that keys
 * SHOULD be as long as the HMAC output, the length its Appendix B test seeds have. RFC 2104 §3
 * notes that longer keys would not significantly increase the strength.
 */
public enum HmacAlgorithm {

    SHA1("HmacSHA1", "SHA1", 20),
    SHA256("HmacSHA256", "SHA256", 32),
    SHA512("HmacSHA512", "SHA512", 64);

    private final String macName;
    private final String otpauthName;
    private final int recommendedSecretBytes;

    HmacAlgorithm(String macName, String otpauthName, int recommendedSecretBytes) {
        this.macName = macName;
        this.otpauthName = otpauthName;
        this.recommendedSecretBytes = recommendedSecretBytes;
    }

    /** The standard JCA name, for {@code javax.crypto.Mac.getInstance}. */
    public String macName() {
        return macName;
    }

    /** The value of the Key URI's {@code algorithm} parameter. */
    public String otpauthName() {
        return otpauthName;
    }

    /** The length, in bytes, of the secrets {@link TotpSecret#random} makes for this function. */
    public int recommendedSecretBytes() {
        return recommendedSecretBytes;
    }

    /**
     * The constant whose {@link #otpauthName()} is {@code name}, compared case-insensitively as
     * authenticator apps do.
     *
     * @throws IllegalArgumentException if no constant has that name
     */
    public static HmacAlgorithm fromOtpauthName(String name) {
        for (HmacAlgorithm algorithm : values()) {
            if (algorithm.otpauthName.equalsIgnoreCase(name)) {
                return algorithm;
            }
        }
        throw new ParameterException("algorithm", "one of SHA1, SHA256, SHA512");
    }
}
