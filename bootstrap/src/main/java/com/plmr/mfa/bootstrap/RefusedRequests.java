package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.in.rest.EdgeRefusal;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Requests the service will not read: a request target longer than {@value #MAX_URI_LENGTH}
 * characters or that is no URI, a header section over {@code micronaut.server.netty.max-header-size}
 * (8 KB), or a request line or header that does not parse. Netty's decoder fails on the last two (and on a
 * request line over {@code max-initial-line-length}, set far above the target limit) and
 * Micronaut then answers before its filters, as {@code 413 The request body is too large} in
 * HTTP/1.0 without a request id, security headers or the error model of the path. Here each such
 * request is handed on as an empty request marked with its {@link EdgeRefusal} (414, 431 or 400),
 * so the REST adapter answers it like any other refusal, in the error model its path chooses.
 * When the decoder gave up on the request line it keeps no path; it is then read from the line's
 * first bytes ({@link LineStart}). The connection closes after the answer and everything else it
 * sends is dropped. The marker header is removed from every request a client sends.
 */
@Singleton
final class RefusedRequests implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** The longest request target served: the API's longest path is under 200 characters. */
    static final int MAX_URI_LENGTH = 4096;
    private static final String LINE_START = "mfa-request-line-start";
    private static final String REFUSALS = "mfa-refused-requests";
    private static final int MAX_PATH = 256;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final int maxLineLength;

    RefusedRequests(NettyHttpServerConfiguration server) {
        this.maxLineLength = server.getMaxInitialLineLength();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null, maxLineLength));
        return event.getBean();
    }

    /** The path of a request target, cut at the query and at the first character no path may hold. */
    static String path(String target) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < target.length() && path.length() < MAX_PATH; i++) {
            char c = target.charAt(i);
            boolean pathCharacter = c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0);
            if (!pathCharacter) {
                break;
            }
            path.append(c);
        }
        return path.length() > 0 && path.charAt(0) == '/' ? path.toString() : "/";
    }

    /** Why a request the decoder read is refused, if it is. */
    static Optional<EdgeRefusal> refusal(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            return Optional.of(cause instanceof TooLongHttpLineException ? EdgeRefusal.URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? EdgeRefusal.HEADERS_TOO_LARGE : EdgeRefusal.MALFORMED);
        }
        if (request.uri().length() > MAX_URI_LENGTH) {
            return Optional.of(EdgeRefusal.URI_TOO_LONG);
        }
        return wellFormed(request.uri()) ? Optional.empty() : Optional.of(EdgeRefusal.MALFORMED);
    }

    /**
     * Whether the target is a URI (RFC 3986, as {@link URI} reads it): Micronaut answers any other
     * before its filters, with a path it replaced by {@code /}, so in the wrong error model.
     */
    static boolean wellFormed(String target) {
        try {
            URI.create(target);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The empty, well-formed request that stands for a refused one. */
    static FullHttpRequest refused(EdgeRefusal refusal, String method, String target, String requestId) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.valueOf(METHODS.contains(method) ? method : "GET"), path(target), Unpooled.EMPTY_BUFFER);
        request.headers().set(EdgeRefusal.HEADER, refusal.name())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CONTENT_LENGTH, 0);
        if (requestId != null && requestId.length() <= 64 && requestId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            request.headers().set("X-Request-Id", requestId);
        }
        return request;
    }

    private record Customizer(Channel channel, int maxLineLength) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel, maxLineLength);
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(REFUSALS) != null || pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) == null) {
                return;
            }
            LineStart line = new LineStart(maxLineLength);
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, LINE_START, line);
            }
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, REFUSALS, new Refusals(line));
        }
    }

    /** Replaces a refused request and drops what follows it; strips the marker from all others. */
    private static final class Refusals extends ChannelInboundHandlerAdapter {
        private final LineStart line;
        private boolean discarding;

        Refusals(LineStart line) {
            this.line = line;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (discarding) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request) {
                Optional<EdgeRefusal> refusal = refusal(request);
                if (refusal.isPresent()) {
                    boolean lineLost = refusal.get() == EdgeRefusal.URI_TOO_LONG && request.decoderResult().isFailure();
                    FullHttpRequest refused = lineLost ? refused(refusal.get(), line.method(), line.target(), null)
                            : refused(refusal.get(), request.method().name(), request.uri(), request.headers().get("X-Request-Id"));
                    discarding = true;
                    ReferenceCountUtil.release(message);
                    context.fireChannelRead(refused);
                    return;
                }
                request.headers().remove(EdgeRefusal.HEADER);
            }
            context.fireChannelRead(message);
        }
    }
}
