package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.LoadRecoveryCodesPort;
import com.plmr.mfa.application.port.out.ReplaceRecoveryCodesPort;
import com.plmr.mfa.application.port.out.UseRecoveryCodePort;
import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Fakes of the recovery-code ports: per user, when the set was generated and each code's hash and use. */
final class InMemoryRecoveryCodes implements ReplaceRecoveryCodesPort, LoadRecoveryCodesPort, UseRecoveryCodePort {

    private record StoredSet(Instant created, Map<String, Instant> usedByHash) {
    }

    private final Map<UserId, StoredSet> sets = new HashMap<>();

    @Override
    public boolean replace(UserId user, List<byte[]> codeHashes, Instant created) {
        Map<String, Instant> codes = new LinkedHashMap<>();
        codeHashes.forEach(hash -> codes.put(HexFormat.of().formatHex(hash), null));
        return sets.put(user, new StoredSet(created, codes)) != null;
    }

    @Override
    public Optional<RecoveryCodeSummary> summaryOf(UserId user) {
        return Optional.ofNullable(sets.get(user)).map(set -> new RecoveryCodeSummary(
                (int) set.usedByHash().values().stream().filter(Objects::isNull).count(), set.usedByHash().size(),
                set.created(), set.usedByHash().values().stream().filter(Objects::nonNull).max(Instant::compareTo)));
    }

    @Override
    public boolean markUsed(UserId user, byte[] codeHash, Instant now) {
        StoredSet set = sets.get(user);
        String key = HexFormat.of().formatHex(codeHash);
        if (set == null || !set.usedByHash().containsKey(key) || set.usedByHash().get(key) != null) {
            return false;
        }
        set.usedByHash().put(key, now);
        return true;
    }

    /** The hashes stored for the user, hex: what a database dump would show. */
    List<String> hashesOf(UserId user) {
        return List.copyOf(sets.get(user).usedByHash().keySet());
    }
}
