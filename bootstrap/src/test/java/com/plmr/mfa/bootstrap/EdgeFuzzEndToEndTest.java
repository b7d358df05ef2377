package com.plmr.mfa.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile headers and odd paths against every operation the spec lists (read from the spec the
 * service serves, so a new operation is covered without touching this test): malformed values of
 * every standard request header, odd path parameters, odd paths and methods. Every answer must be
 * below 500, carry an {@code X-Request-Id} and the security headers, and, for an error, hold a
 * body in the error model of its path. Each operation gets every header with a few of the values,
 * rotating, so every value meets every header across the operations.
 */
@MicronautTest(transactional = false)
class EdgeFuzzEndToEndTest extends EndToEndTest {

    private static final String TOKEN = "Bearer " + TestTokens.service("payments", TestTokens.ALL_SCOPES);
    /** With an even count of values, two per header and operation bring every value to every header. */
    private static final int VALUES_PER_HEADER = 2;

    /** The request headers of RFC 9110 and those every proxy and browser adds. */
    static final List<String> HEADERS = List.of("Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language",
            "Authorization", "Cache-Control", "Connection", "Content-Encoding", "Content-Language", "Content-Length",
            "Content-Location", "Content-Range", "Content-Type", "Cookie", "Date", "Expect", "Forwarded", "From", "Host",
            "If-Match", "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since", "Max-Forwards", "Origin",
            "Pragma", "Proxy-Authorization", "Range", "Referer", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
            "User-Agent", "Via", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Proto",
            "X-Request-Id", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Sec-Fetch-Mode");

    /** Values no header accepts, or that break naive parsers; control characters are refused by the server itself. */
    static final List<String> VALUES = List.of("", ";", ",", ";;;", ",,;;==", "=", "*", "\t ", "x;q=2", "*;q=x, ;",
            "a".repeat(6_000), "\u00e9\u00ff\u00fe", "%00%zz", "\u0001", "-1", "99999999999999999999", "bytes=-,",
            "Bearer", "Basic !!!", "application/json; charset=nope", "*/*;q=x", "text/html;;", "gzip;q=", "de-;q=0.5",
            "null", "[\"a\"]", "{}", "<script>", "\\", "\"unterminated", "chunked, gzip", "h2c", "100-continue-x", "max-age=-1");

    /** Request targets no client should send, as a path parameter or as the whole path. */
    static final List<String> ODD_PARAMETERS = List.of("%", "%zz", "%00", "..", "%2e%2e", "a%2Fb", "%C3%BC", "\u00fc",
            "x".repeat(300), "'%20OR%201=1", "{challengeId}", "a;b=c", "*", "%3Averify", "a:b:c", "~", "a%20b");
    static final List<String> ODD_PATHS = List.of("//", "/./", "/../", "?a=%zz", "?", "#x", ";x=y", "%2F", "/:verify");
    static final List<String> ODD_METHODS = List.of("HEAD", "OPTIONS", "TRACE", "PATCH", "FOO", "GET", "DELETE");

    private RawSocket http;
    private List<SpecOperation> operations;
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    @BeforeAll
    void readSpec() {
        http = new RawSocket(server);
        operations = SpecOperation.all();
    }

    @Test
    void the_spec_lists_every_operation_the_fuzz_reaches() {
        assertThat(operations).hasSizeGreaterThanOrEqualTo(19)
                .anyMatch(o -> o.path().startsWith("/internal/")).anyMatch(o -> o.path().startsWith("/resources/"));
    }

    @Test
    void malformed_values_of_every_standard_header_never_give_a_5xx() throws Exception {
        List<Runnable> requests = new ArrayList<>();
        Map<String, Set<String>> covered = new java.util.HashMap<>();
        for (int o = 0; o < operations.size(); o++) {
            SpecOperation operation = operations.get(o);
            for (int h = 0; h < HEADERS.size(); h++) {
                for (int v = 0; v < VALUES_PER_HEADER; v++) {
                    String header = HEADERS.get(h);
                    String value = VALUES.get((o * VALUES_PER_HEADER + h + v * 11) % VALUES.size());
                    covered.computeIfAbsent(header, k -> new java.util.HashSet<>()).add(value);
                    requests.add(() -> check(operation, operation.method(), operation.target("fuzz-1"), header, value));
                }
            }
        }
        assertThat(covered).allSatisfy((header, values) -> assertThat(values).as(header).hasSameSizeAs(VALUES));
        run(requests);
    }

    @Test
    void odd_paths_parameters_and_methods_never_give_a_5xx() throws Exception {
        List<Runnable> requests = new ArrayList<>();
        for (SpecOperation operation : operations) {
            for (String parameter : ODD_PARAMETERS) {
                requests.add(() -> check(operation, operation.method(), operation.target(parameter), null, null));
            }
            for (String odd : ODD_PATHS) {
                requests.add(() -> check(operation, operation.method(), operation.target("fuzz-1") + odd, null, null));
            }
            for (String method : ODD_METHODS) {
                requests.add(() -> check(operation, method, operation.target("fuzz-1"), null, null));
            }
            requests.add(() -> check(operation, operation.method(), operation.target("fuzz-1").toUpperCase(Locale.ROOT), null, null));
        }
        run(requests);
    }

    private void run(List<Runnable> requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            requests.forEach(request -> done.add(clients.submit(request)));
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }
        assertThat(violations).as(violations.size() + " of " + requests.size() + " answers broke the rules").isEmpty();
    }

    private void check(SpecOperation operation, String method, String target, String header, String value) {
        List<String> headers = new ArrayList<>();
        if (!"Authorization".equals(header)) {
            headers.add("Authorization: " + TOKEN);
        }
        boolean body = operation.body() && !"Content-Length".equals(header) && !"Transfer-Encoding".equals(header);
        if (body && !"Content-Type".equals(header)) {
            headers.add("Content-Type: application/json");
        }
        if (header != null) {
            headers.add(header + ": " + value);
        }
        String what = method + " " + target.substring(0, Math.min(80, target.length()))
                + (header == null ? "" : " with " + header + ": " + value.substring(0, Math.min(40, value.length())));
        try {
            RawSocket.Answer answer = http.send(method, target, headers, body ? "{}" : null);
            if (answer.status() >= 500) {
                violations.add(what + " -> " + answer.statusLine() + " " + answer.body());
            } else if ("HEAD".equals(method)) {
                ErrorModel.assertHeaders(what, answer::header);
            } else {
                ErrorModel.assertAnswer(target, answer);
            }
        } catch (AssertionError | RuntimeException e) {
            violations.add(what + " -> " + e.getMessage());
        }
    }

}
