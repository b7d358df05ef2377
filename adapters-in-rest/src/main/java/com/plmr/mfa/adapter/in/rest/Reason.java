package com.plmr.mfa.adapter.in.rest;

/**
 * The documented values of an error's {@code reason} ({@code ErrorReason} in the spec): finer
 * than the 1.x {@code code}, which stays as it was for 1.0 clients. The list is open (ADR 7):
 * clients treat a value they do not know as if {@code reason} were absent.
 */
enum Reason {
    CODE_WRONG,
    CODE_NOT_ISSUED,
    CODE_EXPIRED,
    CHALLENGE_METHOD_NOT_ALLOWED,
    CHALLENGE_NOT_VERIFIED,
    CHALLENGE_CLOSED,
    RESEND_COOLDOWN,
    SEND_CAP_REACHED,
    SEND_RATE_LIMITED,
    PHONE_TYPE_REFUSED,
    PHONE_COUNTRY_REFUSED,
    VERIFY_RATE_LIMITED,
    APP_LOCKED
}
