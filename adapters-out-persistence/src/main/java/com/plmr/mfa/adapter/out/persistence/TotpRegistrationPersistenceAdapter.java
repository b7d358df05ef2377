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

    TotpRegistrationPersistenceAdapter(TotpRegistrationRepository repository) {
        this.repository = repository;
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
    public List<TotpRegistration> lockedRegistrationsOf(UserId owner) {
        return repository.findByUserIdOrderByCreatedAtForUpdate(owner.value()).stream()
                .map(TotpRegistrationRow::toDomain).toList();
    }

    @Override
    public boolean advanceAcceptedStep(TotpRegistration accepted) {
        return repository.advanceAcceptedStep(accepted.id().value(), accepted.lastAcceptedStep(),
                accepted.state().name(), accepted.consecutiveFailures(), accepted.lockedUntil().orElse(null),
                accepted.lockouts(), accepted.changed()) == 1;
    }

    @Override
    public void recordFailures(TotpRegistration failed) {
        repository.recordFailures(failed.id().value(), failed.consecutiveFailures(),
                failed.lockedUntil().orElse(null), failed.lockouts(), failed.changed());
    }

    @Override
    public boolean remove(TotpRegistrationId id) {
        return repository.deleteCounted(id.value()) == 1;
    }
}
