package com.plmr.mfa.application.port.in;

/** The scopes a consumer service's token carries; documented in the OpenAPI spec's security schemes. */
public final class Scopes {

    public static final String CHALLENGES_CREATE = "mfa.challenges.create";
    public static final String CHALLENGES_READ = "mfa.challenges.read";
    public static final String CHALLENGES_CONSUME = "mfa.challenges.consume";
    public static final String CHALLENGES_CANCEL = "mfa.challenges.cancel";
    public static final String CHALLENGES_VERIFY = "mfa.challenges.verify";
    public static final String FACTORS_MANAGE = "mfa.factors.manage";
    /** Reset any user's factors, with a reason; services only, like the erasure. */
    public static final String FACTORS_ADMIN = "mfa.factors.admin";
    /** Erase everything stored about a user; a user's own token never may (it would undo its lockouts). */
    public static final String USERS_ERASE = "mfa.users.erase";
    /** Read the audit trail of every user; services only, like the erasure. */
    public static final String AUDIT_READ = "mfa.audit.read";

    private Scopes() {
    }
}
