package com.plmr.mfa.adapter.out.notify.sms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The little JSON the gateways need, on Jackson's streaming API (no reflection, no context). */
final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** A flat JSON object of string fields, in the map's iteration order. */
    static String object(Map<String, String> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                generator.writeStringField(field.getKey(), field.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The text of a top-level string or number field of a JSON object, or {@code null} when the body
     * is not a JSON object, has no such field, or the field is of another type.
     */
    static String topLevelField(String body, String name) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && (value == JsonToken.VALUE_STRING
                        || value == JsonToken.VALUE_NUMBER_INT)) {
                    String text = parser.getText();
                    return text.isBlank() ? null : text;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
