package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserErasure;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class EraseUserServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UserId USER = new UserId("u-42");

    private final List<String> events = new ArrayList<>();
    private final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    private final TransactionPort transactions = new TransactionPort() {
        private int depth;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (depth++ == 0) {
                events.add("begin");
            }
            try {
                return work.get();
            } finally {
                if (--depth == 0) {
                    events.add("commit");
                }
            }
        }
    };
    private final EraseUserService service = new EraseUserService(
            (user, pseudonym, at) -> {
                events.add("erase " + user.value() + " as " + pseudonym);
                return new UserErasure(user, 2, 1, 3, 2, 1, 1, 10, at);
            },
            (pseudonym, erasure) -> events.add("record " + pseudonym + " " + erasure.challenges()),
            transactions, new CodeHasher(new byte[32]), audit.trail(transactions, new SteppingClock(NOW)),
            new SteppingClock(NOW));

    @Test
    void a_service_with_the_erase_scope_erases_in_one_transaction_and_records_it_after_the_commit() {
        Access<UserErasure> answer = service.erase(new Actor.Service("privacy", Set.of(Scopes.USERS_ERASE)), USER);

        assertThat(answer).isEqualTo(Access.granted(new UserErasure(USER, 2, 1, 3, 2, 1, 1, 10, NOW)));
        String pseudonym = new CodeHasher(new byte[32]).pseudonym(EraseUserService.PSEUDONYM_PURPOSE, "u-42");
        assertThat(events).containsExactly("begin", "erase u-42 as erased:" + pseudonym, "commit",
                "record " + pseudonym + " 3");
        assertThat(audit.decisions()).containsExactly("user.erased");
        assertThat(audit.appended.get(0).subject().userId()).contains("erased:" + pseudonym);
        assertThat(pseudonym).doesNotContain("u-42");
    }

    @Test
    void the_user_itself_and_a_service_without_the_scope_are_refused_and_nothing_is_erased_but_the_refusals_recorded() {
        assertThat(service.erase(new Actor.User(USER), USER)).isInstanceOf(Access.Forbidden.class);
        assertThat(service.erase(new Actor.Service("payments", Set.of(Scopes.FACTORS_MANAGE)), USER))
                .isInstanceOf(Access.Forbidden.class);
        assertThat(events).containsOnly("begin", "commit");
        assertThat(audit.decisions()).containsExactly("user.erase_refused/scope_missing",
                "user.erase_refused/scope_missing");
        assertThat(audit.appended).allSatisfy(event -> assertThat(event.subject().userId()).contains("u-42"));
    }
}
