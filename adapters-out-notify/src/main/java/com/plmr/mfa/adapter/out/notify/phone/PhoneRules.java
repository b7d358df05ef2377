package com.plmr.mfa.adapter.out.notify.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Which phone numbers may receive a code by SMS: the refused line types, and the countries
 * allowed or denied (geo permissions). Countries are ISO 3166 codes of the numbering plans
 * libphonenumber knows, and {@code 001} for numbers of no country (international networks and
 * services, {@code +800}, {@code +882}). With an allowlist only its countries are allowed; a denied
 * country is refused even when it is also allowed.
 *
 * @param refusedTypes     line types never sent to
 * @param allowedCountries the only countries sent to; empty: every country
 * @param deniedCountries  countries never sent to
 */
public record PhoneRules(Set<PhoneNumberType> refusedTypes, Set<String> allowedCountries, Set<String> deniedCountries) {

    /** The region code libphonenumber gives numbers of no country. */
    public static final String NO_COUNTRY = "001";

    public PhoneRules {
        refusedTypes = Set.copyOf(refusedTypes);
        allowedCountries = Set.copyOf(allowedCountries);
        deniedCountries = Set.copyOf(deniedCountries);
    }

    /** The rules as the settings write them: comma-separated names, blank for none. */
    public static PhoneRules of(String refusedTypes, String allowedCountries, String deniedCountries) {
        return new PhoneRules(types(refusedTypes), countries(allowedCountries, "allowedCountries"),
                countries(deniedCountries, "deniedCountries"));
    }

    /** Whether numbers of {@code country} (a region code, {@code null} or {@code ZZ} when unknown) may receive SMS. */
    boolean allows(String country) {
        String code = country == null ? "ZZ" : country;
        return (allowedCountries.isEmpty() || allowedCountries.contains(code)) && !deniedCountries.contains(code);
    }

    private static Set<PhoneNumberType> types(String names) {
        Set<PhoneNumberType> types = EnumSet.noneOf(PhoneNumberType.class);
        for (String name : split(names)) {
            PhoneNumberType type = Arrays.stream(PhoneNumberType.values())
                    .filter(candidate -> candidate.name().equals(name.toUpperCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            require(type != null, "refusedTypes", "a comma-separated list of " + Arrays.stream(PhoneNumberType.values())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", or empty");
            types.add(type);
        }
        return types;
    }

    private static Set<String> countries(String codes, String parameter) {
        Set<String> known = new TreeSet<>(PhoneNumberUtil.getInstance().getSupportedRegions());
        known.add(NO_COUNTRY);
        Set<String> countries = new TreeSet<>();
        for (String code : split(codes)) {
            String upper = code.toUpperCase(Locale.ROOT);
            require(known.contains(upper), parameter,
                    "a comma-separated list of ISO 3166 country codes with a numbering plan (DE, AT, CH) or 001, or empty");
            countries.add(upper);
        }
        return countries;
    }

    private static String[] split(String list) {
        return list == null || list.isBlank() ? new String[0] : list.strip().split("\\s*,\\s*");
    }
}
