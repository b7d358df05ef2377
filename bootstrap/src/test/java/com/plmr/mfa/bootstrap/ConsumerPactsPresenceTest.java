package com.plmr.mfa.bootstrap;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider verification reads a folder: a consumer whose pact went missing must not pass unnoticed. */
class ConsumerPactsPresenceTest {

    @Test
    void the_pacts_of_payments_service_and_web_bff_are_there_to_verify() {
        Path pacts = Path.of(ConsumerContractsProviderTest.PACTS);
        assertThat(pacts.resolve("payments-service-mfa-totp.json")).exists();
        assertThat(pacts.resolve("web-bff-mfa-totp.json")).exists();
    }
}
