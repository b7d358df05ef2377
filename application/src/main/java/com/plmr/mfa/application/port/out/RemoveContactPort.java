package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

/** Deletes a user's contact of one kind. */
public interface RemoveContactPort {

    /**
     * Deletes in one counted statement, so that of two concurrent removals exactly one removes.
     *
     * @return whether this call deleted the contact
     */
    boolean remove(UserId user, ContactKind kind);
}
