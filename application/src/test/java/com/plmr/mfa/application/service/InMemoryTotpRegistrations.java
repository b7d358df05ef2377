package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.AddTotpRegistrationPort;
import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.application.port.out.RemoveTotpRegistrationPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The registration ports over a map, with the compare-and-set semantics of the real store, and the
 * drift port recording what operators would be told.
 */
final class InMemoryTotpRegistrations implements AddTotpRegistrationPort, LoadTotpRegistrationsPort,
        RecordTotpAttemptPort, RemoveTotpRegistrationPort, TransactionPort, ClockDriftPort {

    /** One accepted code as operators see it. */
    record Drift(TotpRegistrationId registration, long stepsOff) {
    }

    final List<Drift> drifts = new ArrayList<>();
    private final Map<TotpRegistrationId, TotpRegistration> rows = new ConcurrentHashMap<>();
    /** Runs just before the next compare-and-set, to play a concurrent request that got there first. */
    private Runnable beforeNextAdvance = () -> { };

    TotpRegistration stored(TotpRegistrationId id) {
        return rows.get(id);
    }

    void put(TotpRegistration registration) {
        rows.put(registration.id(), registration);
    }

    void beforeNextAdvance(Runnable action) {
        beforeNextAdvance = action;
    }

    @Override
    public void add(TotpRegistration registration) {
        if (rows.putIfAbsent(registration.id(), registration) != null) {
            throw new IllegalStateException("duplicate id");
        }
    }

    @Override
    public Optional<TotpRegistration> registrationOf(UserId owner, TotpRegistrationId id) {
        return Optional.ofNullable(rows.get(id)).filter(registration -> registration.userId().equals(owner));
    }

    @Override
    public List<TotpRegistration> registrationsOf(UserId owner) {
        return rows.values().stream().filter(registration -> registration.userId().equals(owner))
                .sorted(Comparator.comparing(TotpRegistration::created)).toList();
    }

    @Override
    public Optional<TotpRegistration> lockedRegistrationOf(UserId owner, TotpRegistrationId id) {
        return registrationOf(owner, id);
    }

    /** What a verify of an app code reads locked with its challenge ({@link com.plmr.mfa.application.port.out.LockChallengeForVerifyPort}). */
    List<TotpRegistration> lockedRegistrationsOf(UserId owner) {
        return registrationsOf(owner);
    }

    @Override
    public synchronized boolean advanceAcceptedStep(TotpRegistration accepted) {
        Runnable action = beforeNextAdvance;
        beforeNextAdvance = () -> { };
        action.run();
        TotpRegistration current = rows.get(accepted.id());
        if (current == null || current.lastAcceptedStep() >= accepted.lastAcceptedStep()) {
            return false;
        }
        rows.put(accepted.id(), accepted);
        return true;
    }

    @Override
    public void recordFailures(TotpRegistration failed) {
        rows.put(failed.id(), failed);
    }

    @Override
    public boolean remove(TotpRegistrationId id) {
        return rows.remove(id) != null;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Override
    public void accepted(TotpRegistrationId registration, long stepsOff) {
        drifts.add(new Drift(registration, stepsOff));
    }
}
