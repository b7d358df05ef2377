package com.plmr.mfa.domain.user;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +} and 7 to 15 digits, no leading zero in the country
 * code). {@link #toString()} and {@link #masked()} show only what a user needs to recognise the
 * number: the first two and the last two digits.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** The digits a number range leaves out: a range is a block of 1,000 numbers. */
    private static final int RANGE_DIGITS = 3;

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("phone number must be in E.164 form, e.g. +4915112345678");
        }
    }

    public static boolean isValid(String value) {
        return value != null && E164.matcher(value).matches();
    }

    /**
     * The range the number belongs to: the number without its last three digits, so every number of
     * one block of 1,000 ({@code +4915112345000} to {@code +4915112345999}) has the same range. SMS
     * pumping rotates the numbers of a range, each below the limit of one number.
     */
    public String range() {
        return e164.substring(0, e164.length() - RANGE_DIGITS);
    }

    /** {@code +4915112345612} becomes {@code +49 *** *** 12}. */
    public String masked() {
        return e164.substring(0, 3) + " *** *** " + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
