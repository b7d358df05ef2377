package com.plmr.mfa.adapter.out.notify.sms;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpStatusClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "200, ACCEPTED", "201, ACCEPTED", "202, ACCEPTED", "204, ACCEPTED",
            "408, TRANSIENT", "429, TRANSIENT", "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT",
            "301, PERMANENT", "400, PERMANENT", "401, PERMANENT", "403, PERMANENT", "404, PERMANENT", "409, PERMANENT",
            "422, PERMANENT"})
    void a_status_is_classified_as_accepted_transient_or_permanent(int status, HttpStatusClassifier.Kind kind) {
        assertThat(HttpStatusClassifier.classify(status)).isEqualTo(kind);
    }
}
