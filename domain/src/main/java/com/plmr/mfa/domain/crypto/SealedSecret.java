package com.plmr.mfa.domain.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret encrypted at rest: the id of the key that sealed it and the AES-GCM output
 * (12-byte nonce followed by ciphertext and 16-byte tag). Keeping the key id beside the
 * ciphertext is what lets keys rotate while old secrets stay readable.
 */
public record SealedSecret(String keyId, byte[] ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && keyId.equals(that.keyId) && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
