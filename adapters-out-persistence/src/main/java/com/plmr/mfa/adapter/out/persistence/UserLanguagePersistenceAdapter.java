package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.UserLanguagePort;
import com.plmr.mfa.domain.user.UserId;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The locale of the user's newest challenge that named one, on the caller's transaction: one range of
 * ix_challenge_user read backwards.
 */
@Singleton
@ReportsUnavailableStore
class UserLanguagePersistenceAdapter implements UserLanguagePort {

    private final TransactionalSql sql;

    UserLanguagePersistenceAdapter(TransactionalSql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Locale> languageOf(UserId user) {
        return sql.texts("SELECT locale FROM challenge WHERE user_id = ? AND locale IS NOT NULL"
                + " ORDER BY created_at DESC LIMIT 1", user.value()).stream().findFirst().map(Locale::forLanguageTag);
    }
}
