package com.plmr.mfa.application.port.in;

/**
 * A use case could not reach its store within its time bound: no connection was handed out in
 * time, or the connection broke or stopped answering. The use case did not complete; a write that
 * was being committed when the connection broke may or may not have been kept, so the caller is
 * told to try again later rather than that it failed. Any use case may throw it; the adapters of
 * every outgoing port that reads or writes the database raise it.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(Throwable cause) {
        super("the store is unavailable", cause);
    }
}
