package com.plmr.mfa.bootstrap;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation of the spec the service serves (its own classpath copy), for the tests that walk
 * every operation: a new operation is covered without touching them.
 *
 * @param statuses the response keys documented for it ({@code 200}, {@code 404}, {@code default}...)
 */
record SpecOperation(String method, String path, boolean body, Set<String> statuses) {

    private static final String SPEC = "META-INF/openapi/mfa-totp.yaml";
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** The path with every path parameter replaced by {@code parameter}. */
    String target(String parameter) {
        Matcher m = Pattern.compile("\\{[^}]+}").matcher(path);
        return m.replaceAll(Matcher.quoteReplacement(parameter));
    }

    @SuppressWarnings("unchecked")
    static List<SpecOperation> all() {
        try (InputStream in = SpecOperation.class.getClassLoader().getResourceAsStream(SPEC)) {
            Map<String, Object> spec = new Yaml().load(in);
            List<SpecOperation> operations = new ArrayList<>();
            ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, item) -> item.forEach((method, op) -> {
                if (METHODS.contains(method)) {
                    Map<String, Object> operation = (Map<String, Object>) op;
                    Set<String> statuses = new HashSet<>();
                    ((Map<Object, Object>) operation.get("responses")).keySet()
                            .forEach(code -> statuses.add(String.valueOf(code)));
                    operations.add(new SpecOperation(method.toUpperCase(Locale.ROOT), path,
                            operation.containsKey("requestBody"), Set.copyOf(statuses)));
                }
            }));
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
