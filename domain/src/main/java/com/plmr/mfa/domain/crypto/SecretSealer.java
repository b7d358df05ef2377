package com.plmr.mfa.domain.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Seals and opens secrets with AES-256-GCM under a key ring: new secrets are sealed with the
 * active key, old ones are opened with whichever key id they carry, so keys rotate without
 * re-encrypting. A fresh 96-bit random nonce per seal (NIST SP 800-38D §8.2.2); the associated
 * data binds a ciphertext to its purpose and owner (e.g. {@code "totp:" + registration id}), so a
 * ciphertext copied to another row does not open.
 */
public final class SecretSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final RandomGenerator random;

    public SecretSealer(Map<String, byte[]> keyRing, String activeKeyId, RandomGenerator random) {
        Objects.requireNonNull(keyRing, "keyRing");
        this.random = Objects.requireNonNull(random, "random");
        keyRing.forEach((id, key) -> require(key != null && key.length == 32, "keyRing",
                "keys of 32 bytes (256 bits); key " + id + " is not"));
        require(keyRing.containsKey(activeKeyId), "activeKeyId", "the id of a key in the key ring " + keyRing.keySet());
        this.keys = keyRing.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES")));
        this.activeKeyId = activeKeyId;
    }

    public SealedSecret seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, associatedData, plaintext);
        return new SealedSecret(activeKeyId, ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /** @throws IllegalStateException when the key id is unknown or the ciphertext was tampered with */
    public byte[] open(SealedSecret secret, String associatedData) {
        SecretKeySpec key = keys.get(secret.keyId());
        if (key == null) {
            throw new IllegalStateException("no key with id " + secret.keyId() + " in the key ring");
        }
        byte[] all = secret.ciphertext();
        byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return run(Cipher.DECRYPT_MODE, key, nonce, associatedData, body);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] nonce, String aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open") + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "SecretSealer[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}
