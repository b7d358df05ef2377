package com.plmr.mfa.adapter.out.notify.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings of the SMTP e-mail sender ({@code mfa.notify.email.smtp.*}).
 *
 * @param host            SMTP server host name
 * @param port            SMTP server port (587 submission with STARTTLS, 25 relay)
 * @param username        SMTP AUTH user; no authentication when unset
 * @param password        SMTP AUTH password (secret)
 * @param starttls        whether to upgrade the connection with STARTTLS
 * @param from            sender, {@code addr@example.com} or {@code Name <addr@example.com>}; also
 *                        the envelope sender
 * @param messageIdDomain right-hand side of the {@code Message-ID}; the from address's domain when unset
 * @param connectTimeout  TCP connect timeout
 * @param readTimeout     timeout of each read from (and write to) the server
 */
@ConfigurationProperties(SmtpProperties.PREFIX)
public record SmtpProperties(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "required") StartTls starttls,
        @Nullable String from,
        @Nullable String messageIdDomain,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration readTimeout) {

    public static final String PREFIX = "mfa.notify.email.smtp";

    /** STARTTLS use: never, when the server offers it, or always (refuse to send in clear). */
    public enum StartTls { OFF, OPTIONAL, REQUIRED }

    @Override
    public String toString() {
        return "SmtpProperties[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "unset" : "****") + ", starttls=" + starttls
                + ", from=" + from + ", messageIdDomain=" + messageIdDomain
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
