package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.notify.SmsFormat;
import com.plmr.mfa.adapter.out.notify.phone.LibPhoneNumbers;
import com.plmr.mfa.adapter.out.notify.phone.PhoneRules;
import com.plmr.mfa.application.port.out.PhoneNumbersPort;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Builds what the SMS channel reads from {@code mfa.sms.*}: the phone numbers' plans with the fraud
 * guard's rules, and the autofill lines of the messages.
 */
@Factory
class SmsFactory {

    @Singleton
    SmsFormat smsFormat(Settings settings) {
        return settings.build(values -> SmsFormat.of(values.text("origin", "mfa.sms.origin"),
                values.text("androidAppHash", "mfa.sms.android-app-hash")));
    }

    @Singleton
    PhoneNumbersPort phoneNumbers(Settings settings) {
        return settings.build(values -> new LibPhoneNumbers(PhoneRules.of(
                values.text("refusedTypes", "mfa.sms.refused-number-types"),
                values.text("allowedCountries", "mfa.sms.allowed-countries"),
                values.text("deniedCountries", "mfa.sms.denied-countries"))));
    }
}
