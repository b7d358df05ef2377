package com.plmr.mfa.domain.authenticator;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * One HMAC keyed with one secret, computing HOTP values (RFC 4226 §5.3) for as many counters as
 * a generation or a verification needs: the key is set once, every further counter costs one
 * HMAC computation and no allocation.
 *
 * <p>Thread confinement: a {@link Mac} is stateful and not thread-safe. Each instance owns its
 * own {@code Mac}, cloned from {@link MacSupply}, and is meant to live for one call on one
 * thread. This is preferred to a {@code ThreadLocal} cache re-keyed per call: such a cache would
 * keep the last user's key schedule in every pooled thread after the request has ended, and
 * would be rebuilt per task on virtual threads anyway, while a clone costs a fraction of one HMAC.
 */
final class OtpMac {

    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };

    private final Mac mac;
    private final byte[] message = new byte[Long.BYTES];
    private final byte[] digest;

    private OtpMac(Mac mac) {
        this.mac = mac;
        this.digest = new byte[mac.getMacLength()];
    }

    static OtpMac keyedWith(TotpSecret secret, HmacAlgorithm algorithm) {
        return keyedWith(MacSupply.fresh(algorithm), secret, algorithm);
    }

    /** Keys {@code mac}, a new, uninitialised {@link Mac} of {@code algorithm}. */
    static OtpMac keyedWith(Mac mac, TotpSecret secret, HmacAlgorithm algorithm) {
        try {
            mac.init(secret.macKey(algorithm));
        } catch (InvalidKeyException rejected) {
            throw new IllegalStateException(algorithm.macName() + " rejected a raw key", rejected);
        }
        return new OtpMac(mac);
    }

    /** The HOTP value of {@code counter} as a zero-padded decimal string of {@code digits}. */
    String code(long counter, int digits) {
        byte[] ascii = new byte[digits];
        writeCode(counter, ascii);
        return new String(ascii, StandardCharsets.US_ASCII);
    }

    /** Writes the HOTP value of {@code counter} as ASCII digits, one per byte of {@code out}. */
    void writeCode(long counter, byte[] out) {
        int value = truncatedValue(counter) % POWERS_OF_TEN[out.length];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** {@code DT(HMAC(K, C))} of RFC 4226 §5.3 step 2, before the reduction modulo 10^Digit. */
    int truncatedValue(long counter) {
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= Byte.SIZE;
        }
        mac.update(message);
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException impossible) {
            throw new IllegalStateException("digest buffer is sized by the Mac itself", impossible);
        }
        return dynamicTruncation(digest);
    }

    /**
     * RFC 4226 §5.3: the low nibble of the last byte selects four bytes, read big-endian with the
     * top bit cleared so that no signed/unsigned ambiguity reaches the modulo. The reference code
     * of RFC 6238 Appendix A applies the same rule to the longer SHA-256 and SHA-512 outputs.
     */
    static int dynamicTruncation(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        return (hmac[offset] & 0x7f) << 24
                | (hmac[offset + 1] & 0xff) << 16
                | (hmac[offset + 2] & 0xff) << 8
                | (hmac[offset + 3] & 0xff);
    }
}
