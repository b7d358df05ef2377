package com.plmr.mfa.bootstrap;

import com.plmr.mfa.domain.ParameterException;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings the service's values are built from. The rules live with the values (the domain
 * policies check their own parameters); {@link #build} only names the setting behind a refused
 * parameter: its environment variable (from the placeholder in {@code application.yml}), its
 * property key, the value given and what the value must be, as one line.
 */
@Singleton
final class Settings {

    /** {@code ${MFA_CODE_TTL:5m}} names the variable {@code MFA_CODE_TTL}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final int SHOWN_CHARACTERS = 80;
    private final Environment environment;

    Settings(Environment environment) {
        this.environment = environment;
    }

    /**
     * Builds a value from settings read through {@code values}; when its constructor refuses a
     * parameter ({@link ParameterException}), the refusal names the setting read for that
     * parameter.
     */
    <T> T build(Function<Values, T> constructor) {
        Values values = new Values();
        try {
            return constructor.apply(values);
        } catch (ParameterException refused) {
            Setting setting = values.read.get(refused.parameter());
            if (setting == null) {
                throw refused;
            }
            throw setting.refused("must be " + refused.requirement());
        }
    }

    /** The settings one value is built from, each read for the constructor parameter it feeds. */
    final class Values {

        private final Map<String, Setting> read = new HashMap<>();

        Duration duration(String parameter, String key) {
            Setting setting = read(parameter, key, false);
            return environment.convert(setting.value(), Duration.class)
                    .orElseThrow(() -> setting.refused("must be a duration such as 500ms, 30s, 5m, 1h or 1d"));
        }

        int integer(String parameter, String key) {
            Setting setting = read(parameter, key, false);
            try {
                return Integer.parseInt(setting.value().trim());
            } catch (NumberFormatException e) {
                throw setting.refused("must be a whole number");
            }
        }

        String text(String parameter, String key) {
            return read(parameter, key, false).value();
        }

        /** A value never shown in a refusal (keys, credentials). */
        String secret(String parameter, String key) {
            return read(parameter, key, true).value();
        }

        private Setting read(String parameter, String key, boolean secret) {
            String value = environment.getProperty(key, String.class).orElse("");
            Setting setting = new Setting(key, variableOf(key), value, secret);
            read.put(parameter, setting);
            return setting;
        }
    }

    /** The environment variable {@code application.yml} reads {@code key} from, if it names one. */
    private Optional<String> variableOf(String key) {
        for (PropertySource source : environment.getPropertySources()) {
            if (source.get(key) instanceof String raw) {
                Matcher placeholder = PLACEHOLDER.matcher(raw);
                if (placeholder.find()) {
                    return Optional.of(placeholder.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** One setting as given, and how a refusal names it. */
    record Setting(String key, Optional<String> variable, String value, boolean secret) {

        SettingRefusedException refused(String requirement) {
            String shown = secret ? "" : "=" + printable(value);
            String hidden = secret ? ", value not shown" : "";
            String name = variable.map(v -> v + shown + " (" + key + hidden + ")")
                    .orElse(key + shown + (secret ? " (value not shown)" : ""));
            return new SettingRefusedException(key, name + " " + requirement);
        }

        /** The value on one line, as a person can read it: no line breaks or control characters. */
        private static String printable(String value) {
            String oneLine = value.codePoints()
                    .map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            String shown = oneLine.length() > SHOWN_CHARACTERS ? oneLine.substring(0, SHOWN_CHARACTERS) + "..." : oneLine;
            return shown.isEmpty() ? "(empty)" : shown;
        }
    }
}
