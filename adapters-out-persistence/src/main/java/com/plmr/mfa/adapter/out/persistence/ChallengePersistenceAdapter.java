package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.AddChallengePort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
@ReportsUnavailableStore
class ChallengePersistenceAdapter implements AddChallengePort, LoadChallengePort, SaveChallengePort {

    private final ChallengeRepository repository;
    private final CombinedUpdates updates;

    ChallengePersistenceAdapter(ChallengeRepository repository, CombinedUpdates updates) {
        this.repository = repository;
        this.updates = updates;
    }

    @Override
    public Optional<Challenge> load(ChallengeId id) {
        return repository.findById(id.value()).map(ChallengeRowMapper::toDomain);
    }

    @Override
    public Optional<Challenge> loadLocked(ChallengeId id) {
        return repository.findByIdForUpdate(id.value()).map(ChallengeRowMapper::toDomain);
    }

    /** Inserts a new challenge with its context: the one statement that writes a context. */
    @Override
    public void add(Challenge challenge) {
        repository.save(ChallengeRowMapper.toRow(challenge));
    }

    /**
     * Updates the state of a stored challenge, one statement (or part of the transaction's combined
     * one, {@link CombinedUpdates}): the context stays as inserted whatever the given challenge
     * holds, and is only ever removed (cancelled), by a second one.
     */
    @Override
    public void save(Challenge challenge) {
        updates.update(ChallengeRowMapper.toStateRow(challenge).update());
        if (challenge.context() == null) {
            repository.eraseContext(challenge.id().value());
        }
    }
}
