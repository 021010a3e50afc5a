package acd.core.record;

import acd.core.config.ConfigSource;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fresh engine needs besides the events to retrace a recorded one: the time it started
 * at and the routing files it was built from, word for word.
 *
 * <pre>start i64 | file count i32 | (name, text)... with text as UTF-8 behind its i32 length</pre>
 *
 * @param startMs the engine's start time, which is also the queue_log's QUEUESTART
 * @param routing the routing files (routing.yaml, agents.yaml) as the engine read them
 */
public record RecordingHeader(long startMs, List<ConfigSource> routing) {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    public RecordingHeader {
        routing = List.copyOf(routing);
    }

    /** The header as bytes. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        ByteBuffer fixed = ByteBuffer.allocate(12).order(ORDER).putLong(startMs).putInt(routing.size());
        out.writeBytes(fixed.array());
        for (ConfigSource file : routing) {
            putText(out, file.name());
            putText(out, file.text());
        }
        return out.toByteArray();
    }

    private static void putText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).order(ORDER).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /** @throws IllegalArgumentException when the bytes are not a header */
    public static RecordingHeader decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ORDER);
        try {
            long startMs = buffer.getLong();
            int files = buffer.getInt();
            if (files < 0 || files > 64) {
                throw new IllegalArgumentException("header names " + files + " routing files");
            }
            List<ConfigSource> routing = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                String name = text(buffer);
                routing.add(new ConfigSource(name, text(buffer)));
            }
            if (buffer.hasRemaining()) {
                throw new IllegalArgumentException(buffer.remaining() + " bytes left over after the header");
            }
            return new RecordingHeader(startMs, routing);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("header cut short");
        }
    }

    private static String text(ByteBuffer buffer) {
        int n = buffer.getInt();
        if (n < 0 || n > buffer.remaining()) {
            throw new IllegalArgumentException("header cut short: a text of " + n + " bytes with "
                    + buffer.remaining() + " left");
        }
        byte[] bytes = new byte[n];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
