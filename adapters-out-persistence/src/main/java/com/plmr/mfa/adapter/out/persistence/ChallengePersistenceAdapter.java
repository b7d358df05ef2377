package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
@ReportsUnavailableStore
class ChallengePersistenceAdapter implements LoadChallengePort, SaveChallengePort {

    private final ChallengeRepository repository;
    private final ChallengeStateRepository states;

    ChallengePersistenceAdapter(ChallengeRepository repository, ChallengeStateRepository states) {
        this.repository = repository;
        this.states = states;
    }

    @Override
    public Optional<Challenge> load(ChallengeId id) {
        return repository.findById(id.value()).map(ChallengeRowMapper::toDomain);
    }

    @Override
    public Optional<Challenge> loadLocked(ChallengeId id) {
        return repository.findByIdForUpdate(id.value()).map(ChallengeRowMapper::toDomain);
    }

    /**
     * Inserts a new challenge with its context, or updates the state of a stored one: the context
     * stays as inserted whatever the given challenge holds, and is only ever removed (cancelled).
     */
    @Override
    public void save(Challenge challenge) {
        String id = challenge.id().value();
        if (!repository.existsById(id)) {
            repository.save(ChallengeRowMapper.toRow(challenge));
            return;
        }
        states.update(ChallengeRowMapper.toStateRow(challenge));
        if (challenge.context() == null) {
            repository.eraseContext(id);
        }
    }
}
