package acd.bench.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits what the server under test sends into command lines, LF-terminated with an optional CR.
 * Deliberately not the server's own decoder: a load generator that shares the codec under test
 * would agree with its bugs.
 */
final class LineDecoder extends ByteToMessageDecoder {

    private final int maxLineLength;

    LineDecoder(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
        if (lf < 0) {
            if (in.readableBytes() > maxLineLength) {
                in.skipBytes(in.readableBytes());
                throw new TooLongFrameException("command line longer than " + maxLineLength + " bytes");
            }
            return;
        }
        int length = lf - start;
        if (length > 0 && in.getByte(lf - 1) == '\r') {
            length--;
        }
        out.add(in.toString(start, length, StandardCharsets.US_ASCII));
        in.readerIndex(lf + 1);
    }
}
