package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.user.Actor;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks a code presented for a challenge: an SMS or e-mail code, or an authenticator-app code. */
public interface VerifyChallengeCodeUseCase {

    Access<VerificationOutcome> verify(Actor actor, Command command);

    /** @param code 6 to 9 decimal digits */
    record Command(ChallengeId challenge, ChallengeMethod method, String code) {
        private static final Pattern DIGITS = Pattern.compile("[0-9]{6,9}");

        public Command {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(method, "method");
            if (!isWellFormed(code)) {
                throw new IllegalArgumentException("a code is 6 to 9 digits");
            }
        }

        public static boolean isWellFormed(String code) {
            return code != null && DIGITS.matcher(code).matches();
        }

        @Override
        public String toString() {
            return "Command[" + challenge + ", " + method + ", code=***]";
        }
    }
}
