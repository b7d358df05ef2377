package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.CodeMatch;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpAttempt;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a challenge's app code against every active, unlocked registration of the user, in the
 * challenge's transaction. A code accepted by one registration is a {@link CodeMatch#MATCH} only
 * when that registration's accepted step advanced (compare-and-set), else it was used already. A
 * refused code counts as a failure on every registration it was checked against; locked ones are
 * skipped and never match.
 */
public final class CheckAuthenticatorCodeService implements AuthenticatorCodeCheck {

    private final LoadTotpRegistrationsPort registrations;
    private final TotpAttempts attempts;
    private final TransactionPort transactions;

    public CheckAuthenticatorCodeService(LoadTotpRegistrationsPort registrations, RecordTotpAttemptPort record,
                                         TransactionPort transactions, SecretSealer sealer, TotpPolicy policy) {
        this.registrations = registrations;
        this.attempts = new TotpAttempts(registrations, record, sealer, policy);
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
            Map<TotpRegistration, TotpAttempt> checked = new LinkedHashMap<>();
            active.stream().filter(registration -> !registration.lockedAt(now))
                    .forEach(registration -> checked.put(registration, attempts.check(registration, code, now)));
            for (Map.Entry<TotpRegistration, TotpAttempt> entry : checked.entrySet()) {
                if (entry.getValue() instanceof TotpAttempt.Accepted) {
                    return matchOf(attempts.settle(entry.getKey(), entry.getValue(), now));
                }
            }
            CodeMatch best = CodeMatch.NO_MATCH;
            for (Map.Entry<TotpRegistration, TotpAttempt> entry : checked.entrySet()) {
                CodeMatch match = matchOf(attempts.settle(entry.getKey(), entry.getValue(), now));
                best = rank(match) > rank(best) ? match : best;
            }
            return best;
        });
    }

    /** The most telling refusal wins: a replay, then a clock hint, then a plain mismatch. */
    private static int rank(CodeMatch match) {
        return switch (match.kind()) {
            case REPLAYED -> 2;
            case OUT_OF_WINDOW -> 1;
            default -> 0;
        };
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
            public CodeMatch clockSkew(TotpAttempt.ClockSkew outcome) {
                return CodeMatch.outOfWindow(outcome.stepsOff());
            }

            @Override
            public CodeMatch rejected(TotpAttempt.Rejected outcome) {
                return CodeMatch.NO_MATCH;
            }

            @Override
            public CodeMatch locked(TotpAttempt.Locked outcome) {
                return CodeMatch.NO_MATCH;
            }
        });
    }
}
