package com.plmr.mfa.bootstrap;

import io.micronaut.context.exceptions.ConfigurationException;

import java.util.List;
import java.util.Optional;

/** The configuration the service refuses to start with: one line per problem, each naming its setting. */
final class ConfigurationRefusedException extends ConfigurationException {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    ConfigurationRefusedException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

    /**
     * The configuration problems behind a failed start: the lines of the first configuration
     * refusal in the cause chain, empty when the failure is something else (a bug, a network error).
     */
    static Optional<List<String>> problemsOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationRefusedException refused) {
                return Optional.of(refused.problems());
            }
            if (cause instanceof ConfigurationException configuration) {
                return Optional.of(List.of(configuration.getMessage()));
            }
        }
        return Optional.empty();
    }
}
