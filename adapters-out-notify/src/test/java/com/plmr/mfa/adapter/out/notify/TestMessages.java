package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.application.port.out.OutboundMessage;

import java.util.Locale;

/** Messages for tests: fixed code, destination and ids, so assertions can look for them. */
public final class TestMessages {

    public static final String CODE = "493817";
    public static final String PHONE = "+4915112345678";
    public static final String EMAIL = "alice@example.test";
    public static final String SUMMARY = "payment of EUR 40 to ACME";

    private TestMessages() {
    }

    public static OutboundMessage sms(String languageTag, String summary) {
        return new OutboundMessage("msg-sms-1", "idem-sms-1", OutboundMessage.Channel.SMS, PHONE,
                Locale.forLanguageTag(languageTag), CODE, 5, summary);
    }

    public static OutboundMessage email(String destination, String languageTag, String summary) {
        return new OutboundMessage("msg-mail-1", "idem-mail-1", OutboundMessage.Channel.EMAIL, destination,
                Locale.forLanguageTag(languageTag), CODE, 5, summary);
    }

    public static OutboundMessage withIds(OutboundMessage message, String messageId, String idempotencyKey) {
        return new OutboundMessage(messageId, idempotencyKey, message.channel(), message.destination(),
                message.locale(), message.code(), message.validMinutes(), message.summary());
    }
}
