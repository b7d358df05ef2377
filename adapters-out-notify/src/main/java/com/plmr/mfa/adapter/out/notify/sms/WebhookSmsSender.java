package com.plmr.mfa.adapter.out.notify.sms;

import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import com.plmr.mfa.adapter.out.notify.OutcomeLog;
import com.plmr.mfa.adapter.out.notify.SenderSettings;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sends SMS by POSTing JSON {@code {"messageId": ..., "to": ..., "body": ...}} to a configured
 * URL (an in-house gateway, a function, another provider behind a bridge), with an
 * {@code Idempotency-Key} header and, when configured, {@code Authorization: Bearer <token>}.
 * The provider message id is the response's top-level {@code id} field when present, else the
 * message id. With receipts configured the JSON also names {@code statusCallback}, where the gateway
 * posts its signed status callbacks ({@link WebhookReceipts}).
 */
public final class WebhookSmsSender implements SendMessagePort {

    static final String PROVIDER = "webhook";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSmsSender.class);

    private final MessageTemplates templates;
    private final HttpGateway gateway;
    private final URI url;
    private final String authorization;
    private final String statusCallback;

    public WebhookSmsSender(WebhookProperties properties, MessageTemplates templates) {
        Objects.requireNonNull(properties, "properties");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.url = HttpGateway.httpUri(properties.url(), WebhookProperties.PREFIX + ".url");
        String token = SenderSettings.optional(properties.bearerToken());
        this.authorization = token == null ? null : "Bearer " + token;
        this.statusCallback = properties.statusCallbackUrl() == null ? null : HttpGateway.httpUri(
                properties.statusCallbackUrl(), WebhookProperties.PREFIX + ".status-callback-url").toString();
        this.gateway = new HttpGateway(PROVIDER, WebhookProperties.PREFIX, properties.connectTimeout(),
                properties.requestTimeout());
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel == Channel.SMS;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("messageId", message.messageId());
        json.put("to", message.to().address());
        json.put("body", templates.smsText(message));
        if (statusCallback != null) {
            json.put("statusCallback", statusCallback);
        }
        HttpRequest.Builder request = gateway.request(url)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header(IDEMPOTENCY_HEADER, message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(Json.object(json), StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        SendOutcome outcome = gateway.send(request.build(),
                body -> {
                    String id = Json.topLevelField(body, "id");
                    return id != null ? id : message.messageId();
                },
                body -> null);
        return OutcomeLog.log(LOG, PROVIDER, message, outcome);
    }

    @Override
    public String toString() {
        return "WebhookSmsSender[" + url.getScheme() + "://" + url.getAuthority() + "]";
    }
}
