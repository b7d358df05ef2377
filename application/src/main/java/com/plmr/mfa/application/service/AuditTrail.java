package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.out.AppendAuditEventPort;
import com.plmr.mfa.application.port.out.PublishAuditEventPort;
import com.plmr.mfa.application.port.out.RequestContextPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditActor;
import com.plmr.mfa.domain.audit.AuditEvent;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.notice.NoticeKind;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The one way the use cases record their decisions. An event is appended in the transaction of the
 * decision when one is open (the decision and its record commit together, or neither does); a
 * refusal taken before any transaction (a token without the scope) is appended in a transaction of
 * its own, so it is recorded all the same. The time is the injected clock's, the request id the
 * current request's. Once the transaction committed, every {@link PublishAuditEventPort} is told:
 * a rolled-back decision is neither logged nor counted.
 *
 * <p>A decision the user is to hear about ({@link NoticeKind#following}) is followed, in the same
 * transaction, by its notice ({@link UserNotices}) and the record of what became of it: a use case
 * that records its decisions notifies the user without knowing of notices.
 */
public final class AuditTrail {

    private final AppendAuditEventPort store;
    private final TransactionPort transactions;
    private final List<PublishAuditEventPort> published;
    private final RequestContextPort requests;
    private final Clock clock;
    private final RandomGenerator random;
    private final Optional<UserNotices> notices;

    /** A trail whose decisions notify nobody. */
    public AuditTrail(AppendAuditEventPort store, TransactionPort transactions, List<PublishAuditEventPort> published,
                      RequestContextPort requests, Clock clock, RandomGenerator random) {
        this(store, transactions, published, requests, clock, random, null);
    }

    /** @param notices the notices that follow decisions, or {@code null} for none */
    public AuditTrail(AppendAuditEventPort store, TransactionPort transactions, List<PublishAuditEventPort> published,
                      RequestContextPort requests, Clock clock, RandomGenerator random, UserNotices notices) {
        this.notices = Optional.ofNullable(notices);
        this.store = store;
        this.transactions = transactions;
        this.published = List.copyOf(published);
        this.requests = requests;
        this.clock = clock;
        this.random = random;
    }

    /** Records a state change, or a refusal when {@code reason} is given. */
    public void record(AuditActor actor, AuditType type, AuditReason reason, Subject subject) {
        record(actor, type, reason, subject, Optional.empty(), Optional.empty());
    }

    public void record(Actor actor, AuditType type, AuditReason reason, Subject subject) {
        record(AuditActor.of(actor), type, reason, subject);
    }

    /** Records a state change with the justification a person gave for it ({@code note}). */
    public void record(Actor actor, AuditType type, Subject subject, String note) {
        record(AuditActor.of(actor), type, null, subject, Optional.empty(), Optional.of(note));
    }

    /**
     * Records a decision of {@code subject}'s user and tells the user with a notice of {@code notice}:
     * for a decision whose type does not name its notice (see {@link NoticeKind#following}).
     */
    public void record(Actor actor, AuditType type, AuditReason reason, Subject subject, NoticeKind notice) {
        transactions.inTransaction(() -> {
            AuditEvent event = record(AuditActor.of(actor), type, reason, subject, Optional.empty(), Optional.empty());
            subject.userId().filter(UserId::isWellFormed).ifPresent(user -> notices.flatMap(all ->
                    all.notify(new UserId(user), notice, subject, event.at())).ifPresent(this::recordFollowUp));
            return event;
        });
    }

    /** Records the events of one outcome ({@link DecisionRecords}), in order. */
    void decided(Actor actor, List<DecisionRecords.Decision> decisions, Subject subject) {
        decisions.forEach(decision -> record(actor, decision.type(), decision.reason(), subject));
    }

    /** Records a suspected clock drift of an authenticator app, {@code stepsOff} steps off. */
    public void clockDrift(AuditActor actor, Subject subject, long stepsOff) {
        record(actor, AuditType.CLOCK_DRIFT_SUSPECTED, null, subject, Optional.of(stepsOff), Optional.empty());
    }

    /**
     * Records {@code refusal} when {@code access} was refused (an unknown resource, another user's,
     * a token without the scope); nothing when it was granted. Answers {@code access}.
     */
    public <T> Access<T> refusedAccess(Access<T> access, Actor actor, AuditType refusal, Subject subject) {
        AuditReason reason = access.fold(new Access.Cases<T, AuditReason>() {
            @Override
            public AuditReason granted(T value) {
                return null;
            }

            @Override
            public AuditReason notFound() {
                return AuditReason.NOT_FOUND;
            }

            @Override
            public AuditReason subjectMismatch() {
                return AuditReason.SUBJECT_MISMATCH;
            }

            @Override
            public AuditReason forbidden() {
                return AuditReason.SCOPE_MISSING;
            }
        });
        if (reason != null) {
            record(actor, refusal, reason, subject);
        }
        return access;
    }

    private AuditEvent record(AuditActor actor, AuditType type, AuditReason reason, Subject subject,
                              Optional<Long> stepsOff, Optional<String> note) {
        AuditEvent event = new AuditEvent(newId(), clock.instant(), type, Optional.ofNullable(reason), actor, subject,
                requests.current(), stepsOff, note);
        return transactions.inTransaction(() -> {
            store.append(event);
            transactions.afterCommit(() -> published.forEach(port -> port.published(event)));
            notices.flatMap(all -> all.follow(event)).ifPresent(this::recordFollowUp);
            return event;
        });
    }

    private void recordFollowUp(UserNotices.FollowUp followUp) {
        record(AuditActor.NOTIFIER, followUp.type(), followUp.reason(), followUp.subject(), Optional.empty(),
                Optional.empty());
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "evt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
