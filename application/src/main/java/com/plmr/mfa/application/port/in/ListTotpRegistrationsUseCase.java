package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.util.List;

/** A user's authenticator apps, oldest first; their secrets stay sealed. */
public interface ListTotpRegistrationsUseCase {

    Access<List<TotpRegistration>> list(Actor actor, UserId user);
}
