package com.plmr.mfa.bootstrap;

import io.micronaut.context.BeanContext;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verified-token cache in the running service: the framework's validator is behind it, a token
 * it knows is still answered as before, and a token differing from a known one (its signature
 * altered) is checked in full and refused.
 */
@MicronautTest(transactional = false)
class VerifiedTokenCacheEndToEndTest extends EndToEndTest {

    private static final String PATH = "/resources/v3alpha/users/u-cache/phone";

    @Inject
    BeanContext beans;

    @Test
    void the_framework_s_token_validator_sits_behind_the_cache() {
        assertThat(beans.getBeansOfType(TokenValidator.class))
                .hasAtLeastOneElementOfType(VerifiedTokenCache.Cached.class);
    }

    @Test
    void a_token_known_as_verified_is_answered_alike_and_one_with_an_altered_signature_is_refused() {
        String token = TestTokens.service("payments", TestTokens.ALL_SCOPES);
        int first = http.json("GET", PATH, token, null).statusCode();
        int second = http.json("GET", PATH, token, null).statusCode();
        int at = token.length() - 5;
        String altered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'Q' : 'A') + token.substring(at + 1);

        assertThat(first).isNotEqualTo(401).isEqualTo(second);
        assertThat(http.json("GET", PATH, altered, null).statusCode()).isEqualTo(401);
    }
}
