package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every factor of a user in one answer. Users read their own; services need
 * {@link Scopes#FACTORS_MANAGE}. A user of whom nothing is stored has an empty inventory, not an
 * unknown one.
 */
public interface ListFactorsUseCase {

    Access<Factors> list(Actor actor, UserId user);

    /**
     * The user's factors: contacts (which answer only in masked form), authenticator apps with their
     * secrets sealed, oldest first, and what may be told of the recovery codes.
     */
    record Factors(UserId user, Optional<Contact> phone, Optional<Contact> email, List<TotpRegistration> apps,
                   Optional<RecoveryCodeSummary> recoveryCodes) {
        public Factors {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(email, "email");
            apps = List.copyOf(apps);
            Objects.requireNonNull(recoveryCodes, "recoveryCodes");
        }
    }
}
