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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Sends SMS through Twilio's Messages REST API:
 * {@code POST {baseUrl}/2010-04-01/Accounts/{accountSid}/Messages.json}, form fields {@code To},
 * {@code From} (or {@code MessagingServiceSid}) and {@code Body}, HTTP Basic auth
 * {@code accountSid:authToken}, and {@code I-Twilio-Idempotency-Token} set to the message's
 * idempotency key so a retried request is not sent twice, and {@code StatusCallback} when receipts are
 * configured ({@link TwilioReceipts}). The {@code sid} of the response is the provider message id.
 */
public final class TwilioSmsSender implements SendMessagePort {

    static final String PROVIDER = "twilio";
    static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsSender.class);

    private final MessageTemplates templates;
    private final HttpGateway gateway;
    private final URI messagesUri;
    private final String authorization;
    private final String from;
    private final String messagingServiceSid;
    private final String statusCallback;

    public TwilioSmsSender(TwilioProperties properties, MessageTemplates templates) {
        Objects.requireNonNull(properties, "properties");
        this.templates = Objects.requireNonNull(templates, "templates");
        String prefix = TwilioProperties.PREFIX + ".";
        URI base = HttpGateway.httpUri(properties.baseUrl(), prefix + "base-url");
        String accountSid = SenderSettings.required(properties.accountSid(), prefix + "account-sid");
        String authToken = SenderSettings.required(properties.authToken(), prefix + "auth-token");
        this.messagingServiceSid = SenderSettings.optional(properties.messagingServiceSid());
        this.statusCallback = properties.statusCallbackUrl() == null ? null
                : HttpGateway.httpUri(properties.statusCallbackUrl(), prefix + "status-callback-url").toString();
        this.from = messagingServiceSid != null ? null
                : SenderSettings.required(properties.from(), prefix + "from (or " + prefix + "messaging-service-sid)");
        String root = base.toString().replaceAll("/+$", "");
        this.messagesUri = URI.create(root + "/2010-04-01/Accounts/"
                + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.gateway = new HttpGateway(PROVIDER, TwilioProperties.PREFIX, properties.connectTimeout(),
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
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.to().address());
        if (messagingServiceSid != null) {
            form.put("MessagingServiceSid", messagingServiceSid);
        } else {
            form.put("From", from);
        }
        form.put("Body", templates.smsText(message));
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        HttpRequest request = gateway.request(messagesUri)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .header(IDEMPOTENCY_HEADER, message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form), StandardCharsets.UTF_8))
                .build();
        SendOutcome outcome = gateway.send(request,
                body -> {
                    String sid = Json.topLevelField(body, "sid");
                    if (sid == null) {
                        LOG.warn("SMS message {}: twilio accepted it without a sid in the response", message.messageId());
                        return message.messageId();
                    }
                    return sid;
                },
                TwilioSmsSender::errorDetail);
        return OutcomeLog.log(LOG, PROVIDER, message, outcome);
    }

    /** Twilio's numeric error code ({@code "code": 21211}); its {@code message} may quote the number, so it is left out. */
    static String errorDetail(String body) {
        String code = Json.topLevelField(body, "code");
        return code != null && code.chars().allMatch(Character::isDigit) ? "error " + code : null;
    }

    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return "TwilioSmsSender[" + messagesUri + "]";
    }
}
