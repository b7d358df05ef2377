package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.UserErasure;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;

/**
 * Deletes every row stored for one user, on the caller's transaction: contacts, authenticator-app
 * registrations, challenges and their outbox messages, the user's own send quotas and its failure
 * streak. Quotas per destination are kept: they are keyed by a pseudonym of the phone number or
 * address, not by the user, other users may share the destination, and they go with the purge a
 * day after their window.
 *
 * <p>The user's audit events are kept, as the security record they are, but name the user no more:
 * the user id (also where the user was the acting principal) becomes {@code pseudonym}, and masked
 * destinations are removed. An operator holding the pseudonym key can still find them for a given
 * user; nobody else can tell whose they were.
 */
public interface EraseUserDataPort {

    UserErasure eraseAllOf(UserId user, String pseudonym, Instant at);
}
