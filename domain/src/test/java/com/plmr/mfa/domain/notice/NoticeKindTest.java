package com.plmr.mfa.domain.notice;

import com.plmr.mfa.domain.ParameterException;
import com.plmr.mfa.domain.audit.AuditType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeKindTest {

    @Test
    void the_factor_changes_and_the_lockouts_follow_their_decisions() {
        assertThat(NoticeKind.following(AuditType.FACTOR_ADDED)).contains(NoticeKind.FACTOR_ADDED);
        assertThat(NoticeKind.following(AuditType.FACTOR_VERIFIED)).contains(NoticeKind.FACTOR_VERIFIED);
        assertThat(NoticeKind.following(AuditType.FACTOR_REMOVED)).contains(NoticeKind.FACTOR_REMOVED);
        assertThat(NoticeKind.following(AuditType.FACTORS_RESET)).contains(NoticeKind.FACTORS_RESET);
        assertThat(NoticeKind.following(AuditType.CHALLENGE_LOCKED)).contains(NoticeKind.CHALLENGE_LOCKED);
        assertThat(NoticeKind.following(AuditType.FACTOR_LOCKED)).contains(NoticeKind.REGISTRATION_LOCKED);
        assertThat(NoticeKind.following(AuditType.VERIFIES_PAUSED)).contains(NoticeKind.VERIFIES_PAUSED);
        assertThat(NoticeKind.following(AuditType.RECOVERY_CODE_USED)).contains(NoticeKind.RECOVERY_CODE_USED);
        assertThat(NoticeKind.following(AuditType.RECOVERY_CODES_REGENERATED))
                .contains(NoticeKind.RECOVERY_CODES_REGENERATED);
        assertThat(NoticeKind.following(AuditType.RECOVERY_CODES_GENERATED)).as("a first set is a factor added")
                .contains(NoticeKind.FACTOR_ADDED);
    }

    @Test
    void no_notice_follows_a_notice_or_a_delivery_so_notices_never_chain() {
        for (AuditType type : EnumSet.of(AuditType.NOTICE_QUEUED, AuditType.NOTICE_SKIPPED, AuditType.MESSAGE_SENT,
                AuditType.MESSAGE_FAILED, AuditType.VERIFY_REFUSED, AuditType.FACTOR_CHANGED)) {
            assertThat(NoticeKind.following(type)).as(type.code()).isEmpty();
        }
    }

    @Test
    void only_what_an_attacker_can_repeat_at_will_is_coalesced() {
        assertThat(Arrays.stream(NoticeKind.values()).filter(NoticeKind::coalesced))
                .containsExactlyInAnyOrder(NoticeKind.CHALLENGE_LOCKED, NoticeKind.REGISTRATION_LOCKED,
                        NoticeKind.VERIFIES_PAUSED);
    }

    @Test
    void each_kind_is_named_by_its_code() {
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(NoticeKind.ofCode(kind.code())).contains(kind);
        }
        assertThat(NoticeKind.FACTORS_RESET.code()).isEqualTo("factors-reset");
    }

    @Test
    void the_policy_refuses_a_coalescing_interval_out_of_range() {
        assertThatThrownBy(() -> new NoticePolicy(Set.of(), Duration.ofSeconds(59), Duration.ofDays(1)))
                .isInstanceOf(ParameterException.class).hasMessageContaining("coalescing");
        assertThat(NoticePolicy.defaults().sends(NoticeKind.RECOVERY_CODE_USED)).isTrue();
        assertThat(new NoticePolicy(Set.of(), Duration.ofHours(1), Duration.ofDays(1)).sends(NoticeKind.FACTOR_ADDED))
                .isFalse();
    }
}
