package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.UserErasure;

/**
 * Keeps a pseudonymous record that an erasure happened: the counts and time, with the user named
 * only by a keyed hash, so an operator holding the key can confirm a given user was erased while the
 * record itself names nobody. Called after the erasure committed.
 */
public interface ErasureRecordPort {

    void erased(String userPseudonym, UserErasure erasure);
}
