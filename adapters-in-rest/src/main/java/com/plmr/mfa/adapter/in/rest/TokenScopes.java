package com.plmr.mfa.adapter.in.rest;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The scopes a validated bearer token carries: {@code scope} (space separated, RFC 8693 §4.2) and
 * {@code scp} (an array, as some identity providers send them), together.
 */
public final class TokenScopes {

    private TokenScopes() {
    }

    public static Set<String> of(Map<String, Object> claims) {
        Set<String> scopes = new HashSet<>();
        for (String claim : new String[] {"scope", "scp"}) {
            Object value = claims.get(claim);
            if (value instanceof String text) {
                Arrays.stream(text.trim().split("\\s+")).filter(scope -> !scope.isEmpty()).forEach(scopes::add);
            } else if (value instanceof Collection<?> list) {
                list.forEach(item -> scopes.add(String.valueOf(item)));
            }
        }
        return Set.copyOf(scopes);
    }
}
