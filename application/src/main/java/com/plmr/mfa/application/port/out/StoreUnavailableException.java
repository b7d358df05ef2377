package com.plmr.mfa.application.port.out;

/**
 * An outgoing port could not reach its store within its time bound: no connection was handed
 * out in time, or the connection broke or stopped answering. The use case did not complete; a
 * write that was being committed when the connection broke may or may not have been kept, so the
 * caller is told to try again later rather than that it failed. Thrown by the adapters of every
 * port that reads or writes the database.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(Throwable cause) {
        super("the store is unavailable", cause);
    }
}
