package com.plmr.mfa.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP against a running instance, for requests no generated SDK would send. */
final class RawHttp {

    private final URI base;
    private final HttpClient client = HttpClient.newHttpClient();

    RawHttp(EmbeddedServer server) {
        this.base = server.getURI();
    }

    /** @param headers further headers as name, value pairs */
    HttpResponse<String> send(String method, String path, String bearer, String contentType, String body,
                              String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> json(String method, String path, String bearer, String body) {
        return send(method, path, bearer, body == null ? null : "application/json", body);
    }
}
