package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.NoticeOutboxPort;
import com.plmr.mfa.application.port.out.UserLanguagePort;
import com.plmr.mfa.application.service.UserNotices;
import com.plmr.mfa.domain.notice.NoticeKind;
import com.plmr.mfa.domain.notice.NoticePolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import static com.plmr.mfa.domain.ParameterException.require;

/** Builds the notices to users from {@code mfa.notices.*}: which decisions notify, and how often a lockout may. */
@Factory
class NoticeFactory {

    /** How long a queued notice may wait for its delivery: a day-old notice would only confuse. */
    static final Duration VALIDITY = Duration.ofDays(1);

    @Singleton
    NoticePolicy noticePolicy(Settings settings) {
        return settings.build(values -> new NoticePolicy(kinds(values.text("enabled", "mfa.notices.events")),
                values.duration("coalescing", "mfa.notices.coalescing"), VALIDITY));
    }

    @Singleton
    UserNotices userNotices(LoadContactPort contacts, UserLanguagePort languages, NoticeOutboxPort outbox,
                            NoticePolicy policy, RandomGenerator random) {
        return new UserNotices(contacts, languages, outbox, policy, random);
    }

    /** {@code all}, {@code none}, or kinds by their codes separated by commas. */
    static Set<NoticeKind> kinds(String setting) {
        String value = setting.strip();
        if (value.equals("all")) {
            return EnumSet.allOf(NoticeKind.class);
        }
        if (value.equals("none")) {
            return EnumSet.noneOf(NoticeKind.class);
        }
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        for (String code : value.split(",")) {
            Optional<NoticeKind> kind = NoticeKind.ofCode(code.strip());
            require(kind.isPresent(), "enabled", "all, none or a comma-separated list of "
                    + Arrays.stream(NoticeKind.values()).map(NoticeKind::code).collect(Collectors.joining(", ")));
            kinds.add(kind.get());
        }
        return kinds;
    }
}
