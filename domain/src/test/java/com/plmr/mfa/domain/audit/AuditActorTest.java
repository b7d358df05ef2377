package com.plmr.mfa.domain.audit;

import com.plmr.mfa.domain.user.Actor;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuditActorTest {

    @Test
    void a_client_id_longer_than_the_recorded_name_is_cut_to_its_first_characters_never_inside_one() {
        String longId = "payments-" + "\uD83D\uDCB3".repeat(300);

        AuditActor actor = AuditActor.of(new Actor.Service(longId, Set.of()));

        assertThat(actor.name().codePointCount(0, actor.name().length())).isEqualTo(AuditActor.MAX_NAME);
        assertThat(longId).startsWith(actor.name());
        assertThat(Character.isHighSurrogate(actor.name().charAt(actor.name().length() - 1))).isFalse();
    }

    @Test
    void a_name_within_the_limit_is_kept_as_it_is() {
        assertThat(AuditActor.of(new Actor.Service("payments", Set.of())).name()).isEqualTo("payments");
    }
}
