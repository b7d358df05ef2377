package com.plmr.mfa.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What bearer tokens were verified to, kept for a while so that a client sending the same token
 * with every request costs one signature check, not one per request. Keyed by the SHA-256 of the
 * token: the token itself is never kept, and a different token (one changed byte) is a different
 * key, checked in full. An entry lasts until the token's {@code exp} or until {@code keysRefresh}
 * after its check, whichever comes first, so a token whose key left the identity provider's key
 * set is checked again, and refused, at most one key-set refresh after the service's copy lost the
 * key. At most {@code capacity} entries: the least recently used goes first.
 *
 * @param <V> what a token was verified to (the authentication)
 */
final class VerifiedTokens<V> {

    private final int capacity;
    private final Duration keysRefresh;
    private final Clock clock;
    private final Map<Key, Entry<V>> entries;

    VerifiedTokens(int capacity, Duration keysRefresh, Clock clock) {
        this.capacity = capacity;
        this.keysRefresh = keysRefresh;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** What {@code token} was verified to, while its entry lasts. */
    Optional<V> get(String token) {
        Key key = Key.of(token);
        Instant now = clock.instant();
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (!now.isBefore(entry.until())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(entry.value());
        }
    }

    /** Keeps what {@code token}, which expires at {@code expiry}, was just verified to. */
    void put(String token, Instant expiry, V value) {
        Instant now = clock.instant();
        Instant until = expiry.isBefore(now.plus(keysRefresh)) ? expiry : now.plus(keysRefresh);
        if (!now.isBefore(until)) {
            return;
        }
        Key key = Key.of(token);
        synchronized (entries) {
            entries.put(key, new Entry<>(value, until));
            if (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private record Entry<V>(V value, Instant until) {
    }

    /** The SHA-256 of a token. */
    private record Key(byte[] digest) {

        static Key of(String token) {
            try {
                return new Key(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && MessageDigest.isEqual(digest, key.digest);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return "Key[sha256]";
        }
    }
}
