package acd.cti.agi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AgiEncoderTest {

    @Test
    void eachCommandIsOneLfTerminatedUtf8Line() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEncoder());

        channel.writeOutbound(AgiCommand.streamFile("hello-world", ""), AgiCommand.verbose("来电", 1));

        assertEquals("STREAM FILE hello-world \"\"\n", next(channel));
        assertEquals("VERBOSE 来电 1\n", next(channel));
        assertNull(channel.readOutbound());
    }

    private static String next(EmbeddedChannel channel) {
        ByteBuf written = channel.readOutbound();
        try {
            return written.toString(StandardCharsets.UTF_8);
        } finally {
            written.release();
        }
    }
}
