package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.AddChallengePort;
import com.plmr.mfa.application.port.out.ChallengeRequesterPort;
import com.plmr.mfa.application.port.out.DeliveryStatusPort;
import com.plmr.mfa.application.port.out.EnqueueMessagePort;
import com.plmr.mfa.application.port.out.FailureLedgerPort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.LockChallengeForVerifyPort;
import com.plmr.mfa.application.port.out.PhoneNumbersPort;
import com.plmr.mfa.application.port.out.RemoveContactPort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.SaveContactPort;
import com.plmr.mfa.application.port.out.SendQuotaPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.abuse.SendQuota;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.DestinationRefusal;
import com.plmr.mfa.domain.challenge.Requester;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.DeliveryState;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.PhoneNumber;
import com.plmr.mfa.domain.user.UserId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fakes of the challenge ports that also record whether each write happened inside a
 * transaction, and roll their state back when the transaction's work throws.
 */
final class InMemoryChallengeStore implements AddChallengePort, LoadChallengePort, LockChallengeForVerifyPort,
        SaveChallengePort, LoadContactPort, SaveContactPort, RemoveContactPort, EnqueueMessagePort, TransactionPort,
        SendQuotaPort, FailureLedgerPort, ChallengeRequesterPort, PhoneNumbersPort,
        DeliveryStatusPort {

    final Map<ChallengeId, Challenge> challenges = new HashMap<>();
    final Map<ChallengeId, Requester> requesters = new HashMap<>();
    final Map<String, Contact> contacts = new HashMap<>();
    final List<CodeMessage> outbox = new ArrayList<>();
    final List<SendQuota> quotasDrawn = new ArrayList<>();
    final List<String> writesOutsideTransactions = new ArrayList<>();
    final Map<UserId, FailureStreak> streaks = new HashMap<>();
    /** The latest delivery of a challenge's messages, as the outbox would tell it. */
    final Map<ChallengeId, DeliveryState> deliveries = new HashMap<>();
    /** Numbers the fake fraud guard refuses, and why; every other E.164 number is allowed. */
    final Map<String, DestinationRefusal> refusedNumbers = new HashMap<>();
    int transactions;
    private boolean inTransaction;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (inTransaction) {
            return work.get();
        }
        Map<ChallengeId, Challenge> savedChallenges = new HashMap<>(challenges);
        List<CodeMessage> savedOutbox = new ArrayList<>(outbox);
        transactions++;
        inTransaction = true;
        try {
            return work.get();
        } catch (RuntimeException e) {
            challenges.clear();
            challenges.putAll(savedChallenges);
            outbox.clear();
            outbox.addAll(savedOutbox);
            throw e;
        } finally {
            inTransaction = false;
        }
    }

    /** The fake numbering plan: an E.164 number once spaces and hyphens are left out. */
    @Override
    public Optional<String> normalise(String number) {
        String compact = number.replaceAll("[ -]", "");
        return PhoneNumber.isValid(compact) ? Optional.of(compact) : Optional.empty();
    }

    @Override
    public Optional<DeliveryState> latestFor(ChallengeId challenge) {
        return Optional.ofNullable(deliveries.get(challenge));
    }

    @Override
    public Optional<DestinationRefusal> screen(String e164) {
        return Optional.ofNullable(refusedNumbers.get(e164));
    }

    @Override
    public Optional<Challenge> load(ChallengeId id) {
        return Optional.ofNullable(challenges.get(id));
    }

    @Override
    public Optional<Challenge> loadLocked(ChallengeId id) {
        write("lock " + id);
        return load(id);
    }

    @Override
    public void remember(ChallengeId challenge, Requester requester) {
        write("requester " + challenge);
        requesters.put(challenge, requester);
    }

    @Override
    public Requester requesterOf(ChallengeId challenge) {
        return requesters.getOrDefault(challenge, new Requester(null, null));
    }

    @Override
    public void add(Challenge challenge) {
        write("add " + challenge.id());
        if (challenges.putIfAbsent(challenge.id(), challenge) != null) {
            throw new IllegalStateException("duplicate challenge id");
        }
    }

    /** Like the real store's update, refuses a challenge that was never added. */
    @Override
    public void save(Challenge challenge) {
        write("save " + challenge.id());
        if (challenges.replace(challenge.id(), challenge) == null) {
            throw new IllegalStateException("no stored challenge to update");
        }
    }

    @Override
    public void enqueue(CodeMessage message, java.time.Instant now, java.time.Instant expiresAt) {
        write("enqueue " + message.messageId());
        outbox.add(message);
    }

    @Override
    public Optional<Contact> load(UserId user, ContactKind kind) {
        return Optional.ofNullable(contacts.get(user + "/" + kind));
    }

    @Override
    public void add(Contact contact) {
        if (contacts.putIfAbsent(contact.userId() + "/" + contact.kind(), contact) != null) {
            throw new IllegalStateException("the user has a contact of this kind already");
        }
    }

    @Override
    public void replace(Contact contact) {
        if (contacts.replace(contact.userId() + "/" + contact.kind(), contact) == null) {
            throw new IllegalStateException("no stored contact to replace");
        }
    }

    @Override
    public boolean remove(UserId user, ContactKind kind) {
        return contacts.remove(user + "/" + kind) != null;
    }

    /** Quotas are the persistence adapter's concern (tested on the database): here every send fits. */
    @Override
    public List<SendQuota> tryConsume(List<SendQuota> quotas) {
        write("quota");
        quotasDrawn.addAll(quotas);
        return List.of();
    }

    @Override
    public Optional<ChallengeUnderVerify> lockForVerify(ChallengeId id, ChallengeMethod method) {
        write("lock " + id);
        return load(id).map(challenge -> {
            write("lock streak " + challenge.userId());
            return new ChallengeUnderVerify(challenge, streaks.getOrDefault(challenge.userId(), FailureStreak.none()),
                    List.of());
        });
    }

    @Override
    public void record(UserId user, FailureStreak streak) {
        write("record streak " + user);
        streaks.put(user, streak);
    }

    private void write(String what) {
        if (!inTransaction) {
            writesOutsideTransactions.add(what);
        }
    }
}
