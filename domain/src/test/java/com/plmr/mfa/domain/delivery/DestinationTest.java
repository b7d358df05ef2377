package com.plmr.mfa.domain.delivery;

import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestinationTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void each_channel_reaches_its_kind_of_contact_and_each_delivered_method_is_a_channel() {
        assertThat(Channel.SMS.contactKind()).isEqualTo(ContactKind.PHONE);
        assertThat(Channel.EMAIL.contactKind()).isEqualTo(ContactKind.EMAIL);
        for (Channel channel : Channel.values()) {
            assertThat(Channel.of(channel.method())).isEqualTo(channel);
        }
        assertThatThrownBy(() -> Channel.of(ChallengeMethod.APP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_address_is_normalised_by_its_channel_and_shown_masked() {
        Destination email = new Destination(Channel.EMAIL, "Jane.Doe@Example.COM");

        assertThat(email.address()).isEqualTo("Jane.Doe@example.com");
        assertThat(email.masked()).isEqualTo("J***@example.com");
        assertThat(email.toString()).doesNotContain("Jane.Doe").contains("J***@example.com");
        assertThat(new Destination(Channel.SMS, "+4915112345678").toString()).doesNotContain("4915112345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "alice@@example.test", "alice@", "@example.test",
            "a@b.test, c@d.test", "group: a@b.test;", "+4915112345678"})
    void an_address_that_is_no_single_mailbox_is_no_e_mail_destination(String invalid) {
        assertThatThrownBy(() -> new Destination(Channel.EMAIL, invalid)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"015112345678", "+49\n2025 DEV-SINK fake", "alice@example.test", "+0151123"})
    void a_number_not_in_e164_form_is_no_sms_destination(String invalid) {
        assertThatThrownBy(() -> new Destination(Channel.SMS, invalid)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_contact_is_the_destination_of_the_channel_that_reaches_its_kind_only() {
        Contact phone = new Contact(new UserId("u-1"), ContactKind.PHONE, "+4915112345678", T0, T0);

        assertThat(Destination.of(Channel.SMS, phone)).isEqualTo(new Destination(Channel.SMS, "+4915112345678"));
        assertThatThrownBy(() -> Destination.of(Channel.EMAIL, phone)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_phone_number_belongs_to_the_block_of_1000_numbers_without_its_last_three_digits() {
        assertThat(new Destination(Channel.SMS, "+4915112345678").numberRange()).contains("+4915112345");
        assertThat(new Destination(Channel.SMS, "+4915112345000").numberRange())
                .isEqualTo(new Destination(Channel.SMS, "+4915112345999").numberRange());
        assertThat(new Destination(Channel.EMAIL, "jane@example.com").numberRange()).isEmpty();
    }
}
