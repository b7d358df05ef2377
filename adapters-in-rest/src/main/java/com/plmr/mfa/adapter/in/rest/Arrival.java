package com.plmr.mfa.adapter.in.rest;

import io.micronaut.http.HttpRequest;

/**
 * When a request reached the service. The server's edge stamps every request with {@link #HEADER}:
 * a {@link System#nanoTime()} reading of when its bytes were ready to be read, which is when the
 * edge read them less how far its event loop was behind then (a request waits unread in the
 * socket while the loop is busy or starved of CPU). {@link Admission} reads it for the request's
 * wait. The edge overwrites any value a client sent.
 */
public final class Arrival {

    /** The stamp header, set by the edge only. */
    public static final String HEADER = "X-Mfa-Arrival";

    private Arrival() {
    }

    /** How long the request had waited at {@code now}: 0 when it carries no readable stamp. */
    static long waited(HttpRequest<?> request, long now) {
        String stamp = request.getHeaders().get(HEADER);
        if (stamp == null) {
            return 0;
        }
        try {
            return Math.max(0, now - Long.parseLong(stamp));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
