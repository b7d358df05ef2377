package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.ResetFactorsPort;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.factor.FactorKind;
import com.plmr.mfa.domain.factor.FactorReset;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A reset of a user's factors in plain SQL on the caller's transaction. The pending challenges are
 * found through ix_challenge_user and then locked one by one by the use case; the factors are
 * deleted by the user's id (uq_user_contact, ix_totp_registration_user, the recovery codes' keys),
 * each a counted statement; a set of recovery codes goes before its codes, the order their generation
 * takes.
 */
@Singleton
@ReportsUnavailableStore
class FactorResetPersistenceAdapter implements ResetFactorsPort {

    private final TransactionalSql sql;

    FactorResetPersistenceAdapter(TransactionalSql sql) {
        this.sql = sql;
    }

    @Override
    public List<ChallengeId> pendingChallengesOf(UserId user, Instant now) {
        return sql.texts("SELECT id FROM challenge WHERE user_id = ? AND status = 'PENDING' AND expires_at > ?"
                + " ORDER BY created_at, id", user.value(), Timestamp.from(now)).stream().map(ChallengeId::new).toList();
    }

    @Override
    public FactorReset.Removed removeFactors(UserId user, Set<FactorKind> kinds) {
        int phones = kinds.contains(FactorKind.PHONE) ? removeContact(user, ContactKind.PHONE) : 0;
        int emails = kinds.contains(FactorKind.EMAIL) ? removeContact(user, ContactKind.EMAIL) : 0;
        int apps = kinds.contains(FactorKind.APP)
                ? sql.update("DELETE FROM totp_registration WHERE user_id = ?", user.value()) : 0;
        int recoveryCodes = kinds.contains(FactorKind.RECOVERY_CODES) ? removeRecoveryCodes(user) : 0;
        return new FactorReset.Removed(phones, emails, apps, recoveryCodes);
    }

    private int removeRecoveryCodes(UserId user) {
        sql.update("DELETE FROM recovery_code_set WHERE user_id = ?", user.value());
        return sql.update("DELETE FROM recovery_code WHERE user_id = ?", user.value());
    }

    private int removeContact(UserId user, ContactKind kind) {
        return sql.update("DELETE FROM user_contact WHERE user_id = ? AND kind = ?", user.value(), kind.name());
    }
}
