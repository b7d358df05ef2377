package com.plmr.mfa.domain.code;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.recovery.RecoveryCode;
import com.plmr.mfa.domain.user.UserId;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Keyed hash of delivered one-time codes: HMAC-SHA-256 under a server key over the challenge id,
 * the method, the operation digest and the code. Only this hash is stored, so a database dump
 * does not reveal codes, and because a 6-digit code space is tiny, an unkeyed hash would not
 * protect it at all: the key is what makes offline guessing impossible (OWASP MFA, Kratos stores
 * codes the same way). The challenge id and method in the input bind a code to the one challenge
 * and channel it was sent for; the {@link OperationDigest} of the challenge's context binds it to
 * the operation, amount and payee it approves (PSD2 RTS Art. 5 dynamic linking): a code checked
 * against any other context, even one written into the challenge's own row, does not match.
 * Comparison is constant-time ({@link MessageDigest#isEqual}).
 */
public final class CodeHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    /** @param key at least 32 bytes of secret key material */
    public CodeHasher(byte[] key) {
        require(key != null && key.length >= 32, "key", "at least 32 bytes (256 bits)");
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The input is the id, a zero byte, the method, a zero byte, the digest's 32 bytes and the code. */
    public byte[] hash(ChallengeId challenge, ChallengeMethod method, OperationDigest operation, String code) {
        Mac mac = keyedMac();
        mac.update(challenge.value().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(method.name().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(operation.sha256());
        return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Keyed hash of a recovery code, bound to its user: HMAC-SHA-256 under the same key over
     * {@code recovery}, a zero byte, the user id, a zero byte and the code's canonical form. A hash
     * copied to another user's row matches nothing there. Being deterministic under the key, it is
     * also what a presented code is looked up by; without the key a dump of the hashes gives no way
     * to test a guess offline.
     */
    public byte[] recoveryCodeHash(UserId user, RecoveryCode code) {
        Mac mac = keyedMac();
        mac.update("recovery".getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(user.value().getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(code.value().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A keyed pseudonym of a contact value (HMAC-SHA-256 under the same key, domain-separated by
     * {@code purpose}), for counters that must name a phone number or address without storing it:
     * an unkeyed hash of a phone number is reversed by enumerating the number space.
     */
    public String pseudonym(String purpose, String value) {
        Mac mac = keyedMac();
        mac.update("pseudonym".getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time check of a presented code, for the operation as it stands, against a stored hash. */
    public boolean matches(ChallengeId challenge, ChallengeMethod method, OperationDigest operation, String presented,
                           byte[] storedHash) {
        return MessageDigest.isEqual(hash(challenge, method, operation, presented), storedHash);
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "CodeHasher[HmacSHA256, key=***]";
    }
}
