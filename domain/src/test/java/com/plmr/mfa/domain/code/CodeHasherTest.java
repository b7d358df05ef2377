package com.plmr.mfa.domain.code;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeHasherTest {

    static final byte[] KEY = new byte[32];
    static final ChallengeId CHALLENGE = new ChallengeId("ch_1");
    final CodeHasher hasher = new CodeHasher(KEY);

    @Test
    void the_right_code_matches_its_hash() {
        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.SMS, "123456", hasher.hash(CHALLENGE, ChallengeMethod.SMS, "123456")))
                .isTrue();
    }

    @Test
    void a_code_is_bound_to_its_challenge_and_method() {
        byte[] hash = hasher.hash(CHALLENGE, ChallengeMethod.SMS, "123456");
        assertThat(hasher.matches(new ChallengeId("ch_2"), ChallengeMethod.SMS, "123456", hash)).isFalse();
        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.EMAIL, "123456", hash)).isFalse();
        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.SMS, "123457", hash)).isFalse();
    }

    @Test
    void the_hash_depends_on_the_server_key() {
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 7);
        assertThat(new CodeHasher(otherKey).hash(CHALLENGE, ChallengeMethod.SMS, "123456"))
                .isNotEqualTo(hasher.hash(CHALLENGE, ChallengeMethod.SMS, "123456"));
    }

    @Test
    void short_keys_are_refused_and_the_key_never_shows() {
        assertThatThrownBy(() -> new CodeHasher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.toString()).contains("***");
    }
}
