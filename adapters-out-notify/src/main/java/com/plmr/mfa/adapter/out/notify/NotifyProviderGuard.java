package com.plmr.mfa.adapter.out.notify;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the provider selection when the application starts (an eager bean): each key names a
 * known provider, and the development sink is not selected, explicitly or by default, unless the
 * {@code dev} or {@code test} environment is active and neither {@code prod} nor {@code production} is. A violation fails the start-up with a message
 * that names the key and the fix.
 */
@Context
public final class NotifyProviderGuard {

    NotifyProviderGuard(Environment environment) {
        List<String> problems = problems(
                environment.getProperty(NotifyProviders.SMS_PROVIDER, String.class).orElse(null),
                environment.getProperty(NotifyProviders.EMAIL_PROVIDER, String.class).orElse(null),
                environment.getActiveNames());
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid delivery configuration: " + String.join("; ", problems));
        }
    }

    /**
     * What is wrong with the selection; empty when it is fine.
     *
     * @param smsProvider        value of {@value NotifyProviders#SMS_PROVIDER}, {@code null} when unset
     * @param emailProvider      value of {@value NotifyProviders#EMAIL_PROVIDER}, {@code null} when unset
     * @param activeEnvironments the active Micronaut environments
     */
    public static List<String> problems(String smsProvider, String emailProvider,
                                        Collection<String> activeEnvironments) {
        List<String> problems = new ArrayList<>();
        Set<String> active = new TreeSet<>();
        activeEnvironments.forEach(env -> active.add(env.toLowerCase(Locale.ROOT)));
        boolean sinkAllowed = active.stream().anyMatch(NotifyProviders.SINK_ENVIRONMENTS::contains)
                && active.stream().noneMatch(NotifyProviders.PROD_ENVIRONMENTS::contains);
        check(problems, NotifyProviders.SMS_PROVIDER, smsProvider, NotifyProviders.SMS_PROVIDERS, sinkAllowed, active);
        check(problems, NotifyProviders.EMAIL_PROVIDER, emailProvider, NotifyProviders.EMAIL_PROVIDERS, sinkAllowed, active);
        return problems;
    }

    private static void check(List<String> problems, String key, String value, List<String> allowed,
                              boolean sinkAllowed, Set<String> active) {
        String effective = value == null ? NotifyProviders.DEV : value;
        List<String> real = allowed.stream().filter(p -> !NotifyProviders.DEV.equals(p)).toList();
        if (!allowed.contains(effective)) {
            problems.add(key + "='" + effective + "' is unknown, use one of " + allowed);
        } else if (NotifyProviders.DEV.equals(effective) && !sinkAllowed) {
            problems.add(key + "='dev'" + (value == null ? " (the default)" : "")
                    + " selects the development sink, which delivers nothing and writes codes to a file;"
                    + " it runs only in the dev and test environments and never with prod (active: " + active + ")"
                    + ": set " + key + " to one of " + real);
        }
    }
}
