package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase.Purged;
import com.plmr.mfa.application.port.out.PurgeExpiredDataPort;
import com.plmr.mfa.application.service.PurgeExpiredDataService.RetentionPolicy;
import com.plmr.mfa.domain.ParameterException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurgeExpiredDataServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** Holds a number of expired rows per kind and hands them out in batches, recording every call. */
    private static final class ExpiredRows implements PurgeExpiredDataPort {
        final Map<String, Integer> left = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        ExpiredRows(int challenges, int messages, int quotas, int streaks, int events, int unverified) {
            left.put("events", events);
            left.put("unverified", unverified);
            left.put("challenges", challenges);
            left.put("messages", messages);
            left.put("quotas", quotas);
            left.put("streaks", streaks);
        }

        private int take(String kind, Instant cutoff, int limit) {
            calls.add(kind + " before " + cutoff + " limit " + limit);
            int taken = Math.min(limit, left.get(kind));
            left.merge(kind, -taken, Integer::sum);
            return taken;
        }

        @Override
        public int purgeChallengesEndedBefore(Instant cutoff, int limit) {
            return take("challenges", cutoff, limit);
        }

        @Override
        public int purgeOutboxMessagesFinishedBefore(Instant cutoff, int limit) {
            return take("messages", cutoff, limit);
        }

        @Override
        public int purgeSendQuotasEndedBefore(Instant cutoff, int limit) {
            return take("quotas", cutoff, limit);
        }

        @Override
        public int purgeFailureStreaksIdleSince(Instant cutoff, int limit) {
            return take("streaks", cutoff, limit);
        }

        @Override
        public int purgeAuditEventsBefore(Instant cutoff, int limit) {
            return take("events", cutoff, limit);
        }

        @Override
        public int purgeUnverifiedRegistrationsStartedBy(Instant cutoff, int limit) {
            calls.add("unverified by " + cutoff + " limit " + limit);
            int taken = Math.min(limit, left.get("unverified"));
            left.merge("unverified", -taken, Integer::sum);
            return taken;
        }
    }

    @Test
    void deletes_in_batches_until_one_comes_back_short_with_cutoffs_from_the_clock() {
        ExpiredRows rows = new ExpiredRows(4, 2, 0, 1, 3, 1);
        RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(7), Duration.ofDays(1),
                Duration.ofDays(30), Duration.ofDays(365), 2);

        Purged purged = new PurgeExpiredDataService(rows, policy, Duration.ofMinutes(10), new SteppingClock(NOW))
                .purgeExpired();

        assertThat(purged).isEqualTo(new Purged(4, 2, 0, 1, 3, 1));
        assertThat(purged.total()).isEqualTo(11);
        assertThat(rows.calls).containsExactly(
                "messages before 2026-11-16T10:00:00Z limit 2", "messages before 2026-11-16T10:00:00Z limit 2",
                "challenges before 2026-10-24T10:00:00Z limit 2", "challenges before 2026-10-24T10:00:00Z limit 2",
                "challenges before 2026-10-24T10:00:00Z limit 2",
                "quotas before 2026-11-22T10:00:00Z limit 2",
                "streaks before 2026-10-24T10:00:00Z limit 2",
                "events before 2025-11-23T10:00:00Z limit 2", "events before 2025-11-23T10:00:00Z limit 2",
                "unverified by 2026-11-23T09:50:00Z limit 2");
    }

    @Test
    void refuses_retentions_and_batch_sizes_out_of_range() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofMinutes(59), Duration.ofDays(7), Duration.ofDays(1),
                Duration.ofDays(30), Duration.ofDays(365), 500)).isInstanceOf(ParameterException.class)
                .hasMessageContaining("challenges");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(7), Duration.ofDays(1),
                Duration.ofDays(30), Duration.ofDays(3651), 500)).isInstanceOf(ParameterException.class)
                .hasMessageContaining("auditEvents");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(7), Duration.ofDays(1),
                Duration.ofDays(30), Duration.ofDays(365), 0)).isInstanceOf(ParameterException.class)
                .hasMessageContaining("batchSize");
        assertThat(RetentionPolicy.defaults().challenges()).isEqualTo(Duration.ofDays(30));
        assertThat(RetentionPolicy.defaults().auditEvents()).isEqualTo(Duration.ofDays(365));
    }
}
