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

    ChallengePersistenceAdapter(ChallengeRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Challenge> load(ChallengeId id) {
        return repository.findById(id.value()).map(ChallengeRowMapper::toDomain);
    }

    @Override
    public Optional<Challenge> loadLocked(ChallengeId id) {
        return repository.findByIdForUpdate(id.value()).map(ChallengeRowMapper::toDomain);
    }

    @Override
    public void save(Challenge challenge) {
        ChallengeRow row = ChallengeRowMapper.toRow(challenge);
        if (repository.existsById(row.id())) {
            repository.update(row);
        } else {
            repository.save(row);
        }
    }
}
