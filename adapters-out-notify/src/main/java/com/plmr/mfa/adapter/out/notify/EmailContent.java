package com.plmr.mfa.adapter.out.notify;

import java.util.Objects;

/**
 * A rendered e-mail: subject, plain-text and HTML body in one language.
 *
 * <p>Contains the code: never log it. {@link #toString()} shows the language only.
 *
 * @param language language tag of the wording ({@code en}, {@code de})
 * @param subject  the subject line
 * @param text     the plain-text body
 * @param html     the HTML body, values escaped
 */
public record EmailContent(String language, String subject, String text, String html) {

    public EmailContent {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return "EmailContent[" + language + "]";
    }
}
