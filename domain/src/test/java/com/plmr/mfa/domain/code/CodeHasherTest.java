package com.plmr.mfa.domain.code;

import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.recovery.RecoveryCode;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeHasherTest {

    static final byte[] KEY = new byte[32];
    static final ChallengeId CHALLENGE = new ChallengeId("ch_1");
    static final OperationDigest OPERATION = OperationDigest.of(new StepUpContext("payment", "pay-1", null, null));
    final CodeHasher hasher = new CodeHasher(KEY);

    static OperationDigest payment(String amount) {
        return OperationDigest.of(new StepUpContext("payment", "pay-1", null, null, new TransactionDetails(
                "payment_initiation", Amount.of(amount, "EUR"), new Payee("ACME GmbH", null), null)));
    }

    @Test
    void the_right_code_matches_its_hash() {
        byte[] hash = hasher.hash(CHALLENGE, ChallengeMethod.SMS, OPERATION, "123456");

        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.SMS, OPERATION, "123456", hash)).isTrue();
    }

    @Test
    void a_code_is_bound_to_its_challenge_and_method() {
        byte[] hash = hasher.hash(CHALLENGE, ChallengeMethod.SMS, OPERATION, "123456");
        assertThat(hasher.matches(new ChallengeId("ch_2"), ChallengeMethod.SMS, OPERATION, "123456", hash)).isFalse();
        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.EMAIL, OPERATION, "123456", hash)).isFalse();
        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.SMS, OPERATION, "123457", hash)).isFalse();
    }

    @Test
    void a_code_is_bound_to_the_amount_of_the_operation_it_was_issued_for() {
        byte[] hash = hasher.hash(CHALLENGE, ChallengeMethod.SMS, payment("40.00"), "123456");

        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.SMS, payment("40"), "123456", hash)).isTrue();
        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.SMS, payment("4000.00"), "123456", hash)).isFalse();
        assertThat(hasher.matches(CHALLENGE, ChallengeMethod.SMS, OPERATION, "123456", hash)).isFalse();
    }

    /**
     * HMAC-SHA-256 under 32 zero bytes of {@code ch_1 0x00 SMS 0x00}, the 32 bytes of SHA-256 over
     * the context's RFC 8785 form, and {@code 123456}; computed with Python's hmac and hashlib.
     */
    @Test
    void the_hash_covers_id_method_operation_digest_and_code_as_documented() {
        assertThat(HexFormat.of().formatHex(hasher.hash(CHALLENGE, ChallengeMethod.SMS, OPERATION, "123456")))
                .isEqualTo("59dd3261867dc1eeffa23cb02e2781e4a639090ef7748b412a9f339676cfa1cb");
        assertThat(HexFormat.of().formatHex(hasher.hash(CHALLENGE, ChallengeMethod.SMS, payment("40.00"), "123456")))
                .isEqualTo("504d89426994dd5640d16675e5c88229a59171c7ffbac82b1f2e84dcb3d5bba5");
        assertThat(HexFormat.of().formatHex(hasher.hash(CHALLENGE, ChallengeMethod.SMS, payment("4000.00"), "123456")))
                .isEqualTo("18af9e2102358a55303004e4a30af21719f3673a8edfb7f8c83499c09b5216bd");
    }

    @Test
    void the_hash_depends_on_the_server_key() {
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 7);
        assertThat(new CodeHasher(otherKey).hash(CHALLENGE, ChallengeMethod.SMS, OPERATION, "123456"))
                .isNotEqualTo(hasher.hash(CHALLENGE, ChallengeMethod.SMS, OPERATION, "123456"));
    }

    @Test
    void short_keys_are_refused_and_the_key_never_shows() {
        assertThatThrownBy(() -> new CodeHasher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.toString()).contains("***");
    }

    /** HMAC-SHA-256 under 32 zero bytes of {@code recovery 0x00 u-42 0x00 7kq2m9xd4hvt}; computed with Python's hmac. */
    @Test
    void a_recovery_code_hash_covers_purpose_user_and_canonical_code_as_documented() {
        RecoveryCode code = RecoveryCode.parse("7KQ2-M9XD-4HVT").orElseThrow();

        assertThat(HexFormat.of().formatHex(hasher.recoveryCodeHash(new UserId("u-42"), code)))
                .isEqualTo("dd59ca44a614b41db4e75cbdd56ba6588724e39b9fb48e0bca19f0772b533ce7");
        assertThat(hasher.recoveryCodeHash(new UserId("u-43"), code))
                .isNotEqualTo(hasher.recoveryCodeHash(new UserId("u-42"), code));
    }
}
