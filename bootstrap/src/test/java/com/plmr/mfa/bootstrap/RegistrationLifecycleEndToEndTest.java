package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.plmr.mfa.bootstrap.TotpClients.appCode;
import static com.plmr.mfa.bootstrap.TotpClients.assertStatus;
import static com.plmr.mfa.bootstrap.TotpClients.newUser;
import static com.plmr.mfa.bootstrap.TotpClients.refusedVerify;
import static com.plmr.mfa.bootstrap.TotpClients.start;
import static com.plmr.mfa.bootstrap.TotpClients.totpOf;
import static com.plmr.mfa.bootstrap.TotpClients.verify;
import static com.plmr.mfa.bootstrap.TotpClients.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of an authenticator-app registration on the real database: a started registration that
 * nobody verifies expires after its enrolment lifetime (10 minutes by default), is refused and left
 * out of the list from then on, and is deleted by the purge; a registration that keeps being locked
 * is locked twice as long each time, up to the maximum, until a right code ends the escalation.
 */
@MicronautTest(transactional = false)
class RegistrationLifecycleEndToEndTest extends EndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    @Inject
    PurgeExpiredDataUseCase purge;

    private final Map<String, String> database = TestDatabase.properties();
    private final RetentionRows rows = new RetentionRows(database);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.totp.max-failures", "2");
        properties.put("mfa.totp.lockout", "5m");
        properties.put("mfa.totp.max-lockout", "20m");
        return properties;
    }

    @BeforeEach
    void resetClock() {
        clock.set(T0);
    }

    @Test
    void an_unverified_registration_expires_after_ten_minutes_and_the_purge_deletes_it() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse expiring = start(server, user);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        StartTotpRegistrationResponse finished = start(server, user);
        verify(server, user, finished, appCode(finished, clock.instant()));
        clock.advance(Duration.ofSeconds(1));

        ApiException refused = refusedVerify(server, user, expiring, appCode(expiring, clock.instant()));

        assertStatus(refused, 404, 5, "USER_NOT_FOUND");
        assertThat(totpOf(server, user).listTotpRegistrations(user).getResult())
                .extracting(registration -> registration.getTotpId()).containsExactly(finished.getTotpId());
        assertThat(purge.purgeExpired().unverifiedRegistrations()).isGreaterThanOrEqualTo(1);
        assertThat(rows.ids("SELECT id FROM totp_registration WHERE user_id = '" + user + "'"))
                .containsExactly(finished.getTotpId());
    }

    @Test
    void a_registration_verified_just_before_its_enrolment_ends_stays() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(server, user);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));

        verify(server, user, started, appCode(started, clock.instant()));
        clock.advance(Duration.ofDays(1));
        purge.purgeExpired();

        assertThat(rows.ids("SELECT id FROM totp_registration WHERE user_id = '" + user + "'"))
                .containsExactly(started.getTotpId());
    }

    @Test
    void each_further_lockout_lasts_twice_as_long_up_to_the_maximum_until_a_right_code() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(server, user);
        verify(server, user, started, appCode(started, clock.instant()));

        assertThat(lockoutAfterTwoWrongCodes(user, started)).isEqualTo(List.of(300L));
        assertThat(lockoutAfterTwoWrongCodes(user, started)).isEqualTo(List.of(600L));
        assertThat(lockoutAfterTwoWrongCodes(user, started)).isEqualTo(List.of(1200L));
        assertThat(lockoutAfterTwoWrongCodes(user, started)).as("the maximum").isEqualTo(List.of(1200L));

        clock.advance(Duration.ofSeconds(30));
        verify(server, user, started, appCode(started, clock.instant()));
        assertThat(lockoutAfterTwoWrongCodes(user, started)).as("a right code ends the escalation")
                .isEqualTo(List.of(300L));
    }

    /** Two wrong codes lock the registration: the lockout's length as Retry-After; then the lockout is waited out. */
    private List<Long> lockoutAfterTwoWrongCodes(String user, StartTotpRegistrationResponse started) {
        for (int i = 0; i < 2; i++) {
            assertStatus(refusedVerify(server, user, started, wrongCode(started, clock.instant())), 400, 3, "INVALID_OTP");
        }
        ApiException locked = refusedVerify(server, user, started, appCode(started, clock.instant()));
        assertStatus(locked, 429, 8, "TOO_MANY_REQUESTS");
        long seconds = Long.parseLong(locked.getResponseHeaders().firstValue("Retry-After").orElseThrow());
        clock.advance(Duration.ofSeconds(seconds));
        return List.of(seconds);
    }
}
