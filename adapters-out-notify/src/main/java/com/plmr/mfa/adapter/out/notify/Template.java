package com.plmr.mfa.adapter.out.notify;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately tiny, logic-less template: {@code {{name}}} inserts a value,
 * {@code {{#name}}...{{/name}}} keeps its content when the value is present (not {@code null},
 * not {@code false}, not empty), {@code {{^name}}...{{/name}}} when it is absent.
 *
 * <p>Sections are resolved on the template text before any value is inserted, and inserted values
 * are never scanned again, so a value containing braces cannot inject markup or other values. An
 * unknown name is a programming error and fails loudly.
 */
final class Template {

    private static final Pattern SECTION =
            Pattern.compile("\\{\\{([#^])([A-Za-z][A-Za-z0-9]*)}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    private final String name;
    private final String text;

    Template(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * Renders the template.
     *
     * @param values  the values by name
     * @param escaper applied to every inserted value (for example HTML escaping), never to the
     *                template text itself
     */
    String render(Map<String, ?> values, UnaryOperator<String> escaper) {
        String withSections = text;
        Matcher section = SECTION.matcher(withSections);
        while (section.find()) {
            String key = section.group(2);
            requireKnown(values, key);
            boolean present = isPresent(values.get(key));
            boolean keep = "#".equals(section.group(1)) == present;
            withSections = withSections.substring(0, section.start())
                    + (keep ? section.group(3) : "")
                    + withSections.substring(section.end());
            section = SECTION.matcher(withSections);
        }
        if (VARIABLE.matcher(withSections).replaceAll("").contains("{{")) {
            throw new IllegalStateException("template " + name + " has malformed markup");
        }
        Matcher variable = VARIABLE.matcher(withSections);
        StringBuilder out = new StringBuilder(withSections.length() + 64);
        while (variable.find()) {
            String key = variable.group(1);
            requireKnown(values, key);
            Object value = values.get(key);
            String inserted = value == null ? "" : escaper.apply(String.valueOf(value));
            variable.appendReplacement(out, Matcher.quoteReplacement(inserted));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private void requireKnown(Map<String, ?> values, String key) {
        if (!values.containsKey(key)) {
            throw new IllegalStateException("template " + name + " uses unknown value {{" + key + "}}");
        }
    }

    private static boolean isPresent(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        return !(value instanceof CharSequence cs) || cs.length() > 0;
    }
}
