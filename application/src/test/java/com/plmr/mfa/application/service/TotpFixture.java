package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

/** What the TOTP service tests share: fixed instants, a seeded sealer, the policy and the app's side. */
final class TotpFixture {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final TotpPolicy POLICY = new TotpPolicy("ACME", TotpParameters.defaults(), 3, Duration.ofMinutes(5));
    static final SecretSealer SEALER = new SecretSealer(Map.of("k1", new byte[32]), "k1", new Random(1));

    private TotpFixture() {
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** The code the user's app shows at {@code instant}. */
    static String appCode(TotpSecret secret, TotpParameters parameters, Instant instant) {
        Totp totp = new Totp(parameters);
        return totp.codeAt(secret, totp.timeStep(instant));
    }

    static String wrongCode(String right) {
        return right.equals("000000") ? "000001" : "000000";
    }
}
