package acd.server.record;

import java.nio.charset.StandardCharsets;

/**
 * The recording file: {@code ACDREC01}, the header's length (i32) and the header
 * ({@link acd.core.record.RecordingHeader}), then records until the end, each its payload's
 * length (i32), its kind (u8) and the payload. Numbers are little-endian. A record cut short at
 * the end (the server was killed mid-write) ends the recording there.
 */
final class RecordingFormat {
    static final byte[] MAGIC = "ACDREC01".getBytes(StandardCharsets.US_ASCII);
    /** An engine input: {@link acd.core.record.EventCodec}'s bytes. */
    static final int INPUT = 1;
    /** A directive the engine gave for the input before it, as a {@link acd.core.record.DirectiveLines} line. */
    static final int DIRECTIVE = 2;
    /** A record longer than this is not one the recorder writes: the file is damaged. */
    static final int MAX_RECORD_BYTES = 1 << 20;

    private RecordingFormat() {
    }

    static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >>> 8);
        into[at + 2] = (byte) (value >>> 16);
        into[at + 3] = (byte) (value >>> 24);
    }

    static int getInt(byte[] from, int at) {
        return (from[at] & 0xff) | (from[at + 1] & 0xff) << 8 | (from[at + 2] & 0xff) << 16 | (from[at + 3] & 0xff) << 24;
    }
}
