package acd.cti.agi.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what Asterisk sends on a FastAGI connection: the {@code agi_*} header block, closed by an
 * empty line, then replies and unasked {@code HANGUP} lines. Lines end in LF; a CR before the LF
 * is tolerated.
 *
 * <p>The decoder is a state machine:
 * <pre>
 *   READING_HEADERS --empty line--> READING_REPLIES <--NNN closing line-- READING_MULTILINE_REPLY
 *                                         |                                     ^
 *                                         +-----------NNN- opening line---------+
 *   any state --fatal error--> DISCARDING
 * </pre>
 * Inside any state an over-long line is skipped up to its LF before the state goes on.
 *
 * <p>Nothing bad a peer sends is thrown: it is emitted as an {@link AgiDecodeError}. Every error
 * in the header block is fatal (there is no request to serve), and so is binary data anywhere;
 * an over-long or malformed reply line is not, because the lines around it still frame correctly.
 */
public final class AgiDecoder extends ByteToMessageDecoder {

    public static final int DEFAULT_MAX_LINE_LENGTH = 8 * 1024;
    /** Asterisk sends 22 variables and at most 127 arguments. */
    public static final int DEFAULT_MAX_HEADER_COUNT = 256;

    private static final int EXCERPT_BYTES = 40;
    private static final int NEED_MORE = -1;
    private static final int REPORTED = -2;

    enum State { READING_HEADERS, READING_REPLIES, READING_MULTILINE_REPLY, DISCARDING }

    private final int maxLineLength;
    private final int maxHeaderCount;

    private State state = State.READING_HEADERS;
    /** Skipping the rest of an over-long line up to its LF. */
    private boolean discardingLine;
    /** Bytes after the reader index already searched for the line end, so that a line arriving
     *  a byte at a time is scanned once, not once per byte. */
    private int scanned;
    private long lineNumber;
    private int headerLines;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> multiLineReply = new ArrayList<>();
    private String multiLineStatus;

    public AgiDecoder() {
        this(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_HEADER_COUNT);
    }

