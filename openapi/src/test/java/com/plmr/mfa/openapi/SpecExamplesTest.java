package com.plmr.mfa.openapi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response body of the spec has an example, and every example is valid against its own schema. */
class SpecExamplesTest {

    private static final Path SPEC = Path.of("src/main/resources/META-INF/openapi/mfa-totp.yaml");

    @Test
    void every_response_body_has_an_example_that_its_schema_accepts() {
        SpecExamples examples = SpecExamples.of(SPEC);

        assertThat(examples.responseBodies()).hasSizeGreaterThan(200);
        assertThat(examples.violations()).isEmpty();
    }

    @Test
    void reports_an_example_its_schema_refuses() throws IOException {
        String spec = Files.readString(SPEC);
        String consumed = "                status: consumed\n";
        assertThat(spec).contains(consumed);

        SpecExamples broken = SpecExamples.of(spec.replace(consumed, "                status: approved\n"));

        assertThat(broken.violations()).anySatisfy(violation -> assertThat(violation)
                .startsWith("POST /internal/v1/mfa/challenges/{challengeId}:consume 200 application/json example: ")
                .contains("status"));
    }

    @Test
    void reports_a_required_field_missing_from_an_example() throws IOException {
        String spec = Files.readString(SPEC);
        String maskedDestination = "            maskedDestination: +49 *** *** 12\n";
        assertThat(spec).contains(maskedDestination);

        SpecExamples broken = SpecExamples.of(spec.replace(maskedDestination, ""));

        assertThat(broken.violations()).anyMatch(violation -> violation.contains(":initiate 200")
                && violation.contains("maskedDestination"));
    }

    @Test
    void reports_a_response_body_without_example() throws IOException {
        String spec = Files.readString(SPEC);
        String example = "          example:\n            code: urn:plmr:mfa-totp:api:UNAUTHORIZED\n";
        assertThat(spec).contains(example);

        SpecExamples broken = SpecExamples.of(spec.replace(example, "          x-example:\n            code: urn:plmr:mfa-totp:api:UNAUTHORIZED\n"));

        assertThat(broken.violations()).contains("POST /internal/v1/mfa/challenges 401 application/json: no example");
    }
}
