package com.plmr.mfa.application.port.out;

/**
 * Carries the id of the request that started a piece of work into what this instance logs while it
 * does that work later, outside the request (the outbox dispatcher sending the message an initiate
 * queued), so an operator follows one id from the request to the provider's answer.
 */
public interface RequestContextPort {

    /**
     * Runs {@code work} with {@code requestId} as the current request's id.
     *
     * @param requestId the initiating request's id, or {@code null} when it is not known (then the work
     *                  runs as outside any request)
     */
    void within(String requestId, Runnable work);

    /** The current request's id, when there is one (also within {@link #within}). */
    default java.util.Optional<String> current() {
        return java.util.Optional.empty();
    }

    /** A context that carries nothing, for callers that log nothing. */
    static RequestContextPort none() {
        return (requestId, work) -> work.run();
    }
}
