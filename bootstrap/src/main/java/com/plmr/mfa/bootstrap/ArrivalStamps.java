package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.in.rest.Arrival;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stamps every request, as soon as it is decoded, with when it reached the service
 * ({@link Arrival}): now, less how far the connection's event loop is behind ({@link EventLoopLag}),
 * since a request waits unread in its socket for about that long. The stamp replaces any a client
 * sent. Each event loop that serves a connection is probed from its first connection on.
 */
@Singleton
final class ArrivalStamps implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String STAMPS = "mfa-arrival-stamps";
    private final Map<EventLoop, EventLoopLag> lags = new ConcurrentHashMap<>();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        InboundHandlers.register(event.getBean(), STAMPS,
                channel -> new Stamps(lags.computeIfAbsent(channel.eventLoop(), EventLoopLag::probing)));
        return event.getBean();
    }

    private static final class Stamps extends ChannelInboundHandlerAdapter {
        private final EventLoopLag lag;

        Stamps(EventLoopLag lag) {
            this.lag = lag;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                long now = System.nanoTime();
                request.headers().set(Arrival.HEADER, Long.toString(now - lag.at(now)));
            }
            context.fireChannelRead(message);
        }
    }
}
