package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

/**
 * Removes a user's phone number or e-mail address; codes of that method can no longer be sent.
 * Users remove their own; services need {@link Scopes#FACTORS_MANAGE}.
 */
public interface RemoveContactUseCase {

    /**
     * @return the contact as it was, stamped with when it was removed; not found when there was
     *         none, or when a concurrent removal took it first
     */
    Access<Contact> remove(Actor actor, UserId user, ContactKind kind);
}
