package com.plmr.mfa.bootstrap;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;

import java.util.function.Function;

/**
 * Puts a handler of the service into every HTTP stream pipeline, just before Micronaut's inbound
 * handler, so it sees each decoded request first; once per pipeline, named {@code name}.
 */
record InboundHandlers(Channel channel, String name, Function<Channel, ChannelHandler> handler)
        implements NettyServerCustomizer {

    static void register(NettyServerCustomizer.Registry registry, String name, Function<Channel, ChannelHandler> handler) {
        registry.register(new InboundHandlers(null, name, handler));
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        return new InboundHandlers(channel, name, handler);
    }

    @Override
    public void onStreamPipelineBuilt() {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(name) == null && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, name, handler.apply(channel));
        }
    }
}
