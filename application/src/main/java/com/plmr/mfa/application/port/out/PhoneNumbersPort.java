package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.DestinationRefusal;

import java.util.Optional;

/**
 * Phone numbers as the numbering plans of their countries define them (ITU-T E.164 and each
 * country's national plan): which numbers exist, in which form they are stored, and which of them
 * may receive a code by SMS. The plans change every few weeks, so they are data of an adapter, not
 * rules of the domain, which knows only the E.164 shape ({@code PhoneNumber}).
 */
public interface PhoneNumbersPort {

    /**
     * The number in E.164 form ({@code +4915112345678}), whatever separators it was written with
     * ({@code +49 151 1234-5678}), or empty when it is not a valid number of its country's plan.
     * Only international numbers (with {@code +} and a country code) are read: a national number
     * names no country.
     */
    Optional<String> normalise(String number);

    /**
     * Why no SMS may be sent to the number (E.164), or empty when it may: its line type (premium
     * rate, shared cost, UAN, unknown, by default) or its country is refused by the configured
     * rules. Asked before every send, so a rule changed since the number was stored applies.
     */
    Optional<DestinationRefusal> screen(String e164);
}
