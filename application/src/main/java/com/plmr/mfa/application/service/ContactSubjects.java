package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

import java.util.Locale;

/** How the audit trail names a contact: by its kind ({@code phone}, {@code email}), a user has one of each. */
final class ContactSubjects {

    private ContactSubjects() {
    }

    static Subject of(UserId user, ContactKind kind) {
        return Subject.user(user.value()).withFactor(kind.name().toLowerCase(Locale.ROOT))
                .withMethod(kind == ContactKind.PHONE ? ChallengeMethod.SMS : ChallengeMethod.EMAIL);
    }
}
