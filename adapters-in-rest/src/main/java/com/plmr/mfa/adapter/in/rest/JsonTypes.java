package com.plmr.mfa.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.plmr.mfa.adapter.in.rest.model.FieldError;
import com.plmr.mfa.adapter.in.rest.model.FieldErrorCode;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON types of a request body against its model, as JSON Schema's {@code type} reads them: a
 * string field takes only a JSON string (the decoder would turn {@code 123456} into
 * {@code "123456"}), an integer only a number without a fraction, a boolean only {@code true} or
 * {@code false}, a list only an array, an object only an object. Each mismatch is an
 * {@code INVALID_VALUE} field error named by its JSON path; names come from the model, never from
 * the request. Nulls and unknown fields are left to the other rules.
 */
final class JsonTypes {

    private static final String MESSAGE = "must be a JSON ";

    private JsonTypes() {
    }

    /** The mismatches of a JSON object against its model; a body that is no object is the decoder's to refuse. */
    static List<FieldError> mismatches(JsonNode body, Argument<?> model) {
        List<FieldError> errors = new ArrayList<>();
        introspection(model.getType()).filter(bean -> body.isObject())
                .ifPresent(bean -> properties(body, bean, "", errors));
        return errors;
    }

    private static void check(JsonNode node, Argument<?> type, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return;
        }
        Class<?> java = type.getType();
        if (CharSequence.class.isAssignableFrom(java) || java.isEnum() || Temporal.class.isAssignableFrom(java)) {
            expect(node.isString(), "string", path, errors);
        } else if (java == Integer.class || java == int.class || java == Long.class || java == long.class
                || java == Short.class || java == short.class || java == BigInteger.class) {
            expect(node.isNumber() && isIntegral(node), "integer", path, errors);
        } else if (Number.class.isAssignableFrom(java) || java == double.class || java == float.class) {
            expect(node.isNumber(), "number", path, errors);
        } else if (java == Boolean.class || java == boolean.class) {
            expect(node.isBoolean(), "boolean", path, errors);
        } else if (Collection.class.isAssignableFrom(java)) {
            if (expect(node.isArray(), "array", path, errors)) {
                Argument<?> item = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), item, path + "[" + i + "]", errors);
                }
            }
        } else if (Map.class.isAssignableFrom(java)) {
            expect(node.isObject(), "object", path, errors);
        } else {
            introspection(java).ifPresent(bean -> {
                if (expect(node.isObject(), "object", path, errors)) {
                    properties(node, bean, path, errors);
                }
            });
        }
    }

    private static void properties(JsonNode node, BeanIntrospection<?> bean, String path, List<FieldError> errors) {
        for (BeanProperty<?, ?> property : bean.getBeanProperties()) {
            String name = property.stringValue(JsonProperty.class).orElse(property.getName());
            check(node.get(name), property.asArgument(), path.isEmpty() ? name : path + "." + name, errors);
        }
    }

    private static boolean expect(boolean matches, String type, String path, List<FieldError> errors) {
        if (!matches) {
            errors.add(new FieldError().field(path).code(FieldErrorCode.INVALID_VALUE)
                    .message(MESSAGE + type));
        }
        return matches;
    }

    /** JSON Schema counts {@code 8.0} as an integer: a number whose fraction is zero. */
    private static boolean isIntegral(JsonNode number) {
        BigDecimal value = number.getBigDecimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static Optional<? extends BeanIntrospection<?>> introspection(Class<?> type) {
        return type == Object.class ? Optional.empty() : BeanIntrospector.SHARED.findIntrospection(type);
    }
}
