package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Hands the driver its properties ({@code datasources.*.data-source-properties.*}) as text.
 * Connector/J reads each with {@link java.util.Properties#getProperty}, which answers {@code null}
 * for a value that is not a {@link String}: a {@code true} from a configuration file, or from
 * {@link PersistenceSettings}, would be dropped without a word and the driver's default used.
 */
@Singleton
final class DriverProperties implements BeanCreatedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        pool.getDataSourceProperties().replaceAll((name, value) -> String.valueOf(value));
        return pool;
    }
}
