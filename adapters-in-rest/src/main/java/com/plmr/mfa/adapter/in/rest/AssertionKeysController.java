package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.AssertionKeysApi;
import com.plmr.mfa.adapter.in.rest.model.JsonWebKey;
import com.plmr.mfa.adapter.in.rest.model.JsonWebKeySet;
import com.plmr.mfa.application.port.in.ReadAssertionKeysUseCase;
import com.plmr.mfa.domain.assertion.AssertionKey;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.math.BigInteger;
import java.util.Base64;

/** The JWKS of step-up assertions, public (caching: {@link SecurityHeadersFilter#PUBLISHED_KEYS}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class AssertionKeysController implements AssertionKeysApi {

    /** A P-256 coordinate: 32 bytes, big-endian, left-padded (RFC 7518 §6.2.1.2). */
    private static final int COORDINATE_BYTES = 32;
    private final ReadAssertionKeysUseCase keys;

    AssertionKeysController(ReadAssertionKeysUseCase keys) {
        this.keys = keys;
    }

    @Override
    public HttpResponse<JsonWebKeySet> getAssertionKeys() {
        return HttpResponse.ok(new JsonWebKeySet().keys(keys.publishedKeys().stream()
                .map(AssertionKeysController::toModel).toList()));
    }

    private static JsonWebKey toModel(AssertionKey key) {
        return new JsonWebKey().kty("EC").crv("P-256")
                .x(coordinate(key.key().getW().getAffineX()))
                .y(coordinate(key.key().getW().getAffineY()))
                .kid(key.kid()).use("sig").alg("ES256");
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[COORDINATE_BYTES];
        int length = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, fixed, COORDINATE_BYTES - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
