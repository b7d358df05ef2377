package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.StartTotpRegistrationUseCase;
import com.plmr.mfa.application.port.out.AddTotpRegistrationPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Generates a secret of the algorithm's recommended length (RFC 6238 §5.1; 160 bits for SHA-1)
 * from the injected random source, which is a {@link java.security.SecureRandom} in production,
 * seals it and stores the unverified registration.
 */
public final class StartTotpRegistrationService implements StartTotpRegistrationUseCase {

    private final AddTotpRegistrationPort registrations;
    private final TransactionPort transactions;
    private final SecretSealer sealer;
    private final TotpPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;
    private final AuditTrail audit;

    public StartTotpRegistrationService(AddTotpRegistrationPort registrations, TransactionPort transactions,
                                        SecretSealer sealer, TotpPolicy policy, AuditTrail audit, Clock clock,
                                        RandomGenerator random) {
        this.audit = audit;
        this.registrations = registrations;
        this.transactions = transactions;
        this.sealer = sealer;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Access<Started> start(Actor actor, Command command) {
        Subject subject = Subject.none().withMethod(ChallengeMethod.APP);
        return FactorGate.change(actor, command.user(), audit, AuditType.FACTOR_CHANGE_REFUSED, subject,
                () -> Optional.of(transactions.inTransaction(() -> {
            Instant now = clock.instant();
            TotpParameters parameters = parameters(command);
            TotpSecret secret = TotpSecret.random(random, parameters.algorithm());
            TotpRegistration registration = TotpRegistration.start(TotpRegistrationId.random(random), command.user(),
                    parameters, command.issuer().orElse(policy.issuer()),
                    command.accountName().orElse(command.user().value()), secret, sealer, now);
            registrations.add(registration);
            audit.record(actor, AuditType.FACTOR_ADDED, null,
                    subject.withUser(command.user().value()).withFactor(registration.id().value()));
            return new Started(registration, secret);
        })));
    }

    private TotpParameters parameters(Command command) {
        TotpParameters defaults = policy.parameters();
        return new TotpParameters(command.algorithm().orElse(defaults.algorithm()),
                command.digits().orElse(defaults.digits()), command.period().orElse(defaults.period()),
                defaults.window());
    }
}
