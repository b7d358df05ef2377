package com.plmr.mfa.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers to requests a client gets wrong in the protocol (an {@code Accept} without JSON, a
 * body that is no JSON or too large, a method the path does not have) carry a status that the spec
 * documents for the operation, explicitly and not only as {@code default}, with a body in the
 * error model of the path. Operations are read from the spec the service serves.
 */
@MicronautTest(transactional = false)
class DocumentedStatusesEndToEndTest extends EndToEndTest {

    private static final String TOKEN = "Authorization: Bearer " + TestTokens.service("payments", TestTokens.ALL_SCOPES);

    private RawSocket http;
    private Map<String, List<SpecOperation>> paths;
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    void readSpec() {
        http = new RawSocket(server);
        paths = SpecOperation.all().stream()
                .collect(Collectors.groupingBy(SpecOperation::path, LinkedHashMap::new, Collectors.toList()));
    }

    @Test
    void an_accept_header_without_json_is_406_on_every_operation() {
        each(operation -> expect(operation, operation.method(), List.of(TOKEN, "Accept: text/html"),
                operation.body() ? "{}" : null, "Content-Type: application/json", 406));
    }

    @Test
    void a_body_that_is_no_json_is_415_on_every_operation_that_takes_one() {
        each(operation -> {
            if (operation.body()) {
                expect(operation, operation.method(), List.of(TOKEN), "x", "Content-Type: text/plain", 415);
            }
        });
    }

    @Test
    void a_body_over_the_limit_is_413_on_every_operation_that_takes_one() {
        String large = "{\"a\":\"" + "x".repeat(20_000) + "\"}";
        each(operation -> {
            if (operation.body()) {
                expect(operation, operation.method(), List.of(TOKEN), large, "Content-Type: application/json", 413);
            }
        });
    }

    @Test
    void a_method_the_path_does_not_have_is_405_documented_on_its_operations() {
        paths.forEach((path, operations) -> {
            for (String method : SpecOperation.METHODS) {
                String upper = method.toUpperCase(Locale.ROOT);
                if (operations.stream().noneMatch(o -> o.method().equals(upper))) {
                    operations.forEach(operation -> expect(operation, upper, List.of(TOKEN), null, null, 405));
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    private void each(Consumer<SpecOperation> check) {
        paths.values().forEach(operations -> operations.forEach(check));
        assertThat(violations).as(String.join("\n", violations)).isEmpty();
    }

    private void expect(SpecOperation operation, String method, List<String> headers, String body, String contentType,
                        int status) {
        List<String> lines = new ArrayList<>(headers);
        if (body != null && contentType != null) {
            lines.add(contentType);
        }
        RawSocket.Answer answer = http.send(method, operation.target("fuzz-1"), lines, body);
        String what = method + " " + operation.path() + " -> " + answer.status();
        if (answer.status() != status) {
            violations.add(what + ", expected " + status + ": " + answer.body());
        } else if (!operation.statuses().contains(Integer.toString(status))) {
            violations.add(what + " is not documented for " + operation.method() + " " + operation.path());
        } else {
            try {
                ErrorModel.assertAnswer(operation.target("fuzz-1"), answer);
            } catch (AssertionError e) {
                violations.add(what + ": " + e.getMessage());
            }
        }
    }

}
