package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ReadContactUseCase;
import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

public final class ReadContactService implements ReadContactUseCase {

    private final LoadContactPort load;

    public ReadContactService(LoadContactPort load) {
        this.load = load;
    }

    @Override
    public Access<Contact> read(Actor actor, UserId user, ContactKind kind) {
        return FactorGate.enter(actor, user, () -> load.load(user, kind));
    }
}
