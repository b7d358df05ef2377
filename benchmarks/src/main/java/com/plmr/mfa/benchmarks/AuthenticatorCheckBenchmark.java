package com.plmr.mfa.benchmarks;

import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.UserId;
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
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The crypto of an app verify for a user with {@code registrations} authenticator apps, as the
 * service does it: every active registration's secret unsealed (AES-256-GCM) and its window
 * checked, for a right code (of the last app) and for a wrong one alike, so a wrong code costs no
 * more work than a right one and the answer's timing tells nothing about which app, if any, the
 * code belongs to. Next to it, the unsealing alone and the HMAC floor of the window, so the share
 * each takes shows.
 *
 * <p>Run: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * org.openjdk.jmh.Main AuthenticatorCheck -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthenticatorCheckBenchmark {

    @Param({"1", "3"})
    public int registrations;

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final List<TotpRegistration> apps = new ArrayList<>();
    private SecretSealer sealer;
    private String rightCode;
    private String wrongCode;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        byte[] key = new byte[32];
        random.nextBytes(key);
        sealer = new SecretSealer(Map.of("k1", key), "k1", random);
        TotpParameters parameters = new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), 1);
        Totp totp = new Totp(parameters);
        for (int i = 0; i < registrations; i++) {
            TotpSecret secret = TotpSecret.random(random, HmacAlgorithm.SHA1);
            TotpRegistration started = TotpRegistration.start(TotpRegistrationId.random(random), new UserId("u-bench"),
                    parameters, "mfa-totp", "u-bench", secret, sealer, NOW);
            apps.add(started.accepted(totp.timeStep(NOW) - 10, NOW));
            rightCode = totp.codeAt(secret, totp.timeStep(NOW));
            wrongCode = totp.codeAt(secret, totp.timeStep(NOW) + 5);
        }
    }

    @Benchmark
    public void rightCode(Blackhole sink) {
        for (TotpRegistration app : apps) {
            sink.consume(app.attempt(sealer, rightCode, NOW));
        }
    }

    @Benchmark
    public void wrongCode(Blackhole sink) {
        for (TotpRegistration app : apps) {
            sink.consume(app.attempt(sealer, wrongCode, NOW));
        }
    }

    /** The unsealing alone: one AES-256-GCM open per app. */
    @Benchmark
    public void unsealOnly(Blackhole sink) {
        for (TotpRegistration app : apps) {
            sink.consume(app.openSecret(sealer));
        }
    }
}
