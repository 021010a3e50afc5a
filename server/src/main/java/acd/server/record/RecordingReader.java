package acd.server.record;

import acd.core.record.RecordingHeader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a recording ({@link RecordingFormat}) record by record, without holding the file in
 * memory. A damaged file fails with the record and what is wrong with it.
 */
public final class RecordingReader implements AutoCloseable {
    private final Path path;
    private final InputStream in;
    private final RecordingHeader header;
    private final byte[] frame = new byte[5];
    private byte[] payload = new byte[1024];
    private long records;
    private int kind;
    private int length;
    private boolean cutShort;

    private RecordingReader(Path path, InputStream in) throws IOException {
        this.path = path;
        this.in = in;
        byte[] magic = in.readNBytes(RecordingFormat.MAGIC.length);
        if (!Arrays.equals(magic, RecordingFormat.MAGIC)) {
            throw new IOException(path + " is not an engine recording (it does not begin with "
                    + new String(RecordingFormat.MAGIC, java.nio.charset.StandardCharsets.US_ASCII) + ")");
        }
        byte[] lengthBytes = in.readNBytes(4);
        if (lengthBytes.length < 4) {
            throw new IOException(path + ": the header is cut short");
        }
        int headerLength = RecordingFormat.getInt(lengthBytes, 0);
        if (headerLength < 0 || headerLength > 64 << 20) {
            throw new IOException(path + ": a header of " + headerLength + " bytes cannot be right");
        }
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) {
            throw new IOException(path + ": the header is cut short");
        }
        try {
            this.header = RecordingHeader.decode(headerBytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": damaged header: " + e.getMessage(), e);
        }
    }

    public static RecordingReader open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            return new RecordingReader(path, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public RecordingHeader header() {
        return header;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the recording, or at a last record cut short
     * @throws IOException when the file cannot be read or a record is damaged
     */
    public boolean next() throws IOException {
        int got = in.readNBytes(frame, 0, frame.length);
        if (got == 0) {
            return false;
        }
        if (got < frame.length) {
            cutShort = true;
            return false;
        }
        int n = RecordingFormat.getInt(frame, 0);
        int k = frame[4] & 0xff;
        if (n < 0 || n > RecordingFormat.MAX_RECORD_BYTES
                || (k != RecordingFormat.INPUT && k != RecordingFormat.DIRECTIVE)) {
            throw new IOException(path + ": record " + (records + 1) + " is damaged (kind " + k + ", " + n + " bytes)");
        }
        if (payload.length < n) {
            payload = new byte[Math.max(n, payload.length * 2)];
        }
        if (in.readNBytes(payload, 0, n) < n) {
            cutShort = true;
            return false;
        }
        records++;
        kind = k;
        length = n;
        return true;
    }

    public boolean isInput() {
        return kind == RecordingFormat.INPUT;
    }

    public boolean isDirective() {
        return kind == RecordingFormat.DIRECTIVE;
    }

    /** The record's bytes, valid until the next call to {@link #next}. */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(payload, 0, length);
    }

    public int length() {
        return length;
    }

    /** The current record's number, from 1. */
    public long record() {
        return records;
    }

    /** Whether the recording ended in a record cut short, as when the server was killed writing it. */
    public boolean cutShort() {
        return cutShort;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
