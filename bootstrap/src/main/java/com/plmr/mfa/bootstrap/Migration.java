package com.plmr.mfa.bootstrap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a start does with the schema ({@code MFA_DB_MIGRATION}). Liquibase owns the schema and
 * takes its own lock, so several instances starting at once migrate it once; a deployment that
 * migrates in an init job or a pipeline step runs {@link #ONLY} there and {@link #SKIP} in the
 * serving instances, whose database user then needs no DDL rights.
 */
enum Migration {

    /** Apply the pending changesets, then serve (the default). */
    APPLY,
    /** Apply the pending changesets and exit with status 0, without serving: for an init job. */
    ONLY,
    /** Serve without touching the schema, which must already be migrated to this release. */
    SKIP;

    static final String PROPERTY = "mfa.database.migration";
    /** Whether Liquibase runs on the data source at start ({@link #SKIP} turns it off). */
    static final String LIQUIBASE_ENABLED = "liquibase.datasources.default.enabled";

    /** The setting's value as written in the configuration. */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the mode a value names, or empty for any other value (which the configuration check refuses) */
    static Optional<Migration> of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value().equals(value.trim())).findFirst();
    }

    /** The properties that make a start of the service behave this way. */
    Map<String, Object> properties() {
        return switch (this) {
            case APPLY -> Map.of();
            case ONLY -> Map.of("mfa.outbox.dispatcher.enabled", false);
            case SKIP -> Map.of(LIQUIBASE_ENABLED, false);
        };
    }
}
