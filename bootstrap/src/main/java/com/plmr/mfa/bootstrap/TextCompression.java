package com.plmr.mfa.bootstrap;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.netty.DefaultHttpCompressionStrategy;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;

/**
 * Micronaut's compression rule (text-based answers from the configured threshold on, none below
 * zero) with {@code application/yaml} counted as text: the framework knows only the older
 * {@code application/x-yaml}, so the spec at {@code /openapi/mfa-totp.yaml} ({@link SpecMediaType})
 * would lose its compression.
 */
@Singleton
@Replaces(DefaultHttpCompressionStrategy.class)
final class TextCompression implements HttpCompressionStrategy {

    private final int threshold;
    private final int level;
    private final int maxZstdEncodeSize;

    TextCompression(NettyHttpServerConfiguration server) {
        this.threshold = server.getCompressionThreshold();
        this.level = server.getCompressionLevel();
        this.maxZstdEncodeSize = server.getMaxZstdEncodeSize();
    }

    @Override
    public boolean isEnabled() {
        return threshold >= 0;
    }

    @Override
    public boolean shouldCompress(HttpResponse response) {
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        long length = HttpUtil.getContentLength(response, -1);
        return isEnabled() && type != null && (length == -1 || length >= threshold) && isText(type);
    }

    static boolean isText(String type) {
        return MediaType.isTextBased(type) || type.regionMatches(true, 0, SpecMediaType.APPLICATION_YAML, 0,
                SpecMediaType.APPLICATION_YAML.length());
    }

    @Override
    public int getCompressionLevel() {
        return level;
    }

    @Override
    public int getMaxZstdEncodeSize() {
        return maxZstdEncodeSize;
    }
}
