package com.plmr.mfa.domain.factor;

import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.crypto.SealedSecret;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One authenticator app of a user (RFC 6238): its parameters, its label, its secret sealed at
 * rest, and the state that protects it.
 *
 * <p>Invariants: issuer and account name are non-blank, have no colon (the label separator of the
 * Key URI) and fit their columns; the failure count is never negative and below the policy's limit
 * between lockouts; {@code lockouts} counts the lockouts since the last accepted code, which
 * lengthen each next one. {@code lastAcceptedStep} is {@link Totp#NEVER} until a code is accepted.
 *
 * <p>Security: the secret exists in clear only between {@link #openSecret} and the end of one
 * check, and only in the enrolment response; sealing binds it to this registration's id
 * ({@link #associatedData}), so a ciphertext copied to another row does not open. Replay (RFC 6238
 * §5.2): once a code of a step was accepted, that step and all earlier ones are refused; the
 * store must advance {@code lastAcceptedStep} with a compare-and-set so that this holds across
 * service instances.
 */
public record TotpRegistration(
        TotpRegistrationId id,
        UserId userId,
        RegistrationState state,
        TotpParameters parameters,
        String issuer,
        String accountName,
        SealedSecret secret,
        long lastAcceptedStep,
        int consecutiveFailures,
        Optional<Instant> lockedUntil,
        Instant created,
        Instant changed,
        int lockouts) {

    public static final int MAX_ISSUER_LENGTH = 64;
    public static final int MAX_ACCOUNT_NAME_LENGTH = 128;

    public TotpRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(changed, "changed");
        if (!isValidLabelPart(issuer, MAX_ISSUER_LENGTH) || !isValidLabelPart(accountName, MAX_ACCOUNT_NAME_LENGTH)) {
            throw new IllegalArgumentException("issuer and account name must be non-blank, short and have no colon");
        }
        if (consecutiveFailures < 0 || lockouts < 0) {
            throw new IllegalArgumentException("consecutive failures and lockouts must not be negative");
        }
    }

    /** A registration that has not been locked since its last accepted code. */
    public TotpRegistration(TotpRegistrationId id, UserId userId, RegistrationState state, TotpParameters parameters,
                            String issuer, String accountName, SealedSecret secret, long lastAcceptedStep,
                            int consecutiveFailures, Optional<Instant> lockedUntil, Instant created, Instant changed) {
        this(id, userId, state, parameters, issuer, accountName, secret, lastAcceptedStep, consecutiveFailures,
                lockedUntil, created, changed, 0);
    }

    /** Whether {@code value} can be the issuer or account name of the Key URI label (length in code points). */
    public static boolean isValidLabelPart(String value, int maxLength) {
        return value != null && !value.isBlank() && value.codePointCount(0, value.length()) <= maxLength
                && value.indexOf(':') < 0;
    }

    /** A new, unverified registration whose secret is sealed under the sealer's active key. */
    public static TotpRegistration start(TotpRegistrationId id, UserId user, TotpParameters parameters, String issuer,
                                         String accountName, TotpSecret secret, SecretSealer sealer, Instant now) {
        SealedSecret sealed = sealer.seal(secret.bytes(), associatedData(id));
        return new TotpRegistration(id, user, RegistrationState.UNVERIFIED, parameters, issuer, accountName, sealed,
                Totp.NEVER, 0, Optional.empty(), now, now);
    }

    /** The associated data of the sealed secret: purpose and registration id. */
    public static String associatedData(TotpRegistrationId id) {
        return "totp:" + id.value();
    }

    /** @throws IllegalStateException when the key is gone or the ciphertext was altered or moved */
    public TotpSecret openSecret(SecretSealer sealer) {
        return TotpSecret.of(sealer.open(secret, associatedData(id)));
    }

    public boolean isActive() {
        return state == RegistrationState.ACTIVE;
    }

    /**
     * When the app was last used: the start of the step of the last accepted code, to the app's
     * period; empty until a code was accepted.
     */
    public Optional<Instant> lastUsed() {
        return lastAcceptedStep == Totp.NEVER ? Optional.empty()
                : Optional.of(new Totp(parameters).startOf(lastAcceptedStep));
    }

    /**
     * Whether the registration was started and never verified, and its enrolment lifetime is over at
     * {@code now}: it can no longer be verified, and the purge deletes it.
     */
    public boolean expiredAt(TotpPolicy policy, Instant now) {
        return state == RegistrationState.UNVERIFIED && !now.isBefore(created.plus(policy.enrolmentTtl()));
    }

    /** Whether the registration refuses every code at {@code now} after too many wrong ones. */
    public boolean lockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }

    /**
     * Checks a code typed by the user; the secret is opened only when the registration is not
     * locked, and only for this check. Nothing changes here: the caller stores an acceptance with
     * {@link #accepted} (compare-and-set) and records refusals with {@link #failed} on the stored
     * state, so that concurrent failures all count.
     */
    public TotpCheck attempt(SecretSealer sealer, String code, Instant now) {
        if (lockedAt(now)) {
            return new TotpCheck.Locked(Duration.between(now, lockedUntil.orElseThrow()));
        }
        return new Totp(parameters).verify(openSecret(sealer), code, now, lastAcceptedStep);
    }

    /**
     * How far the step of a code accepted at {@code now} lies from the current step: the device
     * clock's drift in steps (RFC 6238 §6), negative when it is behind; within the window.
     */
    public long stepsOff(long step, Instant now) {
        return new Totp(parameters).stepsOff(step, now);
    }

    /**
     * The registration after a code of {@code step} was accepted: active, the step recorded as the
     * last accepted one, the failure count, any lockout and the lockouts' escalation cleared.
     */
    public TotpRegistration accepted(long step, Instant now) {
        if (step <= lastAcceptedStep) {
            throw new IllegalArgumentException("an accepted step must be later than the last accepted one");
        }
        return new TotpRegistration(id, userId, RegistrationState.ACTIVE, parameters, issuer, accountName, secret,
                step, 0, Optional.empty(), created, now, 0);
    }

    /**
     * The registration after one more wrong code: the count goes up, and when it reaches the
     * policy's limit the registration locks and the count starts again. Each lockout since the last
     * accepted code lasts twice as long as the one before, up to the policy's maximum. A registration
     * that is locked already stays as it is; its lockout is not extended.
     */
    public TotpRegistration failed(TotpPolicy policy, Instant now) {
        if (lockedAt(now)) {
            return this;
        }
        int failures = consecutiveFailures + 1;
        boolean locks = failures >= policy.maxFailures();
        int nth = locks ? lockouts + 1 : lockouts;
        return new TotpRegistration(id, userId, state, parameters, issuer, accountName, secret, lastAcceptedStep,
                locks ? 0 : failures, locks ? Optional.of(policy.lockedUntil(now, nth)) : Optional.empty(), created,
                now, nth);
    }
}
