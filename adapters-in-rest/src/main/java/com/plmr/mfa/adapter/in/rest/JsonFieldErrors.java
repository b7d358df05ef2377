package com.plmr.mfa.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.plmr.mfa.adapter.in.rest.model.FieldError;
import com.plmr.mfa.adapter.in.rest.model.FieldErrorCode;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the fields of a JSON body that the framework could not decode into its model (a string
 * sent as an object, a list as a string...), because the decoder's error names no field: each
 * property of the model is decoded on its own from the body's tree, and those that fail are the
 * field errors, named by their JSON path ({@code totp}, {@code context.operation}). Names come
 * from the model, never from the request, and the decoder's message is not echoed.
 */
final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    static List<FieldError> locate(JsonMapper mapper, Class<?> model, byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        try {
            JsonNode tree = mapper.readValue(body, JsonNode.class);
            if (tree.isObject()) {
                walk(mapper, tree, model, "", errors);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return errors;
    }

    private static void walk(JsonMapper mapper, JsonNode node, Class<?> type, String prefix, List<FieldError> errors) {
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(type);
        if (introspection.isEmpty()) {
            return;
        }
        for (BeanProperty<?, ?> property : introspection.get().getBeanProperties()) {
            String name = property.stringValue(JsonProperty.class).orElse(property.getName());
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            String path = prefix + name;
            try {
                mapper.readValueFromTree(value, property.asArgument());
            } catch (IOException | RuntimeException e) {
                int before = errors.size();
                if (value.isObject()) {
                    walk(mapper, value, property.getType(), path + ".", errors);
                }
                if (errors.size() == before) {
                    errors.add(new FieldError().field(path).code(FieldErrorCode.INVALID_VALUE)
                            .message("has the wrong type or format"));
                }
            }
        }
    }
}
