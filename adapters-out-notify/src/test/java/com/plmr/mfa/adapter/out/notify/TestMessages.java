package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.OtpCode;

import java.util.Locale;

/** Messages for tests: fixed code, destination and ids, so assertions can look for them. */
public final class TestMessages {

    public static final String CODE = "493817";
    public static final String PHONE = "+4915112345678";
    public static final String EMAIL = "alice@example.test";
    public static final String SUMMARY = "payment of EUR 40 to ACME";
    public static final ChallengeId CHALLENGE = new ChallengeId("ch_messages");

    private TestMessages() {
    }

    public static CodeMessage sms(String languageTag, String summary) {
        return new CodeMessage("msg-sms-1", "idem-sms-1", CHALLENGE, new Destination(Channel.SMS, PHONE),
                Locale.forLanguageTag(languageTag), new OtpCode(CODE), 5, summary);
    }

    public static CodeMessage email(String destination, String languageTag, String summary) {
        return new CodeMessage("msg-mail-1", "idem-mail-1", CHALLENGE,
                new Destination(Channel.EMAIL, destination), Locale.forLanguageTag(languageTag),
                new OtpCode(CODE), 5, summary);
    }

    /** An ACME GmbH payment of the amount, with masked account and reference. */
    public static TransactionDetails payment(String amount, String currency, String payee) {
        return new TransactionDetails("payment_initiation", Amount.of(amount, currency),
                new Payee(payee, "DE89 **** **** **** **** 00"), "INV-2026-0042");
    }

    public static CodeMessage paymentSms(String languageTag, TransactionDetails transaction) {
        return withTransaction(sms(languageTag, null), transaction);
    }

    public static CodeMessage email(String destination, String languageTag, String summary,
                                    TransactionDetails transaction) {
        return withTransaction(email(destination, languageTag, summary), transaction);
    }

    private static CodeMessage withTransaction(CodeMessage message, TransactionDetails transaction) {
        return new CodeMessage(message.messageId(), message.idempotencyKey(), message.challenge(), message.to(),
                message.locale(), message.code(), message.validMinutes(), message.summary(), transaction);
    }

    public static CodeMessage withIds(CodeMessage message, String messageId, String idempotencyKey) {
        return new CodeMessage(messageId, idempotencyKey, message.challenge(), message.to(), message.locale(),
                message.code(), message.validMinutes(), message.summary(), message.transaction());
    }
}
