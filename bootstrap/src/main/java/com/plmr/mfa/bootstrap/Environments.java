package com.plmr.mfa.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Micronaut environments the service distinguishes. {@code dev} switches on what must never
 * serve real users (development tokens, keys and message sink); {@code prod}/{@code production}
 * promise the opposite, so the two are never active together.
 */
final class Environments {

    static final String DEVELOPMENT = Environment.DEVELOPMENT;
    static final List<String> PRODUCTION = List.of("prod", "production");

    private Environments() {
    }

    /** @throws ConfigurationException when {@code dev} and {@code prod}/{@code production} are both among {@code names} */
    static void refuseDevelopmentWithProduction(Collection<String> names) {
        Set<String> lower = new TreeSet<>();
        names.forEach(name -> lower.add(name.trim().toLowerCase(Locale.ROOT)));
        if (lower.contains(DEVELOPMENT) && lower.stream().anyMatch(PRODUCTION::contains)) {
            throw new ConfigurationException("The environments " + lower + " cannot be active together: dev turns on"
                    + " development tokens, keys and message sink, which never run in production;"
                    + " set MICRONAUT_ENVIRONMENTS to one of them");
        }
    }
}
