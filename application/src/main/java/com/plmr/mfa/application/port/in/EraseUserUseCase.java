package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserErasure;
import com.plmr.mfa.domain.user.UserId;

/**
 * Erases everything the service stores about one user (GDPR Art. 17): contacts, authenticator-app
 * registrations, challenges with their outbox messages, the user's send quota and failure streak,
 * in one transaction. Only a service holding {@link Scopes#USERS_ERASE} may; a user may not erase
 * itself, since that would also lift its own lockouts. Erasing a user of whom nothing is stored
 * is granted and erases nothing: the request is fulfilled either way.
 */
public interface EraseUserUseCase {

    Access<UserErasure> erase(Actor actor, UserId user);
}