    /**
     * @param maxLineLength  the longest line accepted, in bytes, without its line end
     * @param maxHeaderCount the most lines in the header block; also bounds the lines of one
     *                       multi-line reply
     */
    public AgiDecoder(int maxLineLength, int maxHeaderCount) {
        if (maxLineLength < 16) {
            throw new IllegalArgumentException("maxLineLength must be at least 16, was " + maxLineLength);
        }
        if (maxHeaderCount < 1) {
            throw new IllegalArgumentException("maxHeaderCount must be positive, was " + maxHeaderCount);
        }
        this.maxLineLength = maxLineLength;
        this.maxHeaderCount = maxHeaderCount;
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    State state() {
        return state;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (state == State.DISCARDING) {
                in.skipBytes(in.readableBytes());
                return;
            }
            if (discardingLine) {
                int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
                if (lf < 0) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                in.readerIndex(lf + 1);
                discardingLine = false;
                continue;
            }
            int lf = findLineEnd(in, out);
            if (lf == NEED_MORE) {
                return;
            }
            if (lf == REPORTED) {
                continue;
            }
            int start = in.readerIndex();
            int length = lf - start;
            if (length > 0 && in.getByte(lf - 1) == '\r') {
                length--;
            }
            String line = in.toString(start, length, StandardCharsets.UTF_8);
            in.readerIndex(lf + 1);
            scanned = 0;
            lineNumber++;
            switch (state) {
                case READING_HEADERS -> headerLine(line, out);
                case READING_REPLIES -> replyLine(line, out);
                case READING_MULTILINE_REPLY -> multiLineReplyLine(line, out);
                case DISCARDING -> { }
            }
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (state == State.DISCARDING) {
            return;
        }
        if (in.isReadable() && !discardingLine) {
            lineNumber++;
            fail(out, AgiDecodeError.Kind.TRUNCATED, excerpt(in, in.readerIndex()), true,
                    "connection closed inside a line");
        } else if (state == State.READING_HEADERS && headerLines > 0) {
            fail(out, AgiDecodeError.Kind.TRUNCATED, "", true,
                    "connection closed inside the header block after " + headerLines + " lines");
        } else if (state == State.READING_MULTILINE_REPLY) {
            fail(out, AgiDecodeError.Kind.TRUNCATED, multiLineReply.get(0), true,
                    "connection closed inside a multi-line " + multiLineStatus + " reply");
        }
        state = State.DISCARDING;
        in.skipBytes(in.readableBytes());
    }

    /** @return the index of the LF ending the next line, {@link #NEED_MORE} or {@link #REPORTED} */
    private int findLineEnd(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int limit = in.writerIndex();
        for (int i = start + scanned; i < limit; i++) {
            byte b = in.getByte(i);
            if (b == '\n') {
                return i;
            }
            if (b == '\r') {
                if (i + 1 == limit) {
                    scanned = i - start;
                    return NEED_MORE;
                }
                if (in.getByte(i + 1) != '\n') {
                    return binary(in, out);
                }
            } else if (isControl(b)) {
                return binary(in, out);
            }
            if (i - start >= maxLineLength && b != '\r') {
                return lineTooLong(in, i, out);
            }
        }
        scanned = limit - start;
        return NEED_MORE;
    }

    private static boolean isControl(byte b) {
        return (b >= 0 && b < 0x20 && b != '\t') || b == 0x7f;
    }

    private int binary(ByteBuf in, List<Object> out) {
        lineNumber++;
        fail(out, AgiDecodeError.Kind.BINARY_DATA, excerpt(in, in.readerIndex()), true,
                "control bytes where AGI sends text");
        in.skipBytes(in.readableBytes());
        return REPORTED;
    }

    private int lineTooLong(ByteBuf in, int scannedUpTo, List<Object> out) {
        lineNumber++;
        boolean fatal = state == State.READING_HEADERS;
        fail(out, AgiDecodeError.Kind.LINE_TOO_LONG, excerpt(in, in.readerIndex()), fatal,
                "line longer than " + maxLineLength + " bytes");
        if (fatal) {
            in.skipBytes(in.readableBytes());
        } else {
            in.readerIndex(scannedUpTo);
            discardingLine = true;
        }
        scanned = 0;
        return REPORTED;
    }

    private void headerLine(String line, List<Object> out) {
        if (line.isEmpty()) {
            if (headers.isEmpty()) {
                fail(out, AgiDecodeError.Kind.MALFORMED_HEADER, "", true, "empty header block");
                return;
            }
            out.add(new AgiRequest(headers));
            headers.clear();
            state = State.READING_REPLIES;
            return;
        }
        if (++headerLines > maxHeaderCount) {
            fail(out, AgiDecodeError.Kind.TOO_MANY_LINES, excerpt(line), true,
                    "header block longer than " + maxHeaderCount + " lines");
            return;
        }
        int separator = line.indexOf(": ");
        String name;
        String value;
        if (separator > 0) {
            name = line.substring(0, separator);
            value = line.substring(separator + 2);
        } else if (line.length() > 1 && line.indexOf(':') == line.length() - 1) {
            // "agi_accountcode: " that lost its trailing space on the way is still an empty value.
            name = line.substring(0, line.length() - 1);
            value = "";
        } else {
            fail(out, AgiDecodeError.Kind.MALFORMED_HEADER, excerpt(line), true, "header line without ': '");
            return;
        }
        if (name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0) {
            fail(out, AgiDecodeError.Kind.MALFORMED_HEADER, excerpt(line), true, "header name with a space");
            return;
        }
        headers.put(name, value);
    }

    private void replyLine(String line, List<Object> out) {
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith(AgiHangup.LINE)) {
            out.add(AgiHangup.INSTANCE);
            // Older Asterisk versions glued HANGUP to the front of the next reply.
            line = line.substring(AgiHangup.LINE.length()).strip();
            if (line.isEmpty()) {
                return;
            }
        }
        if (!AgiReply.isStatusLine(line)) {
            fail(out, AgiDecodeError.Kind.MALFORMED_REPLY, excerpt(line), false, "not a reply line");
            return;
        }
        if (line.length() > 3 && line.charAt(3) == '-') {
            multiLineStatus = line.substring(0, 3);
            multiLineReply.clear();
            multiLineReply.add(line);
            state = State.READING_MULTILINE_REPLY;
            return;
        }
        out.add(AgiReply.parse(line));
    }

    private void multiLineReplyLine(String line, List<Object> out) {
        multiLineReply.add(line);
        if (line.equals(multiLineStatus) || line.startsWith(multiLineStatus + " ")) {
            out.add(AgiReply.parse(multiLineReply));
            multiLineReply.clear();
            state = State.READING_REPLIES;
            return;
        }
        if (multiLineReply.size() > maxHeaderCount) {
            fail(out, AgiDecodeError.Kind.TOO_MANY_LINES, excerpt(multiLineReply.get(0)), true,
                    "multi-line " + multiLineStatus + " reply longer than " + maxHeaderCount + " lines");
            multiLineReply.clear();
        }
    }

    private void fail(List<Object> out, AgiDecodeError.Kind kind, String excerpt, boolean fatal, String detail) {
        out.add(new AgiDecodeError(kind, lineNumber, excerpt, fatal, detail));
        if (fatal) {
            state = State.DISCARDING;
            headers.clear();
        }
    }

    private static String excerpt(ByteBuf in, int from) {
        int end = Math.min(in.writerIndex(), from + EXCERPT_BYTES);
        StringBuilder text = new StringBuilder();
        for (int i = from; i < end; i++) {
            byte b = in.getByte(i);
            if (b == '\n') {
                break;
            }
            appendPrintable(text, b & 0xff);
        }
        return text.toString();
    }

    private static String excerpt(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, EXCERPT_BYTES); i++) {
            appendPrintable(text, bytes[i] & 0xff);
        }
        return text.toString();
    }

    private static void appendPrintable(StringBuilder text, int b) {
        if (b >= 0x20 && b < 0x7f && b != '\\') {
            text.append((char) b);
        } else {
            text.append(String.format("\\x%02x", b));
        }
    }
}
