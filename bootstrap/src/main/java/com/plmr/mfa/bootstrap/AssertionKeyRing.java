package com.plmr.mfa.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.plmr.mfa.domain.ParameterException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.KeyAgreement;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * The keys step-up assertions are signed with ({@code MFA_ASSERTION_KEYS}): one or more P-256
 * private keys as PEM (PKCS #8, {@code -----BEGIN PRIVATE KEY-----}), as
 * {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256} writes them, one after
 * the other. The first signs; all are published, so a key stays listed after a rotation until the
 * last assertion it signed has expired. Each key's {@code kid} is its RFC 7638 thumbprint, so
 * operators name nothing and a verifier can recompute it.
 *
 * <p>With no keys configured, the {@code dev} and {@code test} environments generate one key at
 * start (assertions signed before a restart no longer verify); anywhere else the start stops.
 */
record AssertionKeyRing(List<SigningKey> keys) {

    static final int MAX_KEYS = 10;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final String FORMAT = "P-256 private keys as PEM (-----BEGIN PRIVATE KEY-----, from openssl genpkey"
            + " -algorithm EC -pkeyopt ec_paramgen_curve:P-256), the signing key first, at most " + MAX_KEYS;

    /** One key pair and its {@code kid}. */
    record SigningKey(String kid, ECPrivateKey privateKey, ECPublicKey publicKey) {
    }

    AssertionKeyRing {
        keys = List.copyOf(keys);
    }

    SigningKey signing() {
        return keys.get(0);
    }

    /**
     * @param pem         the setting; {@code \n} written as two characters (an environment variable on
     *                    one line) reads as a line break
     * @param development whether the environment may generate a key when none is configured
     */
    static AssertionKeyRing of(String pem, boolean development) {
        if (pem.isBlank()) {
            require(development, "keys", "set to " + FORMAT + ": keys are generated only in the dev and test environments");
            return new AssertionKeyRing(List.of(generated()));
        }
        String text = pem.replace("\\n", "\n");
        List<SigningKey> keys = new ArrayList<>();
        Matcher block = PEM.matcher(text);
        int end = 0;
        while (block.find()) {
            require(text.substring(end, block.start()).isBlank(), "keys", FORMAT);
            keys.add(parsed(block.group(1)));
            end = block.end();
        }
        require(!keys.isEmpty() && keys.size() <= MAX_KEYS && text.substring(end).isBlank(), "keys", FORMAT);
        require(keys.stream().map(SigningKey::kid).collect(Collectors.toSet()).size() == keys.size(),
                "keys", FORMAT + ", each key once");
        return new AssertionKeyRing(keys);
    }

    private static SigningKey parsed(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
            if (!(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof ECPrivateKey key)
                    || !isP256(key.getParams())) {
                throw new ParameterException("keys", FORMAT);
            }
            return named(key, publicOf(key));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw e instanceof ParameterException refused ? refused : new ParameterException("keys", FORMAT);
        }
    }

    private static SigningKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(p256(), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            return named((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is required by every Java platform", e);
        }
    }

    private static SigningKey named(ECPrivateKey privateKey, ECPublicKey publicKey) {
        try {
            String kid = new ECKey.Builder(Curve.P_256, publicKey).build().computeThumbprint().toString();
            return new SigningKey(kid, privateKey, publicKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The public key d·G of a private key d, which PKCS #8 need not carry: ECDH of d with the
     * generator gives the x coordinate (with the platform's own constant-time multiplication), the
     * curve equation y² = x³ - 3x + b gives y up to its sign (p ≡ 3 mod 4, so a square root is a
     * power), and a signature tells the two candidates apart.
     */
    private static ECPublicKey publicOf(ECPrivateKey key) throws GeneralSecurityException {
        ECParameterSpec curve = key.getParams();
        KeyFactory factory = KeyFactory.getInstance("EC");
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(key);
        agreement.doPhase(factory.generatePublic(new ECPublicKeySpec(curve.getGenerator(), curve)), true);
        BigInteger x = new BigInteger(1, agreement.generateSecret());
        BigInteger p = ((java.security.spec.ECFieldFp) curve.getCurve().getField()).getP();
        BigInteger ySquared = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
        BigInteger y = ySquared.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        byte[] probe = "mfa-totp assertion key".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        for (BigInteger candidate : List.of(y, p.subtract(y))) {
            ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), curve));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return publicKey;
            }
        }
        throw new ParameterException("keys", FORMAT);
    }

    private static boolean isP256(ECParameterSpec params) {
        ECParameterSpec p256 = p256();
        return params.getCurve().equals(p256.getCurve()) && params.getGenerator().equals(p256.getGenerator())
                && params.getOrder().equals(p256.getOrder());
    }

    private static ECParameterSpec p256() {
        return Curve.P_256.toECParameterSpec();
    }
}
