package acd.cti.agi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Whatever bytes arrive, the decoder emits only AGI messages, never throws, and decodes the same
 * whether the bytes come at once or in pieces. Runs its stored inputs as a normal test; set
 * {@code JAZZER_FUZZ=1} to search for new ones.
 */
class AgiDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesDecodeTheSameWholeOrInPieces(FuzzedDataProvider data) {
        int maxLineLength = data.consumeInt(16, 256);
        int maxHeaderCount = data.consumeInt(1, 64);
        int piece = data.consumeInt(1, 32);
        byte[] bytes = data.consumeRemainingAsBytes();

        List<Object> whole = Decoding.whole(new AgiDecoder(maxLineLength, maxHeaderCount), bytes);
        List<Object> inPieces = Decoding.inChunks(new AgiDecoder(maxLineLength, maxHeaderCount), bytes, piece);

        for (Object message : whole) {
            assertInstanceOf(AgiMessage.class, message);
        }
        assertEquals(comparable(whole), comparable(inPieces));
    }

    /** Error excerpts depend on how many bytes had arrived; what went wrong and where does not. */
    static List<Object> comparable(List<Object> messages) {
        return messages.stream()
                .map(m -> m instanceof AgiDecodeError e ? List.of(e.kind(), e.line(), e.fatal()) : m)
                .toList();
    }
}
