package com.plmr.mfa.bootstrap;

import java.util.regex.Pattern;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * The settings of this instance's surroundings, checked at start-up with the rest: the database it
 * keeps its state in, the port it listens on and the name it gives itself in v3alpha
 * {@code details.owner}. Their consumers (the data source, the HTTP server, {@code ResourceDetails})
 * read them on their own; the log format is read by {@link LoggingConfiguration} from the variable itself,
 * before any of this runs, and logs plain for a value refused here.
 *
 * @param databaseUrl a MySQL Connector/J URL, {@code jdbc:mysql://host:port/schema}
 * @param port        the HTTP port, or -1 for a free one
 * @param instanceId  1 to 64 of {@code A-Z a-z 0-9 . _ : -}
 * @param logFormat   {@code plain} or {@code json} ({@link LogLineEncoder})
 * @param migration   {@code apply}, {@code only} or {@code skip} ({@link Migration}, applied by {@link Application})
 */
record InstanceSettings(String databaseUrl, int port, String instanceId, String logFormat, String migration) {

    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    InstanceSettings {
        require(databaseUrl.startsWith("jdbc:mysql:"), "databaseUrl",
                "a MySQL JDBC URL such as jdbc:mysql://db.example.com:3306/mfa");
        require(port == -1 || (port >= 1 && port <= 65535), "port", "1 to 65535, or -1 for a free port");
        require(INSTANCE_ID.matcher(instanceId).matches(), "instanceId", "1 to 64 of A-Z a-z 0-9 . _ : -");
        require(LogLineEncoder.PLAIN.equals(logFormat) || LogLineEncoder.JSON.equals(logFormat), "logFormat",
                LogLineEncoder.PLAIN + " or " + LogLineEncoder.JSON);
        require(Migration.of(migration).isPresent(), "migration", "apply, only or skip");
    }
}
