package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.user.Actor;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a challenge's app code against every active registration of the user, read locked with
 * the challenge, in the challenge's transaction. A code accepted by one registration is {@link
 * TotpCheck.Accepted} only when that registration's accepted step advanced (compare-and-set), else
 * it was used already. A refused code counts as a failure on every registration it was checked
 * against; the answer is the most telling refusal (a replay, then a wrong code). A text of a length
 * none of the apps has checks nothing and counts nowhere; one that fits some apps is checked
 * against those only.
 *
 * <p>While wrong codes keep any of the user's active registrations locked, no code is checked at
 * all ({@link TotpCheck.Locked}, until the last of those lockouts ends): the right code of a
 * locked app is refused as the lockout it is, not as a wrong code, and spends no challenge
 * attempt, as on the enrolment verify.
 *
 * <p>Every active registration is unsealed and checked, whatever the code: the same work for a
 * right code as for a wrong one, for a given number of apps. Stopping at the first match (most
 * recently used first) would save the other apps' work on right codes only, and that difference is
 * what a caller timing the answers would read: whether a code was right, and which app it belongs
 * to. The registrations come read locked with the challenge, so what a wrong code changes is
 * written without a second read, with the verify's other updates where the caller combines them.
 */
public final class CheckAuthenticatorCodeService implements AuthenticatorCodeCheck {

    private final TotpAttempts attempts;

    public CheckAuthenticatorCodeService(RecordTotpAttemptPort record, SecretSealer sealer, TotpPolicy policy,
                                         ClockDriftPort drift, AuditTrail audit) {
        this.attempts = new TotpAttempts(record, sealer, policy, drift, audit);
    }

    @Override
    public Optional<TotpCheck> check(Actor actor, List<TotpRegistration> registrations, String code, Instant now) {
        List<TotpRegistration> active = registrations.stream().filter(TotpRegistration::isActive).toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> locked = active.stream().filter(registration -> registration.lockedAt(now))
                .map(registration -> Duration.between(now, registration.lockedUntil().orElseThrow()))
                .max(Duration::compareTo);
        return Optional.of(locked.<TotpCheck>map(TotpCheck.Locked::new).orElseGet(() -> checked(actor, active, code, now)));
    }

    private TotpCheck checked(Actor actor, List<TotpRegistration> active, String code, Instant now) {
        Map<TotpRegistration, TotpCheck> checks = new LinkedHashMap<>();
        active.forEach(registration -> checks.put(registration, attempts.check(registration, code, now)));
        for (Map.Entry<TotpRegistration, TotpCheck> entry : checks.entrySet()) {
            if (entry.getValue().authenticates()) {
                return attempts.settle(actor, entry.getKey(), entry.getValue(), now).check();
            }
        }
        TotpCheck answer = new TotpCheck.Malformed(active.stream()
                .map(registration -> registration.parameters().digits()).collect(Collectors.toSet()));
        for (Map.Entry<TotpRegistration, TotpCheck> entry : checks.entrySet()) {
            TotpCheck settled = attempts.settle(actor, entry.getKey(), entry.getValue(), now).check();
            answer = rank(settled) > rank(answer) ? settled : answer;
        }
        return answer;
    }

    /**
     * How telling a refusal is for all the apps: a replay (wait for the next code), then a wrong
     * code; a text that fits none of the apps' lengths is answered with all of them.
     */
    private static int rank(TotpCheck check) {
        return check.fold(new TotpCheck.Cases<>() {
            @Override
            public Integer accepted(TotpCheck.Accepted accepted) {
                return 4;
            }

            @Override
            public Integer replayed(TotpCheck.Replayed replayed) {
                return 3;
            }

            @Override
            public Integer rejected(TotpCheck.Rejected rejected) {
                return 2;
            }

            @Override
            public Integer locked(TotpCheck.Locked locked) {
                return 1;
            }

            @Override
            public Integer malformed(TotpCheck.Malformed malformed) {
                return 0;
            }
        });
    }
}
