package acd.core.record;

import acd.core.engine.EngineEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever bytes a damaged or hostile recording holds, decoding either reads an event or fails
 * with an {@link IllegalArgumentException} saying why; never another exception, never a hang.
 * An event it reads, written again and read back, is the same event. Runs its stored inputs as
 * a normal test; set {@code JAZZER_FUZZ=1} to search for new ones.
 */
class EventCodecFuzzTest {
    @Timeout(10)
    @FuzzTest(maxDuration = "30s")
    void anyBytesDecodeToAnEventOrFailSayingWhy(byte[] input) {
        EngineEvent event;
        try {
            event = EventCodec.decode(ByteBuffer.wrap(input), new EngineEvent());
        } catch (IllegalArgumentException e) {
            return;
        }
        EngineEvent again = EventCodec.decode(EventCodecTest.encode(event), new EngineEvent());
        assertEquals(EventCodecTest.fields(event), EventCodecTest.fields(again));
    }
}
