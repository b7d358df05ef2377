package com.plmr.mfa.bootstrap;

import io.micronaut.context.env.Environment;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Key material from configuration. The development defaults exist so the zero-set-up run works;
 * outside the {@code dev} and {@code test} environments the service refuses to start with them.
 */
final class Keys {

    /** Development-only defaults; published in this repository, hence never acceptable in production. */
    static final String DEV_CODE_HASH_KEY = "ZGV2LW9ubHktY29kZS1oYXNoLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24h";
    static final String DEV_SECRET_KEYS = "dev-1:ZGV2LW9ubHktc2VjcmV0LWtleS1ub3QtZm9yLXByb2Q=";
    private static final Set<String> DEVELOPMENT = Set.of("dev", "test");

    private Keys() {
    }

    static byte[] codeHashKey(String base64, Environment environment) {
        refuseDefault(base64.equals(DEV_CODE_HASH_KEY), "MFA_CODE_HASH_KEY", environment);
        return decode(base64, "MFA_CODE_HASH_KEY");
    }

    /** {@code "id1:base64,id2:base64"} into a key ring of 256-bit keys. */
    static Map<String, byte[]> secretKeyRing(String spec, Environment environment) {
        refuseDefault(spec.contains(DEV_SECRET_KEYS), "MFA_SECRET_KEYS", environment);
        Map<String, byte[]> ring = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("MFA_SECRET_KEYS entries look like id:base64-of-32-bytes");
            }
            ring.put(entry.substring(0, colon).trim(), decode(entry.substring(colon + 1).trim(), "MFA_SECRET_KEYS"));
        }
        return ring;
    }

    private static void refuseDefault(boolean isDefault, String name, Environment environment) {
        if (isDefault && environment.getActiveNames().stream().noneMatch(DEVELOPMENT::contains)) {
            throw new IllegalStateException(name + " is left at its development default; set a real key"
                    + " (the default is allowed only in the dev and test environments)");
        }
    }

    private static byte[] decode(String base64, String name) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be base64", e);
        }
    }
}
