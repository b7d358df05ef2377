package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.UserId;

import java.util.Locale;
import java.util.Optional;

/** The language a user last asked this service to speak: the locale of the user's newest challenge that named one. */
public interface UserLanguagePort {

    Optional<Locale> languageOf(UserId user);
}
