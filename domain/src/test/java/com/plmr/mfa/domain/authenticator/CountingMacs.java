package com.plmr.mfa.domain.authenticator;

import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Mac;
import javax.crypto.MacSpi;

/**
 * A {@link MacSource} whose MACs are the JDK's, wrapped so that every HMAC computation (every
 * {@code doFinal}) is counted: what a verification really costs, whatever path it takes.
 */
final class CountingMacs implements MacSource {

    private int computations;

    int computations() {
        return computations;
    }

    @Override
    public Mac fresh(HmacAlgorithm algorithm) {
        Mac real = MacSupply.fresh(algorithm);
        return new Mac(new Counting(real), real.getProvider(), real.getAlgorithm()) {
        };
    }

    private final class Counting extends MacSpi {
        private final Mac real;

        Counting(Mac real) {
            this.real = real;
        }

        @Override
        protected int engineGetMacLength() {
            return real.getMacLength();
        }

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            real.init(key, params);
        }

        @Override
        protected void engineUpdate(byte input) {
            real.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            real.update(input, offset, length);
        }

        @Override
        protected void engineUpdate(ByteBuffer input) {
            real.update(input);
        }

        @Override
        protected byte[] engineDoFinal() {
            computations++;
            return real.doFinal();
        }

        @Override
        protected void engineReset() {
            real.reset();
        }
    }
}
