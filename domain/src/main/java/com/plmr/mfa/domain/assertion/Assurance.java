package com.plmr.mfa.domain.assertion;

import com.plmr.mfa.domain.challenge.ChallengeMethod;

import java.util.List;

/**
 * What an assertion says about how the user stepped up: the {@code acr} (authentication context
 * class) of the method's assurance and its {@code amr} values (RFC 8176 §2), highest assurance
 * first.
 *
 * <ul>
 *   <li>An authenticator app is an OTP device (NIST SP 800-63B §5.1.4): {@code amr ["otp"]}.</li>
 *   <li>An SMS code is out of band over the phone network, a restricted authenticator (NIST SP
 *   800-63B §5.1.3.3, rev. 4 §3.1.3.3): {@code amr ["otp", "sms"]}.</li>
 *   <li>An e-mail code is not an out-of-band authenticator at all (§5.1.3.1): the lowest level, and
 *   {@code amr ["otp", "email"]}; {@code email} is not in the IANA registry of RFC 8176, which
 *   §6.1 allows, and a consumer that does not know it still sees {@code otp}.</li>
 *   <li>A recovery code is a look-up secret (NIST SP 800-63B §5.1.2): single use, 60 random bits,
 *   kept apart from the phone; below an OTP device, since it is written down and never changes,
 *   above the restricted phone network: {@code amr ["otp", "recovery"]}, {@code recovery} outside
 *   the registry like {@code email}.</li>
 * </ul>
 */
public enum Assurance {
    OTP_DEVICE("urn:plmr:mfa-totp:acr:otp-device", List.of("otp")),
    RECOVERY_CODE("urn:plmr:mfa-totp:acr:recovery-code", List.of("otp", "recovery")),
    PSTN("urn:plmr:mfa-totp:acr:pstn", List.of("otp", "sms")),
    EMAIL("urn:plmr:mfa-totp:acr:email", List.of("otp", "email"));

    private final String acr;
    private final List<String> amr;

    Assurance(String acr, List<String> amr) {
        this.acr = acr;
        this.amr = amr;
    }

    public static Assurance of(ChallengeMethod method) {
        return switch (method) {
            case APP -> OTP_DEVICE;
            case SMS -> PSTN;
            case EMAIL -> EMAIL;
            case RECOVERY -> RECOVERY_CODE;
        };
    }

    public String acr() {
        return acr;
    }

    public List<String> amr() {
        return amr;
    }
}
