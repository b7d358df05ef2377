package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.application.port.in.ReadAuditTrailUseCase.Position;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque page token of the audit trail: the position of the last event of the page (its time
 * and id), versioned and base64url-encoded, so clients pass it back as it is and the form can change
 * with a new version. It carries no filter: the caller repeats the filters, and a token read with
 * other filters only starts the other listing at that position. Anything that does not decode to a
 * position is refused as an invalid field, never a 500.
 */
final class PageTokens {

    private static final String VERSION = "v1";
    private static final Pattern FORM = Pattern.compile("v1\\.(-?\\d{1,19})\\.(\\d{1,9})\\.([A-Za-z0-9_-]{1,40})");

    private PageTokens() {
    }

    static String write(Position position) {
        String text = VERSION + "." + position.at().getEpochSecond() + "." + position.at().getNano() + "." + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<Position> read(String token) {
        try {
            Matcher form = FORM.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII));
            if (!form.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Position(Instant.ofEpochSecond(Long.parseLong(form.group(1)),
                    Long.parseLong(form.group(2))), form.group(3)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
