package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.List;

/**
 * Stores a user's new set of recovery codes, as keyed hashes, in place of any earlier set, on the
 * caller's transaction: the user's set is locked first, so two generations for one user queue, and
 * a code in use by a concurrent verify is either used before the set goes or gone with it.
 */
public interface ReplaceRecoveryCodesPort {

    /** @return whether the user had a set before, now deleted with all its codes */
    boolean replace(UserId user, List<byte[]> codeHashes, Instant created);
}
