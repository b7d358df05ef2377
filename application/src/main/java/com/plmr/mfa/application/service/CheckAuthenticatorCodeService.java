package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.CodeMatch;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpAttempt;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a challenge's app code against every active registration of the user, in the
 * challenge's transaction. A code accepted by one registration is a {@link CodeMatch#MATCH} only
 * when that registration's accepted step advanced (compare-and-set), else it was used already. A
 * refused code counts as a failure on every registration it was checked against.
 *
 * <p>While wrong codes keep any of the user's active registrations locked, no code is checked at
 * all ({@link CodeMatch#locked}, until the last of those lockouts ends): the right code of a
 * locked app is refused as the lockout it is, not as a wrong code, and spends no challenge
 * attempt, as on the enrolment verify.
 */
public final class CheckAuthenticatorCodeService implements AuthenticatorCodeCheck {

    private final LoadTotpRegistrationsPort registrations;
    private final TotpAttempts attempts;
    private final TransactionPort transactions;

    public CheckAuthenticatorCodeService(LoadTotpRegistrationsPort registrations, RecordTotpAttemptPort record,
                                         TransactionPort transactions, SecretSealer sealer, TotpPolicy policy,
                                         ClockDriftPort drift) {
        this.registrations = registrations;
        this.attempts = new TotpAttempts(registrations, record, sealer, policy, drift);
        this.transactions = transactions;
    }

    @Override
    public CodeMatch check(UserId user, String code, Instant now) {
        return transactions.inTransaction(() -> {
            List<TotpRegistration> active = registrations.registrationsOf(user).stream()
                    .filter(TotpRegistration::isActive).toList();
            if (active.isEmpty()) {
                return CodeMatch.NO_FACTOR;
            }
            Optional<Duration> locked = active.stream().filter(registration -> registration.lockedAt(now))
                    .map(registration -> Duration.between(now, registration.lockedUntil().orElseThrow()))
                    .max(Duration::compareTo);
            if (locked.isPresent()) {
                return CodeMatch.locked(locked.get());
            }
            Map<TotpRegistration, TotpAttempt> checked = new LinkedHashMap<>();
            active.forEach(registration -> checked.put(registration, attempts.check(registration, code, now)));
            for (Map.Entry<TotpRegistration, TotpAttempt> entry : checked.entrySet()) {
                if (entry.getValue() instanceof TotpAttempt.Accepted) {
                    return matchOf(attempts.settle(entry.getKey(), entry.getValue(), now));
                }
            }
            CodeMatch best = CodeMatch.NO_MATCH;
            for (Map.Entry<TotpRegistration, TotpAttempt> entry : checked.entrySet()) {
                CodeMatch match = matchOf(attempts.settle(entry.getKey(), entry.getValue(), now));
                best = match.kind() == CodeMatch.Kind.REPLAYED ? match : best;
            }
            return best;
        });
    }

    private static CodeMatch matchOf(TotpAttempt attempt) {
        return attempt.fold(new TotpAttempt.Cases<>() {
            @Override
            public CodeMatch accepted(TotpAttempt.Accepted outcome) {
                return CodeMatch.MATCH;
            }

            @Override
            public CodeMatch replayed(TotpAttempt.Replayed outcome) {
                return CodeMatch.REPLAYED;
            }

            @Override
            public CodeMatch rejected(TotpAttempt.Rejected outcome) {
                return CodeMatch.NO_MATCH;
            }

            @Override
            public CodeMatch locked(TotpAttempt.Locked outcome) {
                return CodeMatch.locked(outcome.retryAfter());
            }
        });
    }
}
