package com.plmr.mfa.benchmarks;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.plmr.mfa.domain.totp.HmacAlgorithm;
import com.plmr.mfa.domain.totp.Totp;
import com.plmr.mfa.domain.totp.TotpCheck;
import com.plmr.mfa.domain.totp.TotpParameters;
import com.plmr.mfa.domain.totp.TotpSecret;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifying a right code within a window of one step either side, as a verifier does it: our
 * engine ({@link Totp#verify}, constant-time over the whole window) against java-otp (generate the
 * three codes of the window and compare). Both run in one JVM, side by side, so their ratio is
 * meaningful on a noisy machine even when the absolute figures are not.
 *
 * <p>Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests -Dspec.lint.skip=true &&
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main TotpVerify}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TotpVerifyBenchmark {

    @Param({"SHA1", "SHA256", "SHA512"})
    public String algorithm;

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private Totp totp;
    private TotpSecret secret;
    private String code;
    private TimeBasedOneTimePasswordGenerator javaOtp;
    private SecretKeySpec key;

    @Setup
    public void setUp() throws InvalidKeyException {
        HmacAlgorithm alg = HmacAlgorithm.valueOf(algorithm);
        secret = TotpSecret.random(new Random(42), alg);
        totp = new Totp(new TotpParameters(alg, 6, Duration.ofSeconds(30), 1));
        code = totp.codeAt(secret, totp.timeStep(NOW) + 1);
        javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, alg.macName());
        key = new SecretKeySpec(secret.bytes(), alg.macName());
    }

    @Benchmark
    public TotpCheck engine() {
        return totp.verify(secret, code, NOW, Totp.NEVER);
    }

    @Benchmark
    public boolean javaOtp() throws InvalidKeyException {
        boolean match = false;
        for (int offset = -1; offset <= 1; offset++) {
            match |= javaOtp.generateOneTimePasswordString(key, NOW.plusSeconds(30L * offset)).equals(code);
        }
        return match;
    }
}
