package com.plmr.mfa.domain.challenge;

import java.util.Objects;

/**
 * Who receives the money: a name the user recognises and, optionally, the account masked by the
 * consumer. The service shows the account in messages, so it never takes a full one: a masked
 * account has at least one {@code *} and at most {@value #MAX_VISIBLE} other letters or digits
 * ({@code DE89 **** **** **** **** 00}, {@code ****3000}); spaces, dots and hyphens group it.
 */
public record Payee(String name, String account) {

    public static final int MAX_NAME = 70;
    public static final int MAX_ACCOUNT = 34;
    /** Letters and digits a masked account may still show. */
    public static final int MAX_VISIBLE = 6;

    public Payee {
        Texts.require(name, "payee name", MAX_NAME);
        if (account != null && !isMaskedAccount(account)) {
            throw new IllegalArgumentException("payee account must be masked");
        }
    }

    /** Whether the text is an account masked as this record requires. */
    public static boolean isMaskedAccount(String account) {
        Objects.requireNonNull(account, "account");
        if (account.isEmpty() || account.length() > MAX_ACCOUNT
                || !account.chars().allMatch(c -> c == '*' || c == ' ' || c == '.' || c == '-' || isAsciiAlnum(c))) {
            return false;
        }
        return account.indexOf('*') >= 0 && account.chars().filter(Payee::isAsciiAlnum).count() <= MAX_VISIBLE;
    }

    private static boolean isAsciiAlnum(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
