package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.plmr.mfa.adapter.out.notify.dev.DevInbox;
import com.plmr.mfa.adapter.out.notify.dev.DevMessage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The development inbox: the messages the development sink received instead of delivering them,
 * newest first, as a page that refreshes itself ({@code /dev/inbox}, with its script and style
 * sheet) and as JSON for scripts ({@code /dev/inbox.json}, {@code ?since=} an ISO-8601 instant to
 * list only what arrived from then on, {@code ?challengeId=} to list only the codes of one challenge). Each e-mail's HTML body is its own document
 * ({@code /dev/inbox/messages/{id}.html}), which the page shows in a sandboxed frame; the
 * security headers filter gives the page and those documents the narrow policies they need.
 *
 * <p>Exists only where the {@link DevInbox} does: the {@code dev} environment and never a
 * production one. Everywhere else these paths are unknown (404). Like {@code /dev/tokens}, it is
 * not in the OpenAPI document, which describes the production contract.
 */
@Controller("/dev")
@Requires(beans = DevInbox.class)
@Secured(SecurityRule.IS_ANONYMOUS)
class DevInboxController {

    static final String PAGE = "/dev/inbox";
    static final String EMAILS = "/dev/inbox/messages/";

    private static final MediaType JAVASCRIPT = MediaType.of("text/javascript;charset=utf-8");
    private static final MediaType CSS = MediaType.of("text/css;charset=utf-8");
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final DevInbox inbox;
    private final String page = resource("index.html");
    private final String script = resource("inbox.js");
    private final String styles = resource("inbox.css");

    DevInboxController(DevInbox inbox) {
        this.inbox = inbox;
    }

    @Get("/inbox")
    HttpResponse<String> page() {
        return HttpResponse.ok(page).contentType(HTML);
    }

    @Get("/inbox/inbox.js")
    HttpResponse<String> script() {
        return HttpResponse.ok(script).contentType(JAVASCRIPT);
    }

    @Get("/inbox/inbox.css")
    HttpResponse<String> styles() {
        return HttpResponse.ok(styles).contentType(CSS);
    }

    @Get(uri = "/inbox.json", produces = MediaType.APPLICATION_JSON)
    Inbox messages(@Nullable @QueryValue Instant since, @Nullable @QueryValue String challengeId) {
        // notices belong to no challenge: asked for one challenge's codes, the inbox lists none
        List<DevMessage> notices = challengeId == null ? inbox.noticesNewestFirst(since) : List.of();
        return new Inbox(inbox.newestFirst(since, challengeId).stream().map(DevInboxController::view).toList(),
                notices.stream().map(DevInboxController::view).toList());
    }

    @Get("/inbox/messages/{id}.html")
    HttpResponse<String> email(String id) {
        return inbox.find(id).filter(message -> message.html() != null)
                .map(message -> HttpResponse.ok(message.html()).contentType(HTML))
                .orElseGet(HttpResponse::notFound);
    }

    private static Message view(DevMessage message) {
        return new Message(message.id(), message.challengeId(), message.receivedAt().toString(),
                message.channel().name().toLowerCase(Locale.ROOT), message.maskedDestination(), message.locale(),
                message.code(), message.subject(), message.text(),
                message.html() == null ? null : EMAILS + message.id() + ".html");
    }

    private static String resource(String name) {
        try (InputStream in = DevInboxController.class.getResourceAsStream("/dev-inbox/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev-inbox/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The inbox as JSON: the code {@code messages} and the {@code notices} (which have no code), each
     * newest first (an empty list when there are none).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Inbox(List<Message> messages, List<Message> notices) {
    }

    /**
     * One message: {@code challengeId} and {@code code} for a code only, {@code channel} {@code sms}
     * or {@code email}, {@code to} masked; {@code subject} and {@code htmlUrl} (its HTML body) for
     * e-mails only.
     */
    @Serdeable
    record Message(String id, @Nullable String challengeId, String receivedAt, String channel, String to, String locale, @Nullable String code,
                   @Nullable String subject, String text, @Nullable String htmlUrl) {
    }
}
