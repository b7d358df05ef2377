package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.EraseUserUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.EraseUserDataPort;
import com.plmr.mfa.application.port.out.ErasureRecordPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserErasure;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;

public final class EraseUserService implements EraseUserUseCase {

    /** The purpose the user id is hashed for in the erasure record, apart from every other pseudonym. */
    static final String PSEUDONYM_PURPOSE = "erased-user";
    private final EraseUserDataPort rows;
    private final ErasureRecordPort records;
    private final TransactionPort transactions;
    private final CodeHasher hasher;
    private final Clock clock;

    public EraseUserService(EraseUserDataPort rows, ErasureRecordPort records, TransactionPort transactions,
                            CodeHasher hasher, Clock clock) {
        this.rows = rows;
        this.records = records;
        this.transactions = transactions;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public Access<UserErasure> erase(Actor actor, UserId user) {
        if (!actor.isServiceWith(Scopes.USERS_ERASE)) {
            return new Access.Forbidden<>();
        }
        UserErasure erased = transactions.inTransaction(() -> rows.eraseAllOf(user, clock.instant()));
        records.erased(hasher.pseudonym(PSEUDONYM_PURPOSE, user.value()), erased);
        return Access.granted(erased);
    }
}
