package com.plmr.mfa.adapter.out.notify.sms;

import com.plmr.mfa.adapter.out.notify.SenderSettings;
import com.plmr.mfa.application.port.out.SendOutcome;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One POST to an SMS gateway with {@link HttpClient}, turned into a {@link SendOutcome}.
 *
 * <p>Status codes are classified by {@link HttpStatusClassifier}; timeouts, refused connections and
 * other I/O errors are transient. Reasons name the provider, the status and at most a
 * provider-specific detail the caller extracts (for example an error number), never the response
 * text, which may quote the destination.
 */
final class HttpGateway {

    private final String provider;
    private final HttpClient client;
    private final Duration requestTimeout;

    /** @param prefix the configuration prefix of the provider's settings, named when a timeout is wrong */
    HttpGateway(String provider, String prefix, Duration connectTimeout, Duration requestTimeout) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.requestTimeout = SenderSettings.positive(requestTimeout, prefix + ".request-timeout");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(SenderSettings.positive(connectTimeout, prefix + ".connect-timeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A request builder for the URI with the request timeout already set. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    /**
     * Sends the request.
     *
     * @param providerMessageId reads the provider's message id from a 2xx response body
     * @param errorDetail       reads a short, safe detail from an error response body, or {@code null}
     */
    SendOutcome send(HttpRequest request, Function<String, String> providerMessageId,
                     Function<String, String> errorDetail) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            return new SendOutcome.TransientFailure(provider + " connect timeout");
        } catch (HttpTimeoutException e) {
            return new SendOutcome.TransientFailure(provider + " request timeout");
        } catch (ConnectException e) {
            return new SendOutcome.TransientFailure(provider + " connection failed");
        } catch (IOException e) {
            return new SendOutcome.TransientFailure(provider + " i/o error (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.TransientFailure(provider + " send interrupted");
        }
        int status = response.statusCode();
        return switch (HttpStatusClassifier.classify(status)) {
            case ACCEPTED -> new SendOutcome.Accepted(providerMessageId.apply(response.body()));
            case TRANSIENT -> new SendOutcome.TransientFailure(reason(status, errorDetail, response.body()));
            case PERMANENT -> new SendOutcome.PermanentFailure(reason(status, errorDetail, response.body()));
        };
    }

    private String reason(int status, Function<String, String> errorDetail, String body) {
        String detail = errorDetail.apply(body);
        return provider + " http " + status + (detail == null ? "" : " " + detail);
    }

    /** Parses an absolute http(s) URI from configuration; the key is named in the error. */
    static URI httpUri(String value, String key) {
        try {
            URI uri = new URI(SenderSettings.required(value, key));
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException(key + " must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL", e);
        }
    }
}
