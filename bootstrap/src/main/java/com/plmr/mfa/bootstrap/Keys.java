package com.plmr.mfa.bootstrap;

import com.plmr.mfa.domain.ParameterException;
import io.micronaut.context.env.Environment;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Key material from configuration. The development defaults exist so the zero-set-up run works;
 * outside the {@code dev} and {@code test} environments the service refuses to start with them.
 * Refusals name the parameter of the key's consumer ({@code CodeHasher}'s {@code key},
 * {@code SecretSealer}'s {@code keyRing}), so {@link Settings} names the setting.
 */
final class Keys {

    /** Development-only defaults; published in this repository, hence never acceptable in production. */
    static final String DEV_CODE_HASH_KEY = "ZGV2LW9ubHktY29kZS1oYXNoLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24h";
    static final String DEV_SECRET_KEYS = "dev-1:ZGV2LW9ubHktc2VjcmV0LWtleS1ub3QtZm9yLXByb2Q=";
    private static final Set<String> DEVELOPMENT = Set.of("dev", "test");
    private static final String OWN_KEY = "a key of your own: the development default published in the repository"
            + " is allowed only in the dev and test environments";

    private Keys() {
    }

    static byte[] codeHashKey(String base64, Environment environment) {
        require(!base64.equals(DEV_CODE_HASH_KEY) || development(environment), "key", OWN_KEY);
        return decode(base64, "key", "base64 of at least 32 random bytes");
    }

    /** {@code "id1:base64,id2:base64"} into a key ring of 256-bit keys. */
    static Map<String, byte[]> secretKeyRing(String spec, Environment environment) {
        require(!spec.contains(DEV_SECRET_KEYS) || development(environment), "keyRing", OWN_KEY);
        String format = "entries id:base64-of-32-random-bytes, separated by commas";
        Map<String, byte[]> ring = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            require(colon > 0 && !entry.substring(0, colon).isBlank(), "keyRing", format);
            ring.put(entry.substring(0, colon).trim(), decode(entry.substring(colon + 1).trim(), "keyRing", format));
        }
        return ring;
    }

    static boolean development(Environment environment) {
        return environment.getActiveNames().stream().anyMatch(DEVELOPMENT::contains);
    }

    private static byte[] decode(String base64, String parameter, String format) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(parameter, format);
        }
    }
}
