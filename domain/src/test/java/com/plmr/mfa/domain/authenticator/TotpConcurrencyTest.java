package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One {@link Totp} per algorithm is shared by all request threads, while every verification
 * clones its own HMAC from one shared prototype: concurrent verifications must each get the
 * answer computed for them alone, on one thread.
 */
class TotpConcurrencyTest {

    private static final int THREADS = 4;
    private static final int CASES_PER_THREAD = 600;

    private record Case(Totp totp, TotpSecret secret, Instant now, String code, long step) {
    }

    @Test
    void concurrent_verifications_do_not_interfere() throws Exception {
        List<List<Case>> work = casesComputedOnOneThread(new SplittableRandom(42));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (List<Case> cases : work) {
                mismatches.add(pool.submit(verifyAll(cases, start)));
            }
            start.countDown();
            for (Future<Integer> result : mismatches) {
                assertThat(result.get(1, TimeUnit.MINUTES)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Integer> verifyAll(List<Case> cases, CountDownLatch start) {
        return () -> {
            start.await();
            int mismatches = 0;
            for (Case c : cases) {
                TotpCheck check = c.totp().verify(c.secret(), c.code(), c.now(), Totp.NEVER);
                if (!check.equals(new TotpCheck.Accepted(c.step()))) {
                    mismatches++;
                }
            }
            return mismatches;
        };
    }

    private static List<List<Case>> casesComputedOnOneThread(SplittableRandom random) {
        HmacAlgorithm[] algorithms = HmacAlgorithm.values();
        Totp[] shared = new Totp[algorithms.length];
        for (HmacAlgorithm algorithm : algorithms) {
            shared[algorithm.ordinal()] =
                    new Totp(new TotpParameters(algorithm, 8, Duration.ofSeconds(30), 1));
        }
        List<List<Case>> work = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < CASES_PER_THREAD; i++) {
                HmacAlgorithm algorithm = algorithms[i % algorithms.length];
                Totp totp = shared[algorithm.ordinal()];
                TotpSecret secret = TotpSecret.random(random, algorithm);
                Instant now = Instant.ofEpochSecond(random.nextLong(0, 10_000_000_000L));
                long step = totp.timeStep(now);
                cases.add(new Case(totp, secret, now, totp.codeAt(secret, step), step));
            }
            work.add(cases);
        }
        return work;
    }
}
