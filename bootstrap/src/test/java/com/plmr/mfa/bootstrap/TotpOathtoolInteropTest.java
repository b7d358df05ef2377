package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.client.model.StartTotpRegistrationRequest;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.TotpAlgorithm;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Codes from an independent implementation, GNU oathtool (Debian package {@code oathtool}), enrol
 * registrations of every algorithm and code length. Without oathtool the test fails: CI installs it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TotpOathtoolInteropTest implements TestPropertyProvider {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    EmbeddedServer server;

    @Inject
    TestClock clock;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @ParameterizedTest(name = "{0} with {1} digits")
    @CsvSource({"SHA1, 6", "SHA1, 8", "SHA256, 6", "SHA256, 8", "SHA512, 6", "SHA512, 8"})
    void an_oathtool_code_activates_the_registration(TotpAlgorithm algorithm, int digits) throws Exception {
        clock.set(T0);
        String user = TotpClients.newUser();
        var api = TotpClients.totpOf(server, user);
        StartTotpRegistrationResponse started = api.startTotpRegistration(user,
                new StartTotpRegistrationRequest().algorithm(algorithm).digits(digits));

        String code = oathtool(algorithm.getValue(), digits, started.getSecret());

        assertThat(code).hasSize(digits);
        assertThat(api.verifyTotpRegistration(user, started.getTotpId(),
                new VerifyTotpRegistrationRequest().code(code)).getDetails().getId()).isEqualTo(started.getTotpId());
    }

    private static String oathtool(String algorithm, int digits, String base32Secret) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(List.of("oathtool", "--totp=" + algorithm, "-d", Integer.toString(digits),
                    "-s", "30", "--now", "2026-11-23 10:00:00 UTC", "-b", base32Secret))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("oathtool is not installed; install it with `apt-get install -y oathtool`", e);
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail("oathtool did not answer within 10 seconds");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(process.exitValue()).as("oathtool exit status, output: %s", output).isZero();
        return output;
    }
}
