package com.plmr.mfa.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The verified-token cache's bounds: the token's expiry, one key-set refresh, its size. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration REFRESH = Duration.ofSeconds(60);
    private final TestClock clock = new TestClock();
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, REFRESH, clock);

    VerifiedTokensTest() {
        clock.set(NOW);
    }

    @Test
    void a_verified_token_is_known_until_its_expiry() {
        tokens.put("token-a", NOW.plusSeconds(30), "u-a");

        clock.set(NOW.plusSeconds(29));
        assertThat(tokens.get("token-a")).contains("u-a");
        clock.set(NOW.plusSeconds(30));
        assertThat(tokens.get("token-a")).isEmpty();
    }

    @Test
    void a_token_is_checked_again_one_key_set_refresh_after_its_check_however_long_it_is_valid() {
        tokens.put("token-a", NOW.plus(Duration.ofHours(1)), "u-a");

        clock.set(NOW.plus(REFRESH).minusMillis(1));
        assertThat(tokens.get("token-a")).contains("u-a");
        clock.set(NOW.plus(REFRESH));
        assertThat(tokens.get("token-a")).as("its key may have left the key set since").isEmpty();
    }

    @Test
    void another_token_even_one_byte_apart_is_not_known() {
        tokens.put("token-a", NOW.plusSeconds(30), "u-a");

        assertThat(tokens.get("token-b")).isEmpty();
        assertThat(tokens.get("token-a ")).isEmpty();
    }

    @Test
    void an_expired_token_is_not_kept() {
        tokens.put("token-a", NOW, "u-a");

        assertThat(tokens.get("token-a")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void the_least_recently_used_token_leaves_first_when_the_cache_is_full() {
        tokens.put("token-a", NOW.plusSeconds(30), "u-a");
        tokens.put("token-b", NOW.plusSeconds(30), "u-b");
        tokens.put("token-c", NOW.plusSeconds(30), "u-c");
        assertThat(tokens.get("token-a")).contains("u-a");

        tokens.put("token-d", NOW.plusSeconds(30), "u-d");

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get("token-b")).isEmpty();
        assertThat(tokens.get("token-a")).contains("u-a");
        assertThat(tokens.get("token-d")).contains("u-d");
    }
}
