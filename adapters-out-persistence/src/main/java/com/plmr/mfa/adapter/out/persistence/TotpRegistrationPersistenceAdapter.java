package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.AddTotpRegistrationPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.application.port.out.RemoveTotpRegistrationPort;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.UserId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@Singleton
@ReportsUnavailableStore
class TotpRegistrationPersistenceAdapter
        implements AddTotpRegistrationPort, LoadTotpRegistrationsPort, RecordTotpAttemptPort, RemoveTotpRegistrationPort {

    private final TotpRegistrationRepository repository;
    private final CombinedUpdates updates;

    TotpRegistrationPersistenceAdapter(TotpRegistrationRepository repository, CombinedUpdates updates) {
        this.repository = repository;
        this.updates = updates;
    }

    @Override
    public void add(TotpRegistration registration) {
        repository.save(TotpRegistrationRow.of(registration));
    }

    @Override
    public Optional<TotpRegistration> registrationOf(UserId owner, TotpRegistrationId id) {
        return repository.findByIdAndUserId(id.value(), owner.value()).map(TotpRegistrationRow::toDomain);
    }

    @Override
    public List<TotpRegistration> registrationsOf(UserId owner) {
        return repository.findByUserIdOrderByCreatedAt(owner.value()).stream()
                .map(TotpRegistrationRow::toDomain).toList();
    }

    @Override
    public Optional<TotpRegistration> lockedRegistrationOf(UserId owner, TotpRegistrationId id) {
        return repository.findByIdAndUserIdForUpdate(id.value(), owner.value()).map(TotpRegistrationRow::toDomain);
    }

    @Override
    public boolean advanceAcceptedStep(TotpRegistration accepted) {
        return repository.advanceAcceptedStep(accepted.id().value(), accepted.lastAcceptedStep(),
                accepted.state().name(), accepted.consecutiveFailures(), accepted.lockedUntil().orElse(null),
                accepted.lockouts(), accepted.changed()) == 1;
    }

    /** At once, or with the transaction's other updates ({@link CombinedUpdates}). */
    @Override
    public void recordFailures(TotpRegistration failed) {
        updates.update(CombinedUpdates.Row.of("totp_registration", "id", failed.id().value())
                .set("consecutive_failures", failed.consecutiveFailures())
                .set("locked_until", failed.lockedUntil().orElse(null)).set("lockouts", failed.lockouts())
                .set("changed_at", failed.changed()));
    }

    @Override
    public boolean remove(TotpRegistrationId id) {
        return repository.deleteCounted(id.value()) == 1;
    }
}
