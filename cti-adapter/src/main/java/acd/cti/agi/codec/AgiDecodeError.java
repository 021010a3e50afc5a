package acd.cti.agi.codec;

import java.util.Objects;

/**
 * A frame the decoder could not read, reported in-band instead of thrown so that one bad peer
 * never breaks the pipeline. After a {@linkplain #fatal() fatal} error the decoder discards
 * everything else the peer sends; after a non-fatal one it goes on with the next line.
 *
 * @param kind    what was wrong
 * @param line    the 1-based number of the offending line on this connection
 * @param excerpt the first bytes of the offending line, non-printable bytes escaped
 * @param fatal   whether the decoder gave up on the connection
 * @param detail  a sentence for the log
 */
public record AgiDecodeError(Kind kind, long line, String excerpt, boolean fatal, String detail)
        implements AgiMessage {

    public enum Kind {
        /** A line longer than the decoder's maximum, with or without its end seen yet. */
        LINE_TOO_LONG,
        /** A header block or a multi-line reply with more lines than the decoder's maximum. */
        TOO_MANY_LINES,
        /** A header line that is not {@code name: value}, or an empty header block. */
        MALFORMED_HEADER,
        /** A line after the header block that is neither {@code NNN ...} nor {@code HANGUP}. */
        MALFORMED_REPLY,
        /** Control bytes where AGI only ever sends text. */
        BINARY_DATA,
        /** The peer closed the connection inside a header block, a line or a multi-line reply. */
        TRUNCATED
    }

    public AgiDecodeError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + detail + (excerpt.isEmpty() ? "" : " (starts with \"" + excerpt + "\")")
                + (fatal ? ", connection abandoned" : "");
    }
}
