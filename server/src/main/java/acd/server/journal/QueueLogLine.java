package acd.server.journal;

import java.nio.charset.StandardCharsets;

/**
 * One queue_log line, {@code epoch|callid|queue|agent|event|data1|data2|...}, formatted into a
 * buffer that is reused for every line, so the engine thread builds no strings. Text fields are
 * written as UTF-8; a '|' or a control character inside one would split or end the line for
 * every reader, so each becomes a space, and a field is cut at {@link #MAX_FIELD_BYTES}.
 */
final class QueueLogLine {
    static final int MAX_FIELD_BYTES = 256;
    /** Room for the five fixed fields and a dozen data fields at their longest. */
    static final int MAX_LINE_BYTES = 20 * (MAX_FIELD_BYTES + 1);

    private final byte[] bytes = new byte[MAX_LINE_BYTES];
    private final byte[] digits = new byte[20];
    private int length;

    /** Starts a line; {@code timeMs} is the event's epoch time, written in whole seconds as Asterisk does. */
    QueueLogLine begin(long timeMs, CharSequence callId, CharSequence queue, CharSequence agent, String event) {
        length = 0;
        putNumber(Math.floorDiv(timeMs, 1000));
        return text(callId).text(queue).text(agent).text(event);
    }

    QueueLogLine number(long value) {
        bytes[length++] = '|';
        putNumber(value);
        return this;
    }

    private void putNumber(long value) {
        int n = 0;
        long rest = value;
        do {
            digits[n++] = (byte) ('0' + Math.abs(rest % 10));
            rest /= 10;
        } while (rest != 0);
        if (value < 0) {
            bytes[length++] = '-';
        }
        while (n > 0) {
            bytes[length++] = digits[--n];
        }
    }

    /** A text field; null is written as an empty field. */
    QueueLogLine text(CharSequence value) {
        bytes[length++] = (byte) '|';
        if (value == null) {
            return this;
        }
        int limit = length + MAX_FIELD_BYTES;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1));
            if (Character.isSurrogate(c) && !pair) {
                c = '?';
            }
            if (c < 0x80) {
                if (length + 1 > limit) {
                    break;
                }
                bytes[length++] = (byte) (c < 0x20 || c == '|' || c == 0x7f ? ' ' : c);
            } else if (c < 0x800) {
                if (length + 2 > limit) {
                    break;
                }
                bytes[length++] = (byte) (0xc0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3f));
            } else if (pair) {
                if (length + 4 > limit) {
                    break;
                }
                int cp = Character.toCodePoint(c, value.charAt(++i));
                bytes[length++] = (byte) (0xf0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                bytes[length++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                if (length + 3 > limit) {
                    break;
                }
                bytes[length++] = (byte) (0xe0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                bytes[length++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return this;
    }

    /** An empty field, as Asterisk writes for the ENTERQUEUE url or QUEUESTART's data. */
    QueueLogLine empty() {
        bytes[length++] = (byte) '|';
        return this;
    }

    /** Ends the line; it is then {@link #bytes()} from 0 to {@link #length()}. */
    QueueLogLine end() {
        bytes[length++] = (byte) '\n';
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
