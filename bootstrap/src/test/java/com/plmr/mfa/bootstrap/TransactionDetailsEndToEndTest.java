package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.MonetaryAmount;
import com.plmr.mfa.client.model.Payee;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.TransactionDetails;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A challenge takes structured transaction details beside its summary, checks them, and answers them as stored. */
@MicronautTest(transactional = false)
class TransactionDetailsEndToEndTest extends EndToEndTest {

    private static final String CHALLENGES = "/internal/v1/mfa/challenges";

    String service;

    @BeforeEach
    void setUp() {
        service = TestTokens.service("payments", TestTokens.ALL_SCOPES);
    }

    static TransactionDetails payment(String value, String currency) {
        return new TransactionDetails().type("payment_initiation")
                .amount(new MonetaryAmount().value(value).currency(currency))
                .payee(new Payee().name("Müller & Söhne GmbH").account("DE89 **** **** **** **** 00"))
                .reference("INV-2026-0042");
    }

    @Test
    void a_payment_challenge_answers_its_details_with_the_amount_at_the_currencys_scale() throws ApiException {
        Challenge created = api.challenges().createChallenge(new CreateChallengeRequest().userId("u-" + UUID.randomUUID())
                .context(new StepUpContext().operation("payment").reference("pay-1").summary("invoice 42")
                        .transaction(payment("1234.5", "EUR"))));

        TransactionDetails expected = payment("1234.50", "EUR");
        assertThat(created.getContext().getTransaction()).isEqualTo(expected);
        assertThat(created.getContext().getSummary()).isEqualTo("invoice 42");
        assertThat(api.challenges().getChallenge(created.getChallengeId()).getContext().getTransaction())
                .isEqualTo(expected);
    }

    @Test
    void a_currency_without_minor_units_keeps_whole_amounts_and_one_with_three_keeps_three() throws ApiException {
        Challenge yen = api.challenges().createChallenge(new CreateChallengeRequest().userId("u-yen")
                .context(new StepUpContext().operation("payment").reference("pay-2").transaction(payment("150000", "JPY"))));
        Challenge dinar = api.challenges().createChallenge(new CreateChallengeRequest().userId("u-dinar")
                .context(new StepUpContext().operation("payment").reference("pay-3").transaction(payment("12.5", "BHD"))));

        assertThat(yen.getContext().getTransaction().getAmount().getValue()).isEqualTo("150000");
        assertThat(dinar.getContext().getTransaction().getAmount().getValue()).isEqualTo("12.500");
    }

    @Test
    void a_challenge_without_details_answers_none() throws ApiException {
        Challenge created = api.newChallenge("u-" + UUID.randomUUID());

        assertThat(created.getContext().getTransaction()).isNull();
    }

    @ParameterizedTest(name = "{0} is refused on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"value\":\"1234.505\",\"currency\":\"EUR\"}|context.transaction.amount.value|INVALID_VALUE",
            "{\"value\":\"10.5\",\"currency\":\"JPY\"}|context.transaction.amount.value|INVALID_VALUE",
            "{\"value\":\"1,234.50\",\"currency\":\"EUR\"}|context.transaction.amount.value|INVALID_VALUE",
            "{\"value\":\"-5.00\",\"currency\":\"EUR\"}|context.transaction.amount.value|INVALID_VALUE",
            "{\"value\":\"1e3\",\"currency\":\"EUR\"}|context.transaction.amount.value|INVALID_VALUE",
            "{\"value\":1234.50,\"currency\":\"EUR\"}|context.transaction.amount.value|INVALID_VALUE",
            "{\"value\":\"5.00\",\"currency\":\"ZZZ\"}|context.transaction.amount.currency|INVALID_VALUE",
            "{\"value\":\"5.00\",\"currency\":\"XXX\"}|context.transaction.amount.currency|INVALID_VALUE",
            "{\"value\":\"5.00\",\"currency\":\"eur\"}|context.transaction.amount.currency|INVALID_VALUE",
            "{\"currency\":\"EUR\"}|context.transaction.amount.value|NOT_NULL"})
    void an_amount_that_is_no_plain_decimal_in_an_iso_4217_currency_is_refused_on_its_field(String amount, String field,
                                                                                            String code) {
        HttpResponse<String> response = create("{\"type\":\"payment_initiation\",\"amount\":" + amount
                + ",\"payee\":{\"name\":\"ACME\"}}");

        assertFieldError(response, field, code);
    }

    @ParameterizedTest(name = "{0} is refused on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"ACME\",\"account\":\"DE89370400440532013000\"}|context.transaction.payee.account|INVALID_VALUE",
            "{\"name\":\"ACME\",\"account\":\"DE89 **** 0532 0130 00\"}|context.transaction.payee.account|INVALID_VALUE",
            "{\"name\":\"ACME\\u0007\"}|context.transaction.payee.name|INVALID_VALUE",
            "{\"name\":\"   \"}|context.transaction.payee.name|NOT_BLANK",
            "{\"account\":\"****3000\"}|context.transaction.payee.name|NOT_NULL"})
    void a_payee_without_a_printable_name_or_with_an_unmasked_account_is_refused_on_its_field(String payee,
                                                                                              String field, String code) {
        HttpResponse<String> response = create("{\"type\":\"payment_initiation\",\"amount\":{\"value\":\"5.00\","
                + "\"currency\":\"EUR\"},\"payee\":" + payee + "}");

        assertFieldError(response, field, code);
    }

    @Test
    void a_payee_name_of_71_characters_and_a_reference_with_a_line_break_are_refused() {
        assertFieldError(create("{\"type\":\"payment_initiation\",\"amount\":{\"value\":\"5.00\",\"currency\":\"EUR\"},"
                + "\"payee\":{\"name\":\"" + "x".repeat(71) + "\"}}"), "context.transaction.payee.name", "INVALID_VALUE");
        assertFieldError(create("{\"type\":\"payment_initiation\",\"amount\":{\"value\":\"5.00\",\"currency\":\"EUR\"},"
                + "\"payee\":{\"name\":\"ACME\"},\"reference\":\"INV\\n42\"}"), "context.transaction.reference", "INVALID_VALUE");
    }

    @Test
    void details_without_an_amount_or_a_payee_are_refused() {
        assertFieldError(create("{\"type\":\"payment_initiation\",\"payee\":{\"name\":\"ACME\"}}"),
                "context.transaction.amount", "NOT_NULL");
        assertFieldError(create("{\"type\":\"payment_initiation\",\"amount\":{\"value\":\"5.00\",\"currency\":\"EUR\"}}"),
                "context.transaction.payee", "NOT_NULL");
    }

    private HttpResponse<String> create(String transaction) {
        return http.json("POST", CHALLENGES, service, "{\"userId\":\"u-details\",\"context\":{\"operation\":\"payment\","
                + "\"reference\":\"pay-1\",\"transaction\":" + transaction + "}}");
    }

    private static void assertFieldError(HttpResponse<String> response, String field, String code) {
        JsonNode error = ErrorModel.assertAnswer(CHALLENGES, response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:BAD_REQUEST");
        assertThat(error.path("fieldErrors")).as(response.body()).anySatisfy(fieldError -> {
            assertThat(fieldError.path("field").asText()).isEqualTo(field);
            assertThat(fieldError.path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:" + code);
        });
    }
}
