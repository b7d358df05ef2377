package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens as production verifies them: RS256 against the identity provider's JWKS, ES256
 * against a configured PEM key; every missing, expired or badly signed token is a 401 in the
 * API's error model on both path families.
 */
@MicronautTest(transactional = false)
class AuthenticationEndToEndTest extends EndToEndTest {

    private final ForeignKeys idp = new ForeignKeys();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("mfa.security.jwks-url", idp.jwksUrl());
        properties.put("mfa.security.jwt-public-key", idp.ecPublicKeyPem());
        return properties;
    }

    @AfterAll
    void stopIdentityProvider() {
        idp.close();
    }

    private static String phonePath(String user) {
        return "/resources/v3alpha/users/" + user + "/phone";
    }

    @Test
    void an_rs256_user_token_verified_against_the_jwks_manages_its_own_phone() {
        String user = "u-" + UUID.randomUUID();
        HttpResponse<String> response = http.json("PUT", phonePath(user), idp.rs256(ForeignKeys.valid(user)),
                "{\"phone\":\"+4915112345678\"}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void an_es256_service_token_verified_against_the_configured_pem_key_is_accepted() {
        String user = "u-" + UUID.randomUUID();
        HttpResponse<String> response = http.json("PUT", phonePath(user),
                idp.es256(ForeignKeys.valid("crm").claim("scope", "mfa.factors.manage")), "{\"phone\":\"+4915112345678\"}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "expired", "badly signed", "unsigned", "without exp", "garbage"})
    void a_bad_token_is_401_unauthorized_as_error_response_under_internal(String kind) {
        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/challenges", token(kind), "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(response.body()).contains("\"code\":\"urn:plmr:mfa-totp:api:UNAUTHORIZED\"")
                .contains("\"requestId\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "expired", "badly signed", "unsigned", "without exp", "garbage"})
    void a_bad_token_is_401_unauthenticated_as_google_rpc_status_under_resources(String kind) {
        HttpResponse<String> response = http.json("GET", phonePath("u-1"), token(kind), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":16").contains("\"reason\":\"UNAUTHORIZED\"")
                .contains("type.googleapis.com/google.rpc.ErrorInfo");
    }

    private String token(String kind) {
        switch (kind) {
            case "missing":
                return null;
            case "expired":
                return idp.rs256(ForeignKeys.valid("u-1").issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                        .expirationTime(new Date(System.currentTimeMillis() - 3_600_000)));
            case "badly signed":
                return ForeignKeys.rs256ByStranger(ForeignKeys.valid("u-1"), idp.rsa.getKeyID());
            case "unsigned":
                return new com.nimbusds.jwt.PlainJWT(ForeignKeys.valid("u-1").build()).serialize();
            case "without exp":
                return idp.rs256(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("u-1"));
            default:
                return "not-a-jwt";
        }
    }
}
