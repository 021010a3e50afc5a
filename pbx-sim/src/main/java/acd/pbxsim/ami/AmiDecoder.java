package acd.pbxsim.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMI actions the way Asterisk's manager does: lines end in CRLF (a bare LF is taken too),
 * {@code Name: value} headers, a blank line ends the action. An over-long line is dropped and
 * reported as an {@link AmiDecodeError}; the decoder then goes on with the next line.
 */
public final class AmiDecoder extends ByteToMessageDecoder {

    private enum State { READ_LINE, DISCARD_LINE }

    private final int maxLineLength;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private final List<AmiMessage.Header> headers = new ArrayList<>();
    private State state = State.READ_LINE;

    public AmiDecoder() {
        this(AmiWire.MAX_LINE_LENGTH);
    }

    public AmiDecoder(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            byte b = in.readByte();
            switch (state) {
                case READ_LINE -> readLineByte(b, out);
                case DISCARD_LINE -> {
                    if (b == '\n') {
                        state = State.READ_LINE;
                        out.add(new AmiDecodeError("line longer than " + maxLineLength + " bytes dropped"));
                    }
                }
            }
        }
    }

    private void readLineByte(byte b, List<Object> out) {
        if (b == '\n') {
            endOfLine(out);
            return;
        }
        if (line.size() >= maxLineLength) {
            line.reset();
            state = State.DISCARD_LINE;
            return;
        }
        line.write(b);
    }

    private void endOfLine(List<Object> out) {
        byte[] raw = line.toByteArray();
        line.reset();
        int length = raw.length;
        if (length > 0 && raw[length - 1] == '\r') {
            length--;
        }
        if (length == 0) {
            if (!headers.isEmpty()) {
                out.add(new AmiMessage(headers));
                headers.clear();
            }
            return;
        }
        if (headers.size() >= AmiWire.MAX_HEADERS) {
            return;
        }
        String text = new String(raw, 0, length, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon < 0) {
            headers.add(new AmiMessage.Header(text.strip(), ""));
            return;
        }
        String name = text.substring(0, colon).strip();
        String value = text.substring(colon + 1).stripLeading();
        headers.add(new AmiMessage.Header(name, value));
    }
}
