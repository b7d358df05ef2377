package com.plmr.mfa.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The examples of the spec's response bodies, each held against the schema of its own body with
 * the OpenAPI 3.0 dialect of JSON Schema ({@code nullable}, {@code example}... understood), the
 * component schemas in scope for their {@code $ref}s. A response body without any example is
 * reported too: Swagger UI and mock servers otherwise invent one from the schema, and an invented
 * example tells a consumer something the service never sends.
 */
final class SpecExamples {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String COMPONENT_SCHEMAS = "#/components/schemas/";

    private final JsonNode spec;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    private SpecExamples(JsonNode spec) {
        this.spec = spec;
    }

    static SpecExamples of(Path file) {
        try {
            return new SpecExamples(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpecExamples of(String yaml) {
        try {
            return new SpecExamples(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every response body of every operation, shared ones once per operation that uses them: {@code where -> media type object}. */
    List<Map.Entry<String, JsonNode>> responseBodies() {
        List<Map.Entry<String, JsonNode>> bodies = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(response -> {
                    JsonNode resolved = resolve(response.getValue());
                    resolved.path("content").fields().forEachRemaining(media -> bodies.add(Map.entry(
                            operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " "
                                    + response.getKey() + " " + media.getKey(), media.getValue())));
                })));
        return bodies;
    }

    /** The violations: bodies without example, and examples their schema refuses, each with its place. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> body : responseBodies()) {
            List<Map.Entry<String, JsonNode>> examples = examples(body.getValue());
            if (examples.isEmpty()) {
                violations.add(body.getKey() + ": no example");
            }
            JsonSchema schema = schema(body.getValue().path("schema"));
            for (Map.Entry<String, JsonNode> example : examples) {
                for (ValidationMessage message : schema.validate(example.getValue())) {
                    violations.add(body.getKey() + " " + example.getKey() + ": " + message.getMessage());
                }
            }
        }
        return violations;
    }

    private static List<Map.Entry<String, JsonNode>> examples(JsonNode media) {
        List<Map.Entry<String, JsonNode>> examples = new ArrayList<>();
        if (media.has("example")) {
            examples.add(Map.entry("example", media.get("example")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> named = media.path("examples").fields(); named.hasNext(); ) {
            Map.Entry<String, JsonNode> example = named.next();
            examples.add(Map.entry("examples." + example.getKey(), example.getValue().path("value")));
        }
        return examples;
    }

    /** The body's schema with the component schemas beside it as {@code definitions}, so its references resolve. */
    private JsonSchema schema(JsonNode bodySchema) {
        ObjectNode root = (ObjectNode) relocate(bodySchema.deepCopy());
        root.set("definitions", relocate(spec.path("components").path("schemas").deepCopy()));
        return factory.getSchema(root);
    }

    private static JsonNode relocate(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith(COMPONENT_SCHEMAS)) {
                object.put("$ref", "#/definitions/" + ref.asText().substring(COMPONENT_SCHEMAS.length()));
            }
            object.fields().forEachRemaining(field -> relocate(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(SpecExamples::relocate);
        }
        return node;
    }

    private JsonNode resolve(JsonNode response) {
        JsonNode ref = response.get("$ref");
        if (ref == null) {
            return response;
        }
        JsonNode target = spec;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
