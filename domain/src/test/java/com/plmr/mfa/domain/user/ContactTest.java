package com.plmr.mfa.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactTest {

    @Test
    void a_phone_number_is_masked_to_its_first_and_last_two_digits() {
        assertThat(new PhoneNumber("+4915112345612").masked()).isEqualTo("+49 *** *** 12");
        assertThat(new PhoneNumber("+4915112345612").toString()).doesNotContain("151123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"015112345678", "+0151123456", "+49 151 123", "+49151123456789012", "+49-151"})
    void numbers_not_in_e164_form_are_refused(String value) {
        assertThat(PhoneNumber.isValid(value)).isFalse();
        assertThatThrownBy(() -> new PhoneNumber(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_email_address_is_masked_and_its_domain_kept_in_lower_case() {
        EmailAddress address = new EmailAddress("Jane.Doe@Example.COM");
        assertThat(address.value()).isEqualTo("Jane.Doe@example.com");
        assertThat(address.masked()).isEqualTo("J***@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "@example.com", "a..b@example.com", "a@-example.com", "a b@example.com"})
    void malformed_email_addresses_are_refused(String value) {
        assertThat(EmailAddress.isValid(value)).isFalse();
    }

    @Test
    void user_ids_are_restricted_to_a_safe_alphabet() {
        assertThat(UserId.isWellFormed("user-1@tenant.example")).isTrue();
        assertThat(UserId.isWellFormed("x'; DROP TABLE challenge; --")).isFalse();
        assertThat(UserId.isWellFormed("a".repeat(65))).isFalse();
    }

    @Test
    void a_contact_keeps_when_it_was_first_set() {
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        Contact contact = new Contact(new UserId("u"), ContactKind.PHONE, "+4915112345612", t0, t0);
        Contact changed = contact.changedTo("+4915112345699", t0.plusSeconds(60));
        assertThat(changed.created()).isEqualTo(t0);
        assertThat(changed.changed()).isEqualTo(t0.plusSeconds(60));
        assertThat(changed.toString()).doesNotContain("15112345699");
    }

    @Test
    void a_service_acts_within_its_scopes_and_a_user_for_itself_only() {
        Actor service = new Actor.Service("payments", java.util.Set.of("mfa.challenges.read"));
        assertThat(service.mayActFor(new UserId("u"), "mfa.challenges.read")).isTrue();
        assertThat(service.mayActFor(new UserId("u"), "mfa.challenges.create")).isFalse();
        Actor user = new Actor.User(new UserId("u"));
        assertThat(user.mayActFor(new UserId("u"), "anything")).isTrue();
        assertThat(user.mayActFor(new UserId("v"), "anything")).isFalse();
    }
}
