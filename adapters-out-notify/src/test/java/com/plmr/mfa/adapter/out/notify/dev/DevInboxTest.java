package com.plmr.mfa.adapter.out.notify.dev;

import com.plmr.mfa.domain.delivery.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevInboxTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");

    private static DevMessage sms(String id, Instant at) {
        return sms(id, "ch_1", at);
    }

    private static DevMessage sms(String id, String challengeId, Instant at) {
        return new DevMessage(id, challengeId, at, Channel.SMS, "+49 *** *** 78", "en", "493817", null,
                "Your code: 493817.", null);
    }

    @Test
    void lists_the_newest_message_first() {
        DevInbox inbox = new DevInbox();
        inbox.receive(sms("m-1", T0));
        inbox.receive(sms("m-2", T0.plusSeconds(1)));
        inbox.receive(sms("m-3", T0.plusSeconds(2)));

        assertThat(inbox.newestFirst(null)).extracting(DevMessage::id).containsExactly("m-3", "m-2", "m-1");
    }

    @Test
    void lists_only_messages_received_at_or_after_a_given_instant() {
        DevInbox inbox = new DevInbox();
        inbox.receive(sms("m-1", T0));
        inbox.receive(sms("m-2", T0.plusMillis(1500)));
        inbox.receive(sms("m-3", T0.plusSeconds(2)));

        assertThat(inbox.newestFirst(T0.plusMillis(1500))).extracting(DevMessage::id).containsExactly("m-3", "m-2");
        assertThat(inbox.newestFirst(T0.plusSeconds(3))).isEmpty();
    }

    @Test
    void an_instant_inside_a_second_lists_what_arrived_in_that_whole_second_as_the_clock_counts_seconds() {
        DevInbox inbox = new DevInbox();
        inbox.receive(sms("m-1", T0));
        inbox.receive(sms("m-2", T0.plusSeconds(1)));

        assertThat(inbox.newestFirst(T0.plusMillis(999))).extracting(DevMessage::id).containsExactly("m-2", "m-1");
        assertThat(inbox.newestFirst(T0.plusMillis(1001))).extracting(DevMessage::id).containsExactly("m-2");
    }

    @Test
    void lists_the_codes_of_one_challenge_whatever_arrived_in_the_same_second() {
        DevInbox inbox = new DevInbox();
        inbox.receive(sms("m-1", "ch_1", T0));
        inbox.receive(sms("m-2", "ch_2", T0.plusMillis(300)));
        inbox.receive(sms("m-3", "ch_1", T0.plusMillis(600)));
        inbox.receive(sms("m-4", "ch_2", T0.plusMillis(900)));

        assertThat(inbox.newestFirst(T0, "ch_1")).extracting(DevMessage::id).containsExactly("m-3", "m-1");
        assertThat(inbox.newestFirst(null, "ch_2")).extracting(DevMessage::id).containsExactly("m-4", "m-2");
        assertThat(inbox.newestFirst(T0.plusSeconds(1), "ch_1")).isEmpty();
        assertThat(inbox.newestFirst(null, "ch_unknown")).isEmpty();
    }

    @Test
    void keeps_the_newest_messages_when_full() {
        DevInbox inbox = new DevInbox(2);
        inbox.receive(sms("m-1", T0));
        inbox.receive(sms("m-2", T0));
        inbox.receive(sms("m-3", T0));

        assertThat(inbox.newestFirst(null)).extracting(DevMessage::id).containsExactly("m-3", "m-2");
        assertThat(inbox.find("m-1")).isEmpty();
        assertThat(inbox.find("m-2")).isPresent();
    }

    @Test
    void a_message_never_shows_its_code_in_logs() {
        assertThat(sms("m-1", T0)).hasToString("DevMessage[m-1, SMS, +49 *** *** 78]");
    }

    @Test
    void an_sms_has_no_subject_or_html_and_an_email_has_both() {
        assertThatThrownBy(() -> new DevMessage("m", "ch_1", T0, Channel.SMS, "***", "en", "1", "s", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DevMessage("m", "ch_1", T0, Channel.EMAIL, "***", "en", "1", "s", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_code_names_its_challenge_and_a_notice_none() {
        assertThatThrownBy(() -> new DevMessage("m", null, T0, Channel.SMS, "***", "en", "1", null, "t", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DevMessage("m", "ch_1", T0, Channel.SMS, "***", "en", null, null, "t", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
