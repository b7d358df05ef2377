package com.plmr.mfa.adapter.out.notify.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.plmr.mfa.application.port.out.PhoneNumbersPort;
import com.plmr.mfa.domain.challenge.DestinationRefusal;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers read with Google's libphonenumber, whose metadata carries every country's
 * numbering plan: valid lengths and prefixes, and the line type of each range (mobile, fixed line,
 * premium rate, shared cost, UAN...). The screen refuses what {@link PhoneRules} refuses.
 *
 * <p>Only the international form is read: a {@code +}, then digits, with spaces, hyphens, dots,
 * slashes and parentheses as separators. libphonenumber itself would also read letters (vanity
 * numbers) and extensions, which no SMS reaches.
 */
public final class LibPhoneNumbers implements PhoneNumbersPort {

    private static final PhoneNumberUtil PLANS = PhoneNumberUtil.getInstance();
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[0-9][0-9 ()./-]{5,30}");

    private final PhoneRules rules;

    public LibPhoneNumbers(PhoneRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public Optional<String> normalise(String number) {
        if (number == null || !INTERNATIONAL.matcher(number.strip()).matches()) {
            return Optional.empty();
        }
        return parse(number.strip()).filter(PLANS::isValidNumber)
                .map(parsed -> PLANS.format(parsed, PhoneNumberFormat.E164));
    }

    @Override
    public Optional<DestinationRefusal> screen(String e164) {
        Optional<PhoneNumber> parsed = parse(e164);
        PhoneNumberType type = parsed.map(PLANS::getNumberType).orElse(PhoneNumberType.UNKNOWN);
        if (rules.refusedTypes().contains(type)) {
            return Optional.of(new DestinationRefusal(DestinationRefusal.Rule.LINE_TYPE,
                    type.name().toLowerCase(Locale.ROOT)));
        }
        String country = parsed.map(PLANS::getRegionCodeForNumber).orElse(null);
        if (!rules.allows(country)) {
            return Optional.of(new DestinationRefusal(DestinationRefusal.Rule.COUNTRY, country == null ? "ZZ" : country));
        }
        return Optional.empty();
    }

    private static Optional<PhoneNumber> parse(String number) {
        try {
            return Optional.of(PLANS.parse(number, "ZZ"));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "LibPhoneNumbers[" + rules + "]";
    }
}
