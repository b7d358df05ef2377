package com.plmr.mfa.bootstrap;

import com.plmr.mfa.client.model.ChallengeMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, one row per operation of the spec that this service implements and per kind
 * of caller: the subject user, another user, a service holding the operation's scope and a
 * service holding every other scope. Each row asserts the allow or the documented deny.
 */
@MicronautTest(transactional = false)
class AuthorisationTableTest extends EndToEndTest {

    /** Who the subject user is allowed to be for an operation. */
    enum UserRule { OWN, NEVER }

    enum Caller { SUBJECT_USER, OTHER_USER, SERVICE_WITH_SCOPE, SERVICE_WITHOUT_SCOPE }

    record Operation(String id, String method, String path, String body, String scope, UserRule users) {
        boolean resources() {
            return path.startsWith("/resources/");
        }
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation("createChallenge", "POST", "/internal/v1/mfa/challenges",
                    "{\"userId\":\"{u}\",\"context\":{\"operation\":\"payment\",\"reference\":\"r-1\"}}",
                    "mfa.challenges.create", UserRule.NEVER),
            new Operation("getChallenge", "GET", "/internal/v1/mfa/challenges/{c}", null,
                    "mfa.challenges.read", UserRule.OWN),
            new Operation("consumeChallenge", "POST", "/internal/v1/mfa/challenges/{c}:consume", null,
                    "mfa.challenges.consume", UserRule.NEVER),
            new Operation("cancelChallenge", "POST", "/internal/v1/mfa/challenges/{c}:cancel", null,
                    "mfa.challenges.cancel", UserRule.NEVER),
            new Operation("initiateSms", "POST", "/internal/v1/mfa/totp-sms/{c}:initiate", null,
                    "mfa.challenges.verify", UserRule.OWN),
            new Operation("verifySms", "POST", "/internal/v1/mfa/totp-sms/{c}:verify", "{\"totp\":\"123456\"}",
                    "mfa.challenges.verify", UserRule.OWN),
            new Operation("initiateEmail", "POST", "/internal/v1/mfa/totp-email/{c}:initiate", null,
                    "mfa.challenges.verify", UserRule.OWN),
            new Operation("verifyEmail", "POST", "/internal/v1/mfa/totp-email/{c}:verify", "{\"totp\":\"12345678\"}",
                    "mfa.challenges.verify", UserRule.OWN),
            new Operation("verifyApp", "POST", "/internal/v1/mfa/totp-app/{c}:verify", "{\"totp\":\"123456\"}",
                    "mfa.challenges.verify", UserRule.OWN),
            new Operation("verifyRecoveryCode", "POST", "/internal/v1/mfa/recovery-code/{c}:verify",
                    "{\"code\":\"7kq2-m9xd-4hvt\"}", "mfa.challenges.verify", UserRule.OWN),
            new Operation("generateRecoveryCodes", "POST", "/resources/v3alpha/users/{u}/recovery_codes", null,
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("getRecoveryCodes", "GET", "/resources/v3alpha/users/{u}/recovery_codes", null,
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("listFactors", "GET", "/resources/v3alpha/users/{u}/factors", null,
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("setPhone", "PUT", "/resources/v3alpha/users/{u}/phone", "{\"phone\":\"+4915199999999\"}",
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("getPhone", "GET", "/resources/v3alpha/users/{u}/phone", null,
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("removePhone", "DELETE", "/resources/v3alpha/users/{u}/phone", null,
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("setEmail", "PUT", "/resources/v3alpha/users/{u}/email", "{\"email\":\"a@example.com\"}",
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("getEmail", "GET", "/resources/v3alpha/users/{u}/email", null,
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("removeEmail", "DELETE", "/resources/v3alpha/users/{u}/email", null,
                    "mfa.factors.manage", UserRule.OWN),
            new Operation("eraseUser", "DELETE", "/resources/v3alpha/users/{u}", null,
                    "mfa.users.erase", UserRule.NEVER),
            new Operation("resetFactors", "POST", "/resources/v3alpha/users/{u}/factors/_reset",
                    "{\"reason\":\"ticket 1\"}", "mfa.factors.admin", UserRule.NEVER),
            new Operation("listAuditEvents", "GET", "/resources/v3alpha/audit-events?userId={u}", null,
                    "mfa.audit.read", UserRule.NEVER));

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            for (Caller caller : Caller.values()) {
                rows.add(Arguments.of(operation.id(), caller, operation));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("table")
    void each_operation_allows_and_denies_exactly_the_callers_the_spec_names(String id, Caller caller,
                                                                                Operation operation) throws Exception {
        String subject = api.newUser(randomPhone(), "subject@example.com");
        String challenge = api.newChallenge(subject, ChallengeMethod.SMS, ChallengeMethod.EMAIL, ChallengeMethod.APP)
                .getChallengeId();
        String path = operation.path().replace("{u}", subject).replace("{c}", challenge);
        String body = operation.body() == null ? null : operation.body().replace("{u}", subject);

        HttpResponse<String> response = http.json(operation.method(), path, token(caller, operation, subject), body);

        if (allowed(caller, operation)) {
            assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
            assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains(expectedDenial(caller, operation));
        }
    }

    private static boolean allowed(Caller caller, Operation operation) {
        switch (caller) {
            case SUBJECT_USER:
                return operation.users() == UserRule.OWN;
            case SERVICE_WITH_SCOPE:
                return true;
            default:
                return false;
        }
    }

    private static String expectedDenial(Caller caller, Operation operation) {
        if (operation.resources()) {
            return "\"code\":7";
        }
        boolean subjectMismatch = caller == Caller.OTHER_USER && operation.users() == UserRule.OWN;
        return subjectMismatch ? "urn:plmr:mfa-totp:api:USER_ID_DOES_NOT_MATCH_WITH_CHALLENGE_SUBJECT_USER_ID"
                : "urn:plmr:mfa-totp:api:FORBIDDEN";
    }

    private static String token(Caller caller, Operation operation, String subject) {
        switch (caller) {
            case SUBJECT_USER:
                return TestTokens.user(subject);
            case OTHER_USER:
                return TestTokens.user("u-intruder");
            case SERVICE_WITH_SCOPE:
                return TestTokens.service("svc-with", operation.scope());
            default:
                return TestTokens.service("svc-without", Arrays.stream(TestTokens.ALL_SCOPES.split(" "))
                        .filter(scope -> !scope.equals(operation.scope())).collect(Collectors.joining(" ")));
        }
    }

    private static String randomPhone() {
        return "+49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }
}
