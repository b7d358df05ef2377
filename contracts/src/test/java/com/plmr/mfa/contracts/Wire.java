package com.plmr.mfa.contracts;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import com.plmr.mfa.client.ApiClient;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.ErrorResponse;

import java.util.Map;

/**
 * What every consumer of the service agrees on: the example values the consumer tests run with,
 * the matchers for values the provider generates, and the provider-state expressions through
 * which the provider hands its generated ids, codes and tokens to the verification.
 *
 * <p>Tokens are provider state too: a consumer sends {@code Bearer <its token>}, and the provider
 * verification replaces the example with a token that is valid for the state's user or service.
 */
final class Wire {

    static final String PROVIDER = "mfa-totp";

    static final String CHALLENGE_ID = "ch_Zk3pX0aQ1vT7bN2cR8sY4w";
    static final String USER_ID = "u-4711";
    static final String EXAMPLE_TOKEN = "eyJhbGciOiJIUzI1NiJ9.example.signature";
    static final String AUTHORIZATION = "Authorization";
    static final String BEARER_FROM_STATE = "Bearer ${token}";

    static final String ID = "[A-Za-z0-9_-]{1,64}";
    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";
    static final String INSTANT_EXAMPLE = "2026-11-23T10:00:00Z";
    static final String REQUEST_ID = "[A-Za-z0-9._-]{1,64}";
    static final String JSON = "application/json";
    static final String JSON_TYPE = "application/json(;\\s*charset=(?i)utf-8)?";

    private Wire() {
    }

    /** The SDK pointed at the Pact mock server, sending the consumer's bearer token. */
    static ApiClient sdk(String baseUrl) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(builder -> builder.header(AUTHORIZATION, "Bearer " + EXAMPLE_TOKEN));
        return client;
    }

    static Map<String, Object> params(Object... keysAndValues) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A request on a challenge created by the provider state, with the state's token. */
    static au.com.dius.pact.consumer.dsl.PactDslRequestWithPath post(PactDslWithState given, String description,
                                                                     String pathTemplate) {
        return given.uponReceiving(description)
                .method("POST")
                .pathFromProviderState(pathTemplate, pathTemplate.replace("${challengeId}", CHALLENGE_ID))
                .headerFromProviderState(AUTHORIZATION, BEARER_FROM_STATE, "Bearer " + EXAMPLE_TOKEN);
    }

    /** The API's error body ({@code ErrorResponse}) with the given code. */
    static PactDslJsonBody error(String code) {
        return new PactDslJsonBody()
                .stringValue("code", "urn:plmr:mfa-totp:api:" + code)
                .stringType("message", "A human readable reason")
                .stringMatcher("requestId", REQUEST_ID, "b7c9e0d2-1f3a");
    }

    static PactDslResponse withRequestId(PactDslResponse response) {
        return response.matchHeader("X-Request-Id", REQUEST_ID, "b7c9e0d2-1f3a");
    }

    /** How a consumer reads the service's refusal: the SDK's exception and its typed error body. */
    static ErrorResponse errorOf(ApiException e) {
        return e.getErrorResponse().orElseThrow(
                () -> new AssertionError("the error body is not an ErrorResponse: " + e.getResponseBody()));
    }
}
