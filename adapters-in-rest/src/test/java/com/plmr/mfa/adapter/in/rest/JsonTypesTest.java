package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.CreateChallengeRequest;
import com.plmr.mfa.adapter.in.rest.model.FieldError;
import com.plmr.mfa.adapter.in.rest.model.FieldErrorCode;
import com.plmr.mfa.adapter.in.rest.model.StartTotpRegistrationRequest;
import com.plmr.mfa.adapter.in.rest.model.VerifyOtpRequest;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A field of the wrong JSON type is an INVALID_VALUE on its JSON path, never coerced. */
class JsonTypesTest {

    @Test
    void a_code_sent_as_a_number_is_an_invalid_value_on_totp() {
        List<FieldError> errors = JsonTypes.mismatches(object("totp", JsonNode.createNumberNode(123456)),
                Argument.of(VerifyOtpRequest.class));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getField()).isEqualTo("totp");
            assertThat(error.getCode()).isEqualTo(FieldErrorCode.INVALID_VALUE);
            assertThat(error.getMessage()).isEqualTo("must be a JSON string");
        });
    }

    @Test
    void nested_and_listed_fields_are_named_by_their_path() {
        JsonNode body = object("userId", JsonNode.createNumberNode(5),
                "context", object("operation", JsonNode.createStringNode("payment"),
                        "reference", JsonNode.createBooleanNode(true)),
                "allowedMethods", JsonNode.createArrayNode(List.of(JsonNode.createStringNode("sms"),
                        JsonNode.createNumberNode(1))));

        assertThat(JsonTypes.mismatches(body, Argument.of(CreateChallengeRequest.class)))
                .extracting(FieldError::getField)
                .containsExactlyInAnyOrder("userId", "context.reference", "allowedMethods[1]");
    }

    @Test
    void an_object_where_a_string_belongs_and_a_string_where_an_object_belongs_are_refused() {
        JsonNode body = object("userId", object("id", JsonNode.createStringNode("u-1")),
                "context", JsonNode.createStringNode("payment"));

        assertThat(JsonTypes.mismatches(body, Argument.of(CreateChallengeRequest.class)))
                .extracting(FieldError::getField, FieldError::getMessage)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("userId", "must be a JSON string"),
                        org.assertj.core.groups.Tuple.tuple("context", "must be a JSON object"));
    }

    @Test
    void integers_take_numbers_without_a_fraction_only() {
        Argument<StartTotpRegistrationRequest> start = Argument.of(StartTotpRegistrationRequest.class);

        assertThat(JsonTypes.mismatches(object("digits", JsonNode.createStringNode("8")), start))
                .extracting(FieldError::getField).containsExactly("digits");
        assertThat(JsonTypes.mismatches(object("digits", JsonNode.createNumberNode(new BigDecimal("8.5"))), start))
                .extracting(FieldError::getField).containsExactly("digits");
        assertThat(JsonTypes.mismatches(object("digits", JsonNode.createNumberNode(new BigDecimal("8.0"))), start))
                .isEmpty();
        assertThat(JsonTypes.mismatches(object("issuer", JsonNode.createBooleanNode(false)), start))
                .extracting(FieldError::getField).containsExactly("issuer");
    }

    @Test
    void well_typed_nulls_and_unknown_fields_pass() {
        JsonNode body = object("userId", JsonNode.createStringNode("u-1"), "locale", JsonNode.nullNode(),
                "context", object("operation", JsonNode.createStringNode("payment"),
                        "reference", JsonNode.createStringNode("r")), "extra", JsonNode.createNumberNode(1));

        assertThat(JsonTypes.mismatches(body, Argument.of(CreateChallengeRequest.class))).isEmpty();
    }

    @Test
    void a_body_that_is_no_object_is_left_to_the_decoder() {
        assertThat(JsonTypes.mismatches(JsonNode.createArrayNode(List.of()), Argument.of(VerifyOtpRequest.class)))
                .isEmpty();
    }

    private static JsonNode object(Object... namesAndValues) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], (JsonNode) namesAndValues[i + 1]);
        }
        return JsonNode.createObjectNode(fields);
    }
}
