package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.CancelChallengeUseCase;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.application.port.in.EraseUserUseCase;
import com.plmr.mfa.application.port.in.GetChallengeUseCase;
import com.plmr.mfa.application.port.in.InitiateCodeDeliveryUseCase;
import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase;
import com.plmr.mfa.application.port.in.ReadAuditTrailUseCase;
import com.plmr.mfa.application.port.in.ReadContactUseCase;
import com.plmr.mfa.application.port.in.ReceiveDeliveryReceiptUseCase;
import com.plmr.mfa.application.port.in.RemoveContactUseCase;
import com.plmr.mfa.application.port.in.ResetFactorsUseCase;
import com.plmr.mfa.application.port.in.SetContactUseCase;
import com.plmr.mfa.application.port.in.VerifyChallengeCodeUseCase;
import com.plmr.mfa.application.port.out.AddChallengePort;
import com.plmr.mfa.application.port.out.AppendAuditEventPort;
import com.plmr.mfa.application.port.out.ChallengeRequesterPort;
import com.plmr.mfa.application.port.out.ClaimDueMessagesPort;
import com.plmr.mfa.application.port.out.DeliveryMetricsPort;
import com.plmr.mfa.application.port.out.DeliveryStatusPort;
import com.plmr.mfa.application.port.out.EnqueueMessagePort;
import com.plmr.mfa.application.port.out.EraseUserDataPort;
import com.plmr.mfa.application.port.out.ErasureRecordPort;
import com.plmr.mfa.application.port.out.FailureLedgerPort;
import com.plmr.mfa.application.port.out.LoadAuditEventsPort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.LockChallengeForVerifyPort;
import com.plmr.mfa.application.port.out.PhoneNumbersPort;
import com.plmr.mfa.application.port.out.PublishAuditEventPort;
import com.plmr.mfa.application.port.out.PurgeExpiredDataPort;
import com.plmr.mfa.application.port.out.ReadReceiptPort;
import com.plmr.mfa.application.port.out.RecordDeliveryPort;
import com.plmr.mfa.application.port.out.RecordReceiptPort;
import com.plmr.mfa.application.port.out.RemoveContactPort;
import com.plmr.mfa.application.port.out.RequestContextPort;
import com.plmr.mfa.application.port.out.ResetFactorsPort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.SaveContactPort;
import com.plmr.mfa.application.port.out.SendQuotaPort;
import com.plmr.mfa.application.port.out.SignAssertionPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.application.service.AuditTrail;
import com.plmr.mfa.application.service.AuthenticatorCodeCheck;
import com.plmr.mfa.application.service.RecoveryCodeCheck;
import com.plmr.mfa.application.service.CancelChallengeService;
import com.plmr.mfa.application.service.ConsumeChallengeService;
import com.plmr.mfa.application.service.CreateChallengeService;
import com.plmr.mfa.application.service.DispatchDueMessagesService;
import com.plmr.mfa.application.service.EraseUserService;
import com.plmr.mfa.application.service.GetChallengeService;
import com.plmr.mfa.application.service.InitiateCodeDeliveryService;
import com.plmr.mfa.application.service.PurgeExpiredDataService;
import com.plmr.mfa.application.service.ReadAuditTrailService;
import com.plmr.mfa.application.service.ReadContactService;
import com.plmr.mfa.application.service.ReceiveDeliveryReceiptService;
import com.plmr.mfa.application.service.RemoveContactService;
import com.plmr.mfa.application.service.ResetFactorsService;
import com.plmr.mfa.application.service.SetContactService;
import com.plmr.mfa.application.service.UserNotices;
import com.plmr.mfa.application.service.VerifyChallengeCodeService;
import com.plmr.mfa.domain.abuse.AbusePolicy;
import com.plmr.mfa.domain.assertion.AssertionPolicy;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

