package com.plmr.mfa.domain.user;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address in the common {@code local@domain} form (no quoted local parts, no IP
 * literals), at most 254 characters (RFC 5321 §4.5.3.1). The domain is kept in lower case.
 * {@link #toString()} and {@link #masked()} show the first character of the local part only.
 */
public record EmailAddress(String value) {

    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("e-mail address must look like name@example.com");
        }
        int at = value.indexOf('@');
        value = value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 254 && FORMAT.matcher(value).matches()
                && !value.startsWith(".") && !value.contains("..") && !value.contains(".@");
    }

    /** {@code jane@example.com} becomes {@code j***@example.com}. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return masked();
    }
}
