package com.plmr.mfa.bootstrap;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Lets a client that percent-encodes the colon of a custom method ({@code {challengeId}%3Averify})
 * reach the same operation as the literal colon the spec documents. Micronaut matches routes on
 * the raw path, so the request line is rewritten before routing, and only for the custom methods
 * of {@code /internal/v1/mfa/}: a challenge id never holds {@code %} (its format is
 * {@code [A-Za-z0-9_-]}), so the rewrite cannot turn one valid path into another.
 */
@Singleton
final class EncodedColonPaths implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Pattern ENCODED_VERB =
            Pattern.compile("^(/internal/v1/mfa/[^?]*?)%3[Aa](initiate|verify|consume|cancel)(\\?.*)?$");
    private static final String HANDLER = "mfa-encoded-colon-paths";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        InboundHandlers.register(event.getBean(), HANDLER, channel -> Rewriter.INSTANCE);
        return event.getBean();
    }

    /** The request target with an encoded custom-method colon decoded; any other target unchanged. */
    static String decodeVerbColon(String uri) {
        var match = ENCODED_VERB.matcher(uri);
        if (!match.matches()) {
            return uri;
        }
        String query = match.group(3) == null ? "" : match.group(3);
        return match.group(1) + ":" + match.group(2) + query;
    }

    @ChannelHandler.Sharable
    private static final class Rewriter extends ChannelInboundHandlerAdapter {
        static final Rewriter INSTANCE = new Rewriter();

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                request.setUri(decodeVerbColon(request.uri()));
            }
            context.fireChannelRead(message);
        }
    }
}
