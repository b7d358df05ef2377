package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.application.port.in.ReceiveDeliveryReceiptUseCase;
import com.plmr.mfa.domain.delivery.ProviderCallback;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The SMS providers' status callbacks ({@code DeliveryReceipts} in the spec). Providers carry no
 * token, so these paths are open to anyone; the signature over the body, checked by the use case
 * before anything is believed, is what admits a callback. The signature covers the body's exact
 * bytes (Twilio: every posted parameter, including those added after this was written), so the
 * controller hands over the {@link BodyCopy} instead of a decoded model, which is why it does not
 * implement the generated interface. Every believed callback answers 204 alike, so a caller learns
 * nothing about messages or challenges; a refused one answers 403, the same for every reason.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeliveryReceiptsController {

    static final String TWILIO = "/callbacks/v1/sms/twilio";
    static final String WEBHOOK = "/callbacks/v1/sms/webhook";

    private final ReceiveDeliveryReceiptUseCase receipts;

    DeliveryReceiptsController(ReceiveDeliveryReceiptUseCase receipts) {
        this.receipts = receipts;
    }

    /** Twilio posts a form; a JSON body is taken too, and refused like any body its signature does not cover. */
    @Post(uri = TWILIO, consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> twilio(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature) {
        return answer(request, "twilio", signature);
    }

    @Post(uri = WEBHOOK, consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> webhook(HttpRequest<?> request, @Nullable @Header("X-Mfa-Signature") String signature) {
        return answer(request, "webhook", signature);
    }

    /** The body is never bound, so the request size limit is applied here, as binding applies it elsewhere. */
    private HttpResponse<?> answer(HttpRequest<?> request, String provider, String signature) {
        if (request.getContentLength() > BodyCopy.MAX_COPIED) {
            return Replies.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, ErrorCode.BAD_REQUEST, "The request body is too large");
        }
        ProviderCallback callback = new ProviderCallback(provider, signature, BodyCopy.of(request).orElse(null));
        return switch (receipts.receive(callback)) {
            case ACCEPTED -> HttpResponse.noContent();
            case REFUSED -> Replies.error(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "The callback's signature is missing or does not verify");
            case MALFORMED -> Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "The callback is not a status callback of the provider");
        };
    }
}
