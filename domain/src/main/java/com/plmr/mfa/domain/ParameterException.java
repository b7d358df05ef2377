package com.plmr.mfa.domain;

/**
 * A policy or key refused one of its constructor's parameters. It names the parameter and states
 * what the parameter must be, so whoever supplied the value (a configuration setting, a test) can
 * say which of its inputs was wrong and what range is allowed, without restating the rule.
 */
public final class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final String requirement;

    /**
     * @param parameter   the constructor parameter, as named in the record or constructor
     * @param requirement what it must be, completing "must be ...", e.g. {@code "1 to 100"}
     */
    public ParameterException(String parameter, String requirement) {
        super(parameter + " must be " + requirement);
        this.parameter = parameter;
        this.requirement = requirement;
    }

    /** Throws unless {@code holds}. */
    public static void require(boolean holds, String parameter, String requirement) {
        if (!holds) {
            throw new ParameterException(parameter, requirement);
        }
    }

    public String parameter() {
        return parameter;
    }

    /** What the parameter must be, completing "must be ...". */
    public String requirement() {
        return requirement;
    }
}
