package com.plmr.mfa.adapter.out.notify.dev;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The messages the development sink received since the service started, newest first: what the
 * development inbox ({@code /dev/inbox}) shows. It holds codes in clear, so only the {@code dev}
 * environment has one. It keeps the newest {@link #CAPACITY} messages; the sink's file keeps all.
 */
public final class DevInbox {

    public static final int CAPACITY = 200;

    private final int capacity;
    private final Deque<DevMessage> newestFirst = new ArrayDeque<>();

    public DevInbox() {
        this(CAPACITY);
    }

    DevInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an inbox holds at least one message");
        }
        this.capacity = capacity;
    }

    synchronized void receive(DevMessage message) {
        newestFirst.addFirst(message);
        if (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    /**
     * The code messages received in or after the second of {@code since} (all of them when it is
     * {@code null}), newest first: the service's clock, which stamps them, counts whole seconds.
     */
    public synchronized List<DevMessage> newestFirst(Instant since) {
        return newestFirst(since, null);
    }

    /**
     * The code messages of one challenge (of every challenge when {@code challengeId} is
     * {@code null}) received in or after the second of {@code since} (from the start when it is
     * {@code null}), newest first: the code a script waits for after an initiate, whatever other
     * challenges' messages arrived in the same second.
     */
    public synchronized List<DevMessage> newestFirst(Instant since, String challengeId) {
        return received(since, false)
                .filter(message -> challengeId == null || message.challengeId().equals(challengeId)).toList();
    }

    /** The notices received in or after the second of {@code since}, newest first, like {@link #newestFirst}. */
    public synchronized List<DevMessage> noticesNewestFirst(Instant since) {
        return received(since, true).toList();
    }

    private Stream<DevMessage> received(Instant since, boolean notices) {
        Instant from = since == null ? null : since.truncatedTo(ChronoUnit.SECONDS);
        return newestFirst.stream().filter(message -> message.isNotice() == notices)
                .filter(message -> from == null || !message.receivedAt().isBefore(from));
    }

    public synchronized Optional<DevMessage> find(String id) {
        return newestFirst.stream().filter(message -> message.id().equals(id)).findFirst();
    }
}
