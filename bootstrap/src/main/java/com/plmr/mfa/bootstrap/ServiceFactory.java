package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.CancelChallengeUseCase;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.application.port.in.GetChallengeUseCase;
import com.plmr.mfa.application.port.in.InitiateCodeDeliveryUseCase;
import com.plmr.mfa.application.port.in.ManageContactUseCase;
import com.plmr.mfa.application.port.in.VerifyChallengeCodeUseCase;
import com.plmr.mfa.application.port.out.ClaimDueMessagesPort;
import com.plmr.mfa.application.port.out.ContactPort;
import com.plmr.mfa.application.port.out.DeliveryMetricsPort;
import com.plmr.mfa.application.port.out.DeliveryStatusPort;
import com.plmr.mfa.application.port.out.EnqueueMessagePort;
import com.plmr.mfa.application.port.out.FailureLedgerPort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.RecordDeliveryPort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendQuotaPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.application.service.AuthenticatorCodeCheck;
import com.plmr.mfa.application.service.CancelChallengeService;
import com.plmr.mfa.application.service.ConsumeChallengeService;
import com.plmr.mfa.application.service.CreateChallengeService;
import com.plmr.mfa.application.service.DispatchDueMessagesService;
import com.plmr.mfa.application.service.GetChallengeService;
import com.plmr.mfa.application.service.InitiateCodeDeliveryService;
import com.plmr.mfa.application.service.ManageContactService;
import com.plmr.mfa.application.service.VerifyChallengeCodeService;
import com.plmr.mfa.domain.abuse.AbusePolicy;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.otp.CodeHasher;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds the application services, which carry no framework annotations, from the adapters'
 * ports and the configuration. The clock and the random source are beans, so tests replace them.
 */
@Factory
class ServiceFactory {

    /**
     * Whole seconds: the precision every supported server stores (Connector/J drops fractions of
     * seconds for MariaDB, which announces itself as 5.5.5-MariaDB), so a stored challenge reads back
     * exactly as it was written.
     */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1));
    }

    @Singleton
    RandomGenerator random() {
        return new SecureRandom();
    }

    @Singleton
    ChallengePolicy challengePolicy(@Value("${mfa.challenge.ttl}") Duration ttl,
                                    @Value("${mfa.challenge.code-ttl}") Duration codeTtl,
                                    @Value("${mfa.challenge.max-attempts}") int maxAttempts,
                                    @Value("${mfa.challenge.resend-cooldown}") Duration cooldown,
                                    @Value("${mfa.challenge.max-sends}") int maxSends,
                                    @Value("${mfa.challenge.sms-digits}") int smsDigits,
                                    @Value("${mfa.challenge.email-digits}") int emailDigits) {
        return new ChallengePolicy(ttl, codeTtl, maxAttempts, cooldown, maxSends, smsDigits, emailDigits);
    }

    @Singleton
    AbusePolicy abusePolicy(@Value("${mfa.abuse.sends-per-destination-per-hour}") int destinationPerHour,
                            @Value("${mfa.abuse.sends-per-destination-per-day}") int destinationPerDay,
                            @Value("${mfa.abuse.sends-per-user-per-hour}") int userPerHour,
                            @Value("${mfa.abuse.max-consecutive-failures}") int maxFailures,
                            @Value("${mfa.abuse.failure-cooldown}") Duration cooldown,
                            @Value("${mfa.abuse.max-failure-cooldown}") Duration maxCooldown) {
        return new AbusePolicy(new AbusePolicy.Limit(destinationPerHour, Duration.ofHours(1)),
                new AbusePolicy.Limit(destinationPerDay, Duration.ofDays(1)),
                new AbusePolicy.Limit(userPerHour, Duration.ofHours(1)), maxFailures, cooldown, maxCooldown);
    }

    /** Eager, like the sealer: a development key outside dev/test must stop the start, not the first request. */
    @Context
    CodeHasher codeHasher(@Value("${mfa.keys.code-hash}") String key, Environment environment) {
        return new CodeHasher(Keys.codeHashKey(key, environment));
    }

    @Context
    SecretSealer secretSealer(@Value("${mfa.keys.secrets}") String ring, @Value("${mfa.keys.active-secret}") String active,
                              Environment environment, RandomGenerator random) {
        return new SecretSealer(Keys.secretKeyRing(ring, environment), active, random);
    }

    @Singleton
    CreateChallengeUseCase createChallenge(SaveChallengePort save, TransactionPort tx, ChallengePolicy policy,
                                           Clock clock, RandomGenerator random) {
        return new CreateChallengeService(save, tx, policy, clock, random);
    }

    @Singleton
    GetChallengeUseCase getChallenge(LoadChallengePort load, DeliveryStatusPort deliveries, Clock clock) {
        return new GetChallengeService(load, deliveries, clock);
    }

    @Singleton
    ConsumeChallengeUseCase consumeChallenge(LoadChallengePort load, SaveChallengePort save, TransactionPort tx,
                                             Clock clock) {
        return new ConsumeChallengeService(load, save, tx, clock);
    }

    @Singleton
    CancelChallengeUseCase cancelChallenge(LoadChallengePort load, SaveChallengePort save, TransactionPort tx,
                                           Clock clock) {
        return new CancelChallengeService(load, save, tx, clock);
    }

    @Singleton
    InitiateCodeDeliveryUseCase initiateCodeDelivery(LoadChallengePort load, SaveChallengePort save,
                                                     ContactPort contacts, EnqueueMessagePort outbox,
                                                     TransactionPort tx, ChallengePolicy policy, SendQuotaPort quotas,
                                                     AbusePolicy abuse, CodeHasher hasher, RandomGenerator random,
                                                     Clock clock) {
        return new InitiateCodeDeliveryService(load, save, contacts, outbox, tx, policy, quotas, abuse, hasher, random,
                clock);
    }

    @Singleton
    VerifyChallengeCodeUseCase verifyChallengeCode(LoadChallengePort load, SaveChallengePort save, TransactionPort tx,
                                                   CodeHasher hasher, AuthenticatorCodeCheck apps,
                                                   FailureLedgerPort ledger, AbusePolicy abuse, Clock clock) {
        return new VerifyChallengeCodeService(load, save, tx, hasher, apps, ledger, abuse, clock);
    }

    @Singleton
    ManageContactUseCase manageContact(ContactPort contacts, TransactionPort tx, Clock clock) {
        return new ManageContactService(contacts, tx, clock);
    }

    /** The outbox settings ({@code mfa.outbox.*}); the defaults match {@code RetryPolicy.defaults()}. */
    @Singleton
    DispatchDueMessagesService.RetryPolicy outboxRetryPolicy(@Value("${mfa.outbox.batch-size:20}") int batchSize,
                                                             @Value("${mfa.outbox.lease:30s}") Duration lease,
                                                             @Value("${mfa.outbox.max-attempts:5}") int maxAttempts,
                                                             @Value("${mfa.outbox.base-delay:2s}") Duration baseDelay,
                                                             @Value("${mfa.outbox.max-delay:60s}") Duration maxDelay) {
        return new DispatchDueMessagesService.RetryPolicy(batchSize, lease, maxAttempts, baseDelay, maxDelay);
    }

    @Singleton
    DispatchDueMessagesUseCase dispatchDueMessages(ClaimDueMessagesPort claims, RecordDeliveryPort records,
                                                   List<SendMessagePort> senders,
                                                   DispatchDueMessagesService.RetryPolicy policy,
                                                   DeliveryMetricsPort metrics, RandomGenerator random, Clock clock) {
        return new DispatchDueMessagesService(claims, records, senders, policy, metrics, random, clock);
    }
}
