package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.delivery.OtpCode;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.util.Objects;

/**
 * Proves that the app holds a registration's secret: a right code activates it. The code's time
 * step becomes the last accepted one, so the enrolment code cannot verify a challenge later (RFC
 * 6238 §5.2). Wrong codes count towards the registration's lockout.
 */
public interface VerifyTotpRegistrationUseCase {

    /** Not found when the user has no registration with this id. */
    Access<Result> verify(Actor actor, Command command);

    /**
     * The verdict on the code, and the registration as it stands after it: activated, with the
     * code's step recorded, when the verdict is {@link TotpCheck.Accepted}.
     */
    record Result(TotpRegistration registration, TotpCheck check) {
        public Result {
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(check, "check");
        }
    }

    record Command(UserId user, TotpRegistrationId registration, String code) {

        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(registration, "registration");
            if (!isWellFormed(code)) {
                throw new IllegalArgumentException("a code is 6 to 9 digits");
            }
        }

        /**
         * The wire format: 6 to 9 ASCII digits. Whether it has the registration's number of
         * digits is the check's business ({@code TotpCheck.Malformed}, refused and not counted).
         */
        public static boolean isWellFormed(String code) {
            return OtpCode.isWellFormed(code);
        }

        @Override
        public String toString() {
            return "Command[user=" + user + ", registration=" + registration + ", code=redacted]";
        }
    }
}
