package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.RequestContextPort;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.util.Optional;

/**
 * The request id in the logging context (the MDC key {@value #KEY} that the log pattern and the JSON
 * log show), for work done outside the request: the dispatcher's lines for a message carry the id
 * of the initiate that queued it instead of {@code requestId=-}. The previous value is restored
 * afterwards, so nothing leaks into the next message's lines.
 */
@Singleton
final class MdcRequestContext implements RequestContextPort {

    static final String KEY = "requestId";

    @Override
    public void within(String requestId, Runnable work) {
        String previous = MDC.get(KEY);
        put(requestId);
        try {
            work.run();
        } finally {
            put(previous);
        }
    }

    @Override
    public Optional<String> current() {
        return Optional.ofNullable(MDC.get(KEY));
    }

    private static void put(String value) {
        if (value == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, value);
        }
    }
}
