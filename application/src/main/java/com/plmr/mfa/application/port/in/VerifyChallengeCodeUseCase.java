package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.delivery.OtpCode;
import com.plmr.mfa.domain.recovery.RecoveryCode;
import com.plmr.mfa.domain.user.Actor;

import java.util.Objects;

/**
 * Checks a code presented for a challenge: an SMS or e-mail code, an authenticator-app code, or one of
 * the user's recovery codes.
 */
public interface VerifyChallengeCodeUseCase {

    Access<VerificationOutcome> verify(Actor actor, Command command);

    /**
     * @param code 6 to 9 decimal digits, or for {@link ChallengeMethod#RECOVERY} a text that
     *             {@link RecoveryCode#parse} reads as a recovery code
     */
    record Command(ChallengeId challenge, ChallengeMethod method, String code) {

        public Command {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(method, "method");
            if (!isWellFormed(method, code)) {
                throw new IllegalArgumentException(method == ChallengeMethod.RECOVERY
                        ? "a recovery code is 12 symbols of its alphabet" : "a code is 6 to 9 digits");
            }
        }

        /** Whether {@code code} can be a code of {@code method}: see {@link OtpCode#isWellFormed}. */
        public static boolean isWellFormed(ChallengeMethod method, String code) {
            return method == ChallengeMethod.RECOVERY ? RecoveryCode.isWellFormed(code) : OtpCode.isWellFormed(code);
        }

        /** The recovery code presented, read leniently. */
        public RecoveryCode recoveryCode() {
            return RecoveryCode.parse(code).orElseThrow(() -> new IllegalStateException(method + " code"));
        }

        @Override
        public String toString() {
            return "Command[" + challenge + ", " + method + ", code=***]";
        }
    }
}
