package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.Hotp;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Starts an authenticator-app registration: a fresh secret, sealed at rest and answered once, in
 * clear, for the app. The registration stays unverified until a code of the app is accepted
 * ({@link VerifyTotpRegistrationUseCase}). Users start their own; services need
 * {@link Scopes#FACTORS_MANAGE}.
 */
public interface StartTotpRegistrationUseCase {

    Access<Started> start(Actor actor, Command command);

    /**
     * What to register; an empty value takes the service's default (the user id for the account
     * name).
     */
    record Command(UserId user, Optional<String> issuer, Optional<String> accountName,
                   Optional<HmacAlgorithm> algorithm, OptionalInt digits, Optional<Duration> period) {

        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(accountName, "accountName");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(digits, "digits");
            Objects.requireNonNull(period, "period");
            if (issuer.isPresent() && !isValidIssuer(issuer.get())) {
                throw new IllegalArgumentException("the issuer must be non-blank, short and have no colon");
            }
            if (accountName.isPresent() && !isValidAccountName(accountName.get())) {
                throw new IllegalArgumentException("the account name must be non-blank, short and have no colon");
            }
            if (digits.isPresent() && (digits.getAsInt() < Hotp.MIN_DIGITS || digits.getAsInt() > Hotp.MAX_DIGITS)) {
                throw new IllegalArgumentException("digits must be " + Hotp.MIN_DIGITS + ".." + Hotp.MAX_DIGITS);
            }
        }

        public static boolean isValidIssuer(String value) {
            return TotpRegistration.isValidLabelPart(value, TotpRegistration.MAX_ISSUER_LENGTH);
        }

        public static boolean isValidAccountName(String value) {
            return TotpRegistration.isValidLabelPart(value, TotpRegistration.MAX_ACCOUNT_NAME_LENGTH);
        }
    }

    /**
     * The started registration and its secret in clear, which the caller shows once to the user
     * enrolling the app (as a Key URI) and never again; its {@code toString} masks it.
     */
    record Started(TotpRegistration registration, TotpSecret secret) {
        public Started {
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(secret, "secret");
        }
    }
}
