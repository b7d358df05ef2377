package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.InitiateCodeDeliveryUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.DeliveryStatusPort;
import com.plmr.mfa.application.port.out.EnqueueMessagePort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.PhoneNumbersPort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.SendQuotaPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.abuse.AbusePolicy;
import com.plmr.mfa.domain.abuse.SendQuota;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.DestinationRefusal;
import com.plmr.mfa.domain.challenge.InitiationOutcome;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.code.CodeGenerator;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.DeliveryState;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.OtpCode;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Issues a fresh code and puts its message into the outbox, in the transaction that holds the
 * challenge's row lock: the new code's hash and the message are stored together or not at all,
 * and two concurrent initiates cannot both pass the cooldown. A phone number the fraud guard
 * refuses ({@link PhoneNumbersPort#screen}) gets nothing queued. The sends per destination, per
 * phone number range and per user are counted in the same transaction, after every refusal of the
 * challenge and of its destination, so a refused initiate spends no quota and a counted send is
 * always a stored one. When the provider reported the challenge's last message undelivered, the
 * resend cooldown is waived: the user waits for nothing that will arrive.
 */
public final class InitiateCodeDeliveryService implements InitiateCodeDeliveryUseCase {

    private final ChallengeGate gate;
    private final SaveChallengePort save;
    private final LoadContactPort contacts;
    private final PhoneNumbersPort phones;
    private final DeliveryStatusPort deliveries;
    private final EnqueueMessagePort outbox;
    private final TransactionPort transactions;
    private final ChallengePolicy policy;
    private final SendQuotaPort quotas;
    private final AbusePolicy abuse;
    private final CodeGenerator codes;
    private final CodeHasher hasher;
    private final RandomGenerator random;
    private final AuditTrail audit;
    private final Clock clock;

    public InitiateCodeDeliveryService(LoadChallengePort load, SaveChallengePort save, LoadContactPort contacts,
                                       PhoneNumbersPort phones, DeliveryStatusPort deliveries,
                                       EnqueueMessagePort outbox, TransactionPort transactions, ChallengePolicy policy,
                                       SendQuotaPort quotas, AbusePolicy abuse, CodeHasher hasher, AuditTrail audit,
                                       RandomGenerator random, Clock clock) {
        this.gate = new ChallengeGate(load).audited(audit, AuditType.CODE_REFUSED);
        this.audit = audit;
        this.save = save;
        this.contacts = contacts;
        this.phones = phones;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.transactions = transactions;
        this.policy = policy;
        this.quotas = quotas;
        this.abuse = abuse;
        this.codes = new CodeGenerator(random);
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Access<Initiation> initiate(Actor actor, Command command) {
        return transactions.inTransaction(() -> gate.enter(actor, command.challenge(), Scopes.CHALLENGES_VERIFY, true,
                challenge -> recorded(actor, challenge, command, initiate(challenge, command, clock.instant()))));
    }

    private Initiation recorded(Actor actor, Challenge challenge, Command command, Initiation initiation) {
        audit.decided(actor, DecisionRecords.of(initiation.outcome()), Subject.user(challenge.userId().value())
                .withChallenge(challenge.id().value()).withMethod(command.method())
                .withMaskedDestination(initiation.maskedDestination()));
        return initiation;
    }

    private Initiation initiate(Challenge challenge, Command command, Instant now) {
        ChallengeMethod method = command.method();
        Optional<InitiationOutcome> refusal = challenge.refuseInitiation(method, policy, now);
        // the outbox is read only when the cooldown refuses: an initiate outside it costs no statement more
        boolean lastUndelivered = refusal.filter(InitiationOutcome.CoolingDown.class::isInstance).isPresent()
                && deliveries.latestFor(challenge.id()).map(DeliveryState::undelivered).orElse(false);
        if (lastUndelivered) {
            refusal = challenge.refuseInitiation(method, policy, now, true);
        }
        if (refusal.isPresent()) {
            return new Initiation(refusal.get(), null);
        }
        Channel channel = Channel.of(method);
        Optional<Contact> contact = contacts.load(challenge.userId(), channel.contactKind());
        if (contact.isEmpty()) {
            return new Initiation(new InitiationOutcome.NoDestination(method), null);
        }
        Destination to = Destination.of(channel, contact.get());
        Optional<DestinationRefusal> refused = channel == Channel.SMS ? phones.screen(to.address()) : Optional.empty();
        if (refused.isPresent()) {
            return new Initiation(new InitiationOutcome.DestinationRefused(method, refused.get()), to.masked());
        }
        String pseudonym = hasher.pseudonym("destination", to.address());
        Optional<String> range = to.numberRange().map(block -> hasher.pseudonym("range", block));
        List<SendQuota> spent = quotas.tryConsume(abuse.sendQuotas(challenge.userId(), pseudonym, range, now));
        if (!spent.isEmpty()) {
            Duration retryAfter = spent.stream().map(quota -> quota.retryAfter(now)).max(Duration::compareTo)
                    .orElseThrow();
            return new Initiation(new InitiationOutcome.RateLimited(retryAfter), null);
        }
        OtpCode code = codes.generate(policy.digitsFor(method));
        InitiationOutcome.Issued issued = challenge.issue(method,
                hasher.hash(challenge.id(), method, OperationDigest.of(challenge.context()), code.digits()), policy,
                now, lastUndelivered);
        save.save(issued.challenge());
        outbox.enqueue(message(challenge, to, code, command.preferredLocale()), now,
                issued.codeExpiresAt());
        return new Initiation(issued, to.masked());
    }

    private CodeMessage message(Challenge challenge, Destination to, OtpCode code, Locale preferred) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String messageId = "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Locale locale = challenge.terms().locale() != null ? challenge.terms().locale()
                : preferred != null ? preferred : Locale.ENGLISH;
        int minutes = (int) Math.max(1, (policy.codeTtl().toSeconds() + 59) / 60);
        String summary = challenge.stepUpContext().map(c -> c.summary()).orElse(null);
        TransactionDetails transaction = challenge.stepUpContext().map(c -> c.transaction()).orElse(null);
        return new CodeMessage(messageId, messageId, challenge.id(), to, locale, code, minutes, summary, transaction);
    }
}
