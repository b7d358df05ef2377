package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;

/**
 * Marks one of a user's recovery codes used, on the caller's transaction, with a conditional update
 * ({@code ... WHERE used_at IS NULL}): of any number of concurrent uses of one code, on any number of
 * instances, exactly one changes the row, and only that one is told so.
 */
public interface UseRecoveryCodePort {

    /** @return true when an unused code of the user with this keyed hash was marked used by this call */
    boolean markUsed(UserId user, byte[] codeHash, Instant now);
}
