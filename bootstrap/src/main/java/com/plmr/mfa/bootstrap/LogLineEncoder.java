package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The service's log line, in the format {@code MFA_LOG_FORMAT} names: {@code plain} (the default),
 * one line of {@link #setPattern the pattern} per event, or {@code json}, one JSON object per line
 * from logback's {@link JsonEncoder} (level, thread, logger, the MDC with the request id, the
 * formatted message and the stack trace, without logback's sequence numbers and context). Any
 * other value logs plain, and {@link InstanceSettings} refuses it at start with one line, so the refusal
 * can be read.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {

    static final String PLAIN = "plain";
    static final String JSON = "json";

    private String format = PLAIN;
    private String pattern;
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null ? PLAIN : format.trim();
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        delegate = JSON.equals(format) ? json() : plain();
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    private static Encoder<ILoggingEvent> json() {
        JsonEncoder json = new JsonEncoder();
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        return json;
    }

    private Encoder<ILoggingEvent> plain() {
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setPattern(pattern);
        return plain;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
