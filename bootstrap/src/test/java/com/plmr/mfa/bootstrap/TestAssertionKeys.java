package com.plmr.mfa.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * P-256 private keys written by {@code openssl genpkey -algorithm EC -pkeyopt
 * ec_paramgen_curve:P-256}, for the tests that start the service outside the dev and test
 * environments, and their RFC 7638 thumbprints as Node.js computed them.
 */
final class TestAssertionKeys {

    static final String EXAMPLE_KID = "hbASvAnuXKEPe6-FqIWpSE80-JLCG5fgLfOuFPsVs7M";
    static final String SECOND_KID = "nRjK7o6FcXRBcMnLS-mQmjoDbA7FnwaMwQW466472Jw";

    private TestAssertionKeys() {
    }

    static String example() {
        return read("example-p256.pem");
    }

    static String second() {
        return read("second-p256.pem");
    }

    static String read(String name) {
        try (InputStream in = TestAssertionKeys.class.getResourceAsStream("/assertion-keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
