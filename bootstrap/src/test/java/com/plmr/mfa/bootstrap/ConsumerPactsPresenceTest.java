package com.plmr.mfa.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider verification reads a folder: a consumer whose pact went missing must not pass unnoticed. */
class ConsumerPactsPresenceTest {

    @Test
    void the_pacts_of_payments_service_web_bff_and_support_console_are_there_to_verify_with_all_their_interactions()
            throws IOException {
        Path pacts = Path.of(ConsumerContractsProviderTest.PACTS);
        assertThat(interactions(pacts.resolve("payments-service-mfa-totp.json"))).isEqualTo(11);
        assertThat(interactions(pacts.resolve("web-bff-mfa-totp.json")))
                .as("the code flows, the authenticator-app registration and the recovery codes, written by three"
                        + " test classes")
                .isEqualTo(17);
        assertThat(interactions(pacts.resolve("support-console-mfa-totp.json"))).isEqualTo(2);
    }

    private static long interactions(Path pact) throws IOException {
        assertThat(pact).exists();
        return Pattern.compile("\"providerStates\"").matcher(Files.readString(pact)).results().count();
    }
}
