package com.plmr.mfa.adapter.in.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Accept-Encoding reduced to the codings clients decode (RFC 9110 section 12.5.3). */
class AcceptEncodingTest {

    @ParameterizedTest(name = "[{0}] offers [{1}]")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "*                          | gzip, deflate",
            "'*;q=0.5'                  | gzip;q=0.5, deflate;q=0.5",
            "gzip, deflate, br          | gzip, deflate, br",
            "br;q=1.0, gzip;q=0.8       | br, gzip;q=0.8",
            "snappy                     | none",
            "'snappy, zstd, *'          | gzip, deflate",
            "zstd;q=1, gzip;q=0.1       | gzip;q=0.1",
            "x-gzip                     | gzip",
            "GZIP                       | gzip",
            "'gzip;q=0, *'              | deflate",
            "'*;q=0'                    | none",
            "identity                   | none",
            "'identity, gzip;q=0.5'     | none",
            "'identity;q=0.5, gzip'     | gzip",
            "'identity;q=0, gzip;q=0.3' | gzip;q=0.3",
            "';'                        | none",
            "','                        | none",
            "';;;'                      | none",
            "'gzip;q=x, deflate'        | deflate",
            "'gzip;q=2'                 | none",
            "'gzip;level=9'             | none",
            "'gzip, gzip;q=0.1'         | gzip",
            "''                         | none",
    })
    void keeps_only_codings_that_clients_decode(String header, String expected) {
        assertThat(AcceptEncoding.offered(header)).isEqualTo(Optional.ofNullable(expected));
    }
}
