package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.NoticeOutboxPort;
import com.plmr.mfa.application.port.out.UserLanguagePort;
import com.plmr.mfa.domain.audit.AuditEvent;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.notice.NoticeKind;
import com.plmr.mfa.domain.notice.NoticePolicy;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Tells a user about the decisions that concern its factors and sign-in attempts: each recorded
 * decision of a {@link NoticeKind} puts a notice into the outbox, in the decision's transaction, to
 * the user's e-mail address or, where only a phone number is known, by SMS, in the language of the
 * user's newest challenge (English when none named one).
 *
 * <p>What is decided about the notice is itself recorded ({@code notice.queued} with the masked
 * destination, or {@code notice.skipped} with why: no contact on record, or a coalesced kind already
 * sent within the interval); a kind the operator turned off is not sent and not recorded. The caller of the decision learns nothing of it:
 * its answer stays the same whether a notice was queued or not, so the destination does not leak.
 */
public final class UserNotices {

    /** What was decided about the notice of one event, to be recorded after it. */
    record FollowUp(AuditType type, AuditReason reason, Subject subject) {
    }

    private final LoadContactPort contacts;
    private final UserLanguagePort languages;
    private final NoticeOutboxPort outbox;
    private final NoticePolicy policy;
    private final RandomGenerator random;

    public UserNotices(LoadContactPort contacts, UserLanguagePort languages, NoticeOutboxPort outbox,
                       NoticePolicy policy, RandomGenerator random) {
        this.contacts = contacts;
        this.languages = languages;
        this.outbox = outbox;
        this.policy = policy;
        this.random = random;
    }

    /** The notice that follows {@code event}, queued or skipped; empty when the event calls for none. */
    Optional<FollowUp> follow(AuditEvent event) {
        Optional<String> user = event.subject().userId().filter(UserId::isWellFormed);
        return NoticeKind.following(event.type()).flatMap(kind -> user.flatMap(id ->
                notify(new UserId(id), kind, event.subject(), event.at())));
    }

    /**
     * Queues a notice of {@code kind} for {@code user} unless it is redundant or has nowhere to go;
     * a kind the policy does not send is no decision at all (empty). For decisions whose audit type
     * does not name the notice (see {@link NoticeKind#following}).
     */
    Optional<FollowUp> notify(UserId user, NoticeKind kind, Subject about, Instant now) {
        if (!policy.sends(kind)) {
            return Optional.empty();
        }
        return Optional.of(queue(user, kind, Subject.user(user.value()).withFactor(about.factorId().orElse(null))
                .withChallenge(about.challengeId().orElse(null)), now));
    }

    private FollowUp queue(UserId user, NoticeKind kind, Subject subject, Instant now) {
        Optional<Destination> to = destinationOf(user);
        if (to.isEmpty()) {
            return new FollowUp(AuditType.NOTICE_SKIPPED, AuditReason.NO_DESTINATION, subject);
        }
        if (kind.coalesced() && outbox.queuedSince(user, kind, policy.coalescingSince(now))) {
            return new FollowUp(AuditType.NOTICE_SKIPPED, AuditReason.NOTICE_COALESCED, subject);
        }
        String id = newId();
        Locale locale = languages.languageOf(user).orElse(Locale.ENGLISH);
        outbox.enqueue(user, new NoticeMessage(id, id, to.get(), locale, kind, now), now, now.plus(policy.validity()));
        return new FollowUp(AuditType.NOTICE_QUEUED, null,
                subject.withMethod(to.get().channel().method()).withMaskedDestination(to.get().masked()));
    }

    /** The e-mail address on record, else the phone number (OWASP: notify out of band of the changed factor). */
    private Optional<Destination> destinationOf(UserId user) {
        for (Channel channel : new Channel[] {Channel.EMAIL, Channel.SMS}) {
            Optional<Contact> contact = contacts.load(user, channel.contactKind());
            if (contact.isPresent()) {
                return Optional.of(Destination.of(channel, contact.get()));
            }
        }
        return Optional.empty();
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "ntc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
