package com.plmr.mfa.client.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The digest of an operation as the step-up assertion's {@code operation_digest} states it: SHA-256
 * over the RFC 8785 (JCS) canonical JSON of the step-up context, written {@code sha256:} and
 * base64url without padding. Give it the context of the operation about to be performed, as the
 * SDK's {@code StepUpContext} or any object Jackson writes as that JSON; absent (null) members are
 * left out, as the API leaves them out. Amounts are decimal strings in the context, so JSON numbers
 * are refused rather than canonicalised. Test vectors: docs/step-up-assertion.md.
 */
public final class OperationDigests {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private OperationDigests() {
    }

    public static String of(Object operation) {
        StringBuilder canonical = new StringBuilder();
        write(JSON.valueToTree(operation), canonical);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(name -> {
                    if (!node.get(name).isNull()) {
                        names.add(name);
                    }
                });
                names.sort(null); // String's order is RFC 8785's: UTF-16 code units
                out.append('{');
                String separator = "";
                for (String name : names) {
                    out.append(separator);
                    quote(name, out);
                    out.append(':');
                    write(node.get(name), out);
                    separator = ",";
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> quote(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            default -> throw new IllegalArgumentException("an operation holds strings, booleans, objects and arrays, not "
                    + node.getNodeType());
        }
    }

    /** RFC 8785 §3.2.2.2, as ECMAScript's JSON.stringify quotes (lone surrogates as \\u escapes). */
    private static void quote(String text, StringBuilder out) {
        out.append('"');
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            String shortEscape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (shortEscape != null) {
                out.append(shortEscape);
            } else if (c < 0x20 || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        out.append('"');
    }
}