import static com.plmr.mfa.domain.ParameterException.require;

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
    ChallengePolicy challengePolicy(Settings settings) {
        return settings.build(values -> new ChallengePolicy(
                values.duration("challengeTtl", "mfa.challenge.ttl"),
                values.duration("codeTtl", "mfa.challenge.code-ttl"),
                values.integer("maxAttempts", "mfa.challenge.max-attempts"),
                values.duration("resendCooldown", "mfa.challenge.resend-cooldown"),
                values.integer("maxSends", "mfa.challenge.max-sends"),
                values.integer("smsDigits", "mfa.challenge.sms-digits"),
                values.integer("emailDigits", "mfa.challenge.email-digits")));
    }

    @Singleton
    AbusePolicy abusePolicy(Settings settings) {
        return settings.build(values -> new AbusePolicy(
                limit(settings, "mfa.abuse.sends-per-destination-per-hour", Duration.ofHours(1)),
                limit(settings, "mfa.abuse.sends-per-destination-per-day", Duration.ofDays(1)),
                limit(settings, "mfa.abuse.sends-per-user-per-hour", Duration.ofHours(1)),
                limit(settings, "mfa.abuse.sends-per-range-per-hour", Duration.ofHours(1)),
                values.integer("maxConsecutiveFailures", "mfa.abuse.max-consecutive-failures"),
                values.duration("failureCooldown", "mfa.abuse.failure-cooldown"),
                values.duration("maxFailureCooldown", "mfa.abuse.max-failure-cooldown")));
    }

    private static AbusePolicy.Limit limit(Settings settings, String key, Duration window) {
        return settings.build(values -> new AbusePolicy.Limit(values.integer("max", key), window));
    }

    /** The code hashing key ({@code MFA_CODE_HASH_KEY}); the development default only in dev and test. */
    @Singleton
    CodeHasher codeHasher(Settings settings, Environment environment) {
        return settings.build(values ->
                new CodeHasher(Keys.codeHashKey(values.secret("key", "mfa.keys.code-hash"), environment)));
    }

    @Singleton
    SecretSealer secretSealer(Settings settings, Environment environment, RandomGenerator random) {
        return settings.build(values -> new SecretSealer(
                Keys.secretKeyRing(values.secret("keyRing", "mfa.keys.secrets"), environment),
                values.text("activeKeyId", "mfa.keys.active-secret"), random));
    }

    /**
     * The audit trail every use case records its decisions in; told to the log line and the counters after commit,
     * and followed by the notices to users.
     */
    @Singleton
    AuditTrail auditTrail(AppendAuditEventPort store, TransactionPort tx, List<PublishAuditEventPort> published,
                          RequestContextPort requests, Clock clock, RandomGenerator random, UserNotices notices) {
        return new AuditTrail(store, tx, published, requests, clock, random, notices);
    }

    @Singleton
    ReadAuditTrailUseCase readAuditTrail(LoadAuditEventsPort events) {
        return new ReadAuditTrailService(events);
    }

    @Singleton
    CreateChallengeUseCase createChallenge(AddChallengePort add, ChallengeRequesterPort requesters, TransactionPort tx,
                                           ChallengePolicy policy, AuditTrail audit, Clock clock, RandomGenerator random) {
        return new CreateChallengeService(add, requesters, tx, policy, audit, clock, random);
    }

    @Singleton
    GetChallengeUseCase getChallenge(LoadChallengePort load, DeliveryStatusPort deliveries, Clock clock) {
        return new GetChallengeService(load, deliveries, clock);
    }

    @Singleton
    ConsumeChallengeUseCase consumeChallenge(LoadChallengePort load, SaveChallengePort save,
                                             ChallengeRequesterPort requesters, SignAssertionPort signer,
                                             AssertionPolicy assertions, TransactionPort tx, AuditTrail audit,
                                             Clock clock) {
        return new ConsumeChallengeService(load, save, requesters, signer, assertions, tx, audit, clock);
    }

    @Singleton
    CancelChallengeUseCase cancelChallenge(LoadChallengePort load, SaveChallengePort save, TransactionPort tx,
                                           AuditTrail audit, Clock clock) {
        return new CancelChallengeService(load, save, tx, audit, clock);
    }

    @Singleton
    InitiateCodeDeliveryUseCase initiateCodeDelivery(LoadChallengePort load, SaveChallengePort save,
                                                     LoadContactPort contacts, PhoneNumbersPort phones,
                                                     DeliveryStatusPort deliveries, EnqueueMessagePort outbox,
                                                     TransactionPort tx, ChallengePolicy policy, SendQuotaPort quotas,
                                                     AbusePolicy abuse, CodeHasher hasher, AuditTrail audit,
                                                     RandomGenerator random, Clock clock) {
        return new InitiateCodeDeliveryService(load, save, contacts, phones, deliveries, outbox, tx, policy, quotas, abuse, hasher, audit,
                random, clock);
    }

    @Singleton
    VerifyChallengeCodeUseCase verifyChallengeCode(LoadChallengePort load, LockChallengeForVerifyPort lock,
                                                   SaveChallengePort save, TransactionPort tx, CodeHasher hasher,
                                                   AuthenticatorCodeCheck apps, RecoveryCodeCheck recoveryCodes,
                                                   FailureLedgerPort ledger, AbusePolicy abuse, ChallengePolicy policy,
                                                   AuditTrail audit, Clock clock) {
        return new VerifyChallengeCodeService(load, lock, save, tx, hasher, apps, recoveryCodes, ledger, abuse, policy,
                audit, clock);
    }

    @Singleton
    SetContactUseCase setContact(LoadContactPort load, SaveContactPort save, PhoneNumbersPort phones,
                                 TransactionPort tx, AuditTrail audit, Clock clock) {
        return new SetContactService(load, save, phones, tx, audit, clock);
    }

    @Singleton
    ReadContactUseCase readContact(LoadContactPort load) {
        return new ReadContactService(load);
    }

    @Singleton
    RemoveContactUseCase removeContact(LoadContactPort load, RemoveContactPort remove, TransactionPort tx,
                                       AuditTrail audit, Clock clock) {
        return new RemoveContactService(load, remove, tx, audit, clock);
    }

    /** Receipts are read by the configured SMS provider's reader (none: every callback is refused). */
    @Singleton
    ReceiveDeliveryReceiptUseCase receiveDeliveryReceipt(List<ReadReceiptPort> readers, RecordReceiptPort receipts,
                                                         LoadChallengePort challenges, TransactionPort tx,
                                                         AuditTrail audit, Clock clock) {
        return new ReceiveDeliveryReceiptService(readers, receipts, challenges, tx, audit, clock);
    }

    /**
     * The outbox settings ({@code mfa.outbox.*}); the defaults match {@code RetryPolicy.defaults()}.
     * The poll interval is read by {@link OutboxDispatchJob}'s schedule and checked here with the rest.
     */
    @Singleton
    DispatchDueMessagesService.RetryPolicy outboxRetryPolicy(Settings settings, ProviderTimeouts providers) {
        return settings.build(values -> {
            Duration poll = values.duration("pollInterval", "mfa.outbox.poll-interval");
            require(poll.compareTo(Duration.ofMillis(10)) >= 0 && poll.compareTo(Duration.ofMinutes(1)) <= 0,
                    "pollInterval", "10ms to 1m");
            var policy = new DispatchDueMessagesService.RetryPolicy(
                    values.integer("batchSize", "mfa.outbox.batch-size"),
                    values.duration("lease", "mfa.outbox.lease"),
                    values.integer("maxAttempts", "mfa.outbox.max-attempts"),
                    values.duration("baseDelay", "mfa.outbox.base-delay"),
                    values.duration("maxDelay", "mfa.outbox.max-delay"));
            providers.longest().ifPresent(request -> require(policy.lease().compareTo(request.total()) > 0, "lease",
                    "longer than one provider request (" + request + "), or a slow send outlives its claim"
                            + " and another instance sends the message again"));
            return policy;
        });
    }

    @Singleton
    DispatchDueMessagesUseCase dispatchDueMessages(ClaimDueMessagesPort claims, RecordDeliveryPort records,
                                                   ProviderSendMetrics senders,
                                                   DispatchDueMessagesService.RetryPolicy policy,
                                                   DeliveryMetricsPort metrics, RandomGenerator random, Clock clock,
                                                   RequestContextPort requests, LoadChallengePort challenges,
                                                   TransactionPort tx, AuditTrail audit) {
        return new DispatchDueMessagesService(claims, records, senders.timed(), policy, metrics, random, clock,
                requests, challenges, tx, audit);
    }

    /**
     * The retention settings ({@code mfa.retention.*}); the defaults match {@code RetentionPolicy.defaults()}.
     * The purge interval is read by {@link PurgeJob}'s schedule and checked here with the rest.
     */
    @Singleton
    PurgeExpiredDataService.RetentionPolicy retentionPolicy(Settings settings) {
        return settings.build(values -> {
            String enabled = values.text("purgeEnabled", "mfa.retention.purge-enabled");
            require(enabled.equals("true") || enabled.equals("false"), "purgeEnabled", "true or false");
            Duration interval = values.duration("purgeInterval", "mfa.retention.purge-interval");
            require(interval.compareTo(Duration.ofMinutes(1)) >= 0 && interval.compareTo(Duration.ofDays(1)) <= 0,
                    "purgeInterval", "1m to 1d");
            return new PurgeExpiredDataService.RetentionPolicy(
                    values.duration("challenges", "mfa.retention.challenges"),
                    values.duration("outboxMessages", "mfa.retention.outbox-messages"),
                    values.duration("sendQuotas", "mfa.retention.send-quotas"),
                    values.duration("failureStreaks", "mfa.retention.failure-streaks"),
                    values.duration("auditEvents", "mfa.retention.audit-events"),
                    values.integer("batchSize", "mfa.retention.batch-size"));
        });
    }

    @Singleton
    PurgeExpiredDataUseCase purgeExpiredData(PurgeExpiredDataPort rows, PurgeExpiredDataService.RetentionPolicy policy,
                                             TotpPolicy totp, Clock clock) {
        return new PurgeExpiredDataService(rows, policy, totp.enrolmentTtl(), clock);
    }

    @Singleton
    ResetFactorsUseCase resetFactors(ResetFactorsPort rows, LoadChallengePort load, SaveChallengePort save,
                                     TransactionPort tx, AuditTrail audit, Clock clock) {
        return new ResetFactorsService(rows, load, save, tx, audit, clock);
    }

    @Singleton
    EraseUserUseCase eraseUser(EraseUserDataPort rows, ErasureRecordPort records, TransactionPort tx, CodeHasher hasher,
                               AuditTrail audit, Clock clock) {
        return new EraseUserService(rows, records, tx, hasher, audit, clock);
    }
}
