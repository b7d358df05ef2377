package com.plmr.mfa.domain.recovery;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * How many codes a generated set has: 10 by default, as Kratos' lookup secrets and GitHub's (Keycloak
 * makes 12). More unused codes are more that can leak from wherever the user keeps them, so at most
 * {@value #MAX_CODES}.
 *
 * @param codes codes per set, 1..{@value #MAX_CODES}
 */
public record RecoveryCodePolicy(int codes) {

    public static final int MAX_CODES = 20;

    public RecoveryCodePolicy {
        require(codes >= 1 && codes <= MAX_CODES, "codes", "1 to " + MAX_CODES);
    }

    public static RecoveryCodePolicy defaults() {
        return new RecoveryCodePolicy(10);
    }
}
