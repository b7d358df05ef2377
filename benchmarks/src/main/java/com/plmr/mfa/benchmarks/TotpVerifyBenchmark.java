package com.plmr.mfa.benchmarks;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifying a right code within a window of one step either side, as a verifier does it: our
 * engine ({@link Totp#verify}, constant-time over the whole window) against java-otp, through its
 * String API (generate the window's three codes as text and compare) and its int API (generate
 * them as numbers and compare with the entry parsed once), and against the floor every verifier
 * pays: one {@code Mac} keyed and three HMACs computed; and a wrong code through the engine, which
 * costs what a right one does. All run in one JVM, side by side, so their
 * ratios are meaningful on a noisy machine even when the absolute figures are not. Run it with
 * {@code -prof gc} to see the bytes each verification allocates.
 *
 * <p>Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests -Dspec.lint.skip=true &&
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main TotpVerify -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TotpVerifyBenchmark {

    @Param({"SHA1", "SHA256", "SHA512"})
    public String algorithm;

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private Totp totp;
    private TotpSecret secret;
    private String code;
    private String wrongCode;
    private TimeBasedOneTimePasswordGenerator javaOtp;
    private SecretKeySpec key;
    private Mac mac;
    private final byte[] counter = new byte[8];

    @Setup
    public void setUp() throws InvalidKeyException {
        HmacAlgorithm alg = HmacAlgorithm.valueOf(algorithm);
        secret = TotpSecret.random(new Random(42), alg);
        totp = new Totp(new TotpParameters(alg, 6, Duration.ofSeconds(30), 1));
        code = totp.codeAt(secret, totp.timeStep(NOW) + 1);
        wrongCode = totp.codeAt(secret, totp.timeStep(NOW) + 5);
        javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, alg.macName());
        key = new SecretKeySpec(secret.bytes(), alg.macName());
        try {
            mac = Mac.getInstance(alg.macName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public TotpCheck engine() {
        return totp.verify(secret, code, NOW, Totp.NEVER);
    }

    /**
     * A wrong code: the same keyed Mac and three HMACs as a right one, and a comparison of every
     * step, so a wrong guess costs what a right one does (no timing tells them apart).
     */
    @Benchmark
    public TotpCheck engineWrongCode() {
        return totp.verify(secret, wrongCode, NOW, Totp.NEVER);
    }

    @Benchmark
    public boolean javaOtp() throws InvalidKeyException {
        boolean match = false;
        for (int offset = -1; offset <= 1; offset++) {
            match |= javaOtp.generateOneTimePasswordString(key, NOW.plusSeconds(30L * offset)).equals(code);
        }
        return match;
    }

    @Benchmark
    public boolean javaOtpInt() throws InvalidKeyException {
        int entered = Integer.parseInt(code);
        boolean match = false;
        for (int offset = -1; offset <= 1; offset++) {
            match |= javaOtp.generateOneTimePassword(key, NOW.plusSeconds(30L * offset)) == entered;
        }
        return match;
    }

    /** What no verifier of a window of three steps can go below: one keyed Mac, three HMACs. */
    @Benchmark
    public int hmacFloor() throws InvalidKeyException {
        mac.init(key);
        long step = totp.timeStep(NOW);
        int folded = 0;
        for (long s = step - 1; s <= step + 1; s++) {
            long v = s;
            for (int i = 7; i >= 0; i--, v >>>= 8) {
                counter[i] = (byte) v;
            }
            byte[] hash = mac.doFinal(counter);
            folded ^= hash[hash.length - 1];
        }
        return folded;
    }
}
