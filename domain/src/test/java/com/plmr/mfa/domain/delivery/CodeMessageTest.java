package com.plmr.mfa.domain.delivery;

import com.plmr.mfa.domain.challenge.ChallengeId;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeMessageTest {

    @Test
    void a_code_never_shows_its_digits() {
        OtpCode code = new OtpCode("493817");

        assertThat(code.toString()).doesNotContain("493817").isEqualTo("OtpCode[6 digits]");
        assertThat(code.digits()).isEqualTo("493817");
    }

    @Test
    void a_code_is_decimal_digits_only() {
        for (String invalid : new String[] {"", "12a456", "１２３４５６", " 123456"}) {
            assertThatThrownBy(() -> new OtpCode(invalid)).as(invalid).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_typed_code_is_well_formed_with_six_to_nine_ascii_digits() {
        for (String typed : new String[] {"123456", "000000", "123456789"}) {
            assertThat(OtpCode.isWellFormed(typed)).as(typed).isTrue();
        }
        for (String typed : new String[] {"12345", "1234567890", "12345a", "１２３４５６", " 123456", "123 456", ""}) {
            assertThat(OtpCode.isWellFormed(typed)).as(typed).isFalse();
        }
        assertThat(OtpCode.isWellFormed(null)).isFalse();
    }

    @Test
    void a_message_shows_neither_its_code_nor_its_destination_and_has_the_channel_of_its_destination() {
        CodeMessage message = new CodeMessage("msg-1", "msg-1", new ChallengeId("ch_1"),
                new Destination(Channel.SMS, "+4915112345678"), Locale.GERMAN,
                new OtpCode("493817"), 5, "payment of EUR 40 to ACME");

        assertThat(message.channel()).isEqualTo(Channel.SMS);
        assertThat(message.toString()).contains("msg-1", "SMS").doesNotContain("493817", "4915112345678");
    }
}
