package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.EraseUserUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.EraseUserDataPort;
import com.plmr.mfa.application.port.out.ErasureRecordPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserErasure;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;

public final class EraseUserService implements EraseUserUseCase {

    /** The purpose the user id is hashed for in the erasure record, apart from every other pseudonym. */
    static final String PSEUDONYM_PURPOSE = "erased-user";
    /**
     * What an erased user is named by in the audit trail, before its pseudonym: the colon is outside
     * the user id alphabet, so no real user can be confused with an erased one.
     */
    public static final String ERASED_PREFIX = "erased:";
    private final EraseUserDataPort rows;
    private final ErasureRecordPort records;
    private final TransactionPort transactions;
    private final CodeHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;

    public EraseUserService(EraseUserDataPort rows, ErasureRecordPort records, TransactionPort transactions,
                            CodeHasher hasher, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.rows = rows;
        this.records = records;
        this.transactions = transactions;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public Access<UserErasure> erase(Actor actor, UserId user) {
        if (!actor.isServiceWith(Scopes.USERS_ERASE)) {
            return audit.refusedAccess(new Access.Forbidden<>(), actor, AuditType.USER_ERASE_REFUSED,
                    Subject.user(user.value()));
        }
        String pseudonym = hasher.pseudonym(PSEUDONYM_PURPOSE, user.value());
        UserErasure erased = transactions.inTransaction(() -> {
            UserErasure erasure = rows.eraseAllOf(user, ERASED_PREFIX + pseudonym, clock.instant());
            audit.record(actor, AuditType.USER_ERASED, null, Subject.user(ERASED_PREFIX + pseudonym));
            return erasure;
        });
        records.erased(pseudonym, erased);
        return Access.granted(erased);
    }
}
