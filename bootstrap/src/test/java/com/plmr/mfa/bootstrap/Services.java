package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.domain.user.Actor;

import java.util.Set;

/** A trusted back-office service acting through the use cases, as test set-up does. */
final class Services {

    static final Actor ALL = new Actor.Service("test-setup", Set.of(TestTokens.ALL_SCOPES.split(" ")));

    private Services() {
    }

    /** The use case's answer when access was granted; a set-up that is refused is a broken test. */
    static <T> T granted(Access<T> access) {
        if (access instanceof Access.Granted<T> granted) {
            return granted.value();
        }
        throw new IllegalStateException("test set-up was refused: " + access);
    }
}
