package com.plmr.mfa.bootstrap;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Ahead of the HTTP decoder, the first bytes of the latest line that grew longer than the
 * decoder reads. When the decoder gives up on such a request line it keeps nothing of it, so its
 * method and the start of its target are read from here. One instance per connection, used on its
 * event loop only; every byte passes one scan for line feeds.
 */
final class LineStart extends ChannelInboundHandlerAdapter {

    static final int KEPT = 512;
    private final int longerThan;
    private final byte[] current = new byte[KEPT];
    private long currentLength;
    private byte[] longLine = new byte[0];

    /** @param longerThan the decoder's limit for one line */
    LineStart(int longerThan) {
        this.longerThan = longerThan;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof ByteBuf bytes) {
            remember(bytes);
        }
        context.fireChannelRead(message);
    }

    void remember(ByteBuf bytes) {
        int index = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (index < end) {
            int lineFeed = bytes.forEachByte(index, end - index, ByteProcessor.FIND_LF);
            int lineEnd = lineFeed < 0 ? end : lineFeed;
            append(bytes, index, lineEnd - index);
            if (lineFeed < 0) {
                return;
            }
            currentLength = 0;
            index = lineFeed + 1;
        }
    }

    private void append(ByteBuf bytes, int from, int count) {
        int kept = (int) Math.min(Math.max(0, KEPT - currentLength), count);
        if (kept > 0) {
            bytes.getBytes(from, current, (int) currentLength, kept);
        }
        boolean crossing = currentLength <= longerThan && currentLength + count > longerThan;
        currentLength += count;
        if (crossing) {
            longLine = Arrays.copyOf(current, (int) Math.min(KEPT, currentLength));
        }
    }

    /** The request method: the long line's first word. */
    String method() {
        String line = longLine();
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(0, space);
    }

    /** The start of the request target: the long line's second word, as far as it was kept. */
    String target() {
        String line = longLine();
        int space = line.indexOf(' ');
        if (space < 0) {
            return "";
        }
        int end = line.indexOf(' ', space + 1);
        return end < 0 ? line.substring(space + 1) : line.substring(space + 1, end);
    }

    private String longLine() {
        return new String(longLine, StandardCharsets.ISO_8859_1);
    }
}
