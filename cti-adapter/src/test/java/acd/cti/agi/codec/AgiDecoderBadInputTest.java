package acd.cti.agi.codec;

import static acd.cti.agi.codec.AgiFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AgiDecoderBadInputTest {

    private static final int MEGABYTE = 1024 * 1024;

    @Test
    void headerBlockThatNeverEndsIsCutAtTheMaximumHeaderCount() {
        StringBuilder endless = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            endless.append("agi_arg_").append(i).append(": x\n");
        }

        List<Object> messages = Decoding.whole(new AgiDecoder(8192, 64), bytes(endless.toString()));

        AgiDecodeError error = assertInstanceOf(AgiDecodeError.class, messages.get(0));
        assertEquals(1, messages.size());
        assertEquals(AgiDecodeError.Kind.TOO_MANY_LINES, error.kind());
        assertEquals(65, error.line());
        assertEquals("agi_arg_64: x", error.excerpt());
        assertTrue(error.fatal());
    }

    @Test
    void megabyteHeaderLineIsReportedOnceAfterTheMaximumLengthAndTheRestDiscarded() {
        byte[] line = new byte[MEGABYTE];
        Arrays.fill(line, (byte) 'a');
        AgiDecoder decoder = new AgiDecoder();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);

        channel.writeInbound(Unpooled.wrappedBuffer(line, 0, AgiDecoder.DEFAULT_MAX_LINE_LENGTH));
        assertEquals(List.of(), Decoding.drain(channel));
        channel.writeInbound(Unpooled.wrappedBuffer(line, AgiDecoder.DEFAULT_MAX_LINE_LENGTH, 1));
        List<Object> reported = Decoding.drain(channel);
        for (int i = AgiDecoder.DEFAULT_MAX_LINE_LENGTH + 1; i < MEGABYTE; i += 65536) {
            channel.writeInbound(Unpooled.wrappedBuffer(line, i, Math.min(65536, MEGABYTE - i)));
        }
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("\n" + AgiFrames.SESSION_1_HEADERS)));
        channel.finish();

        assertEquals(1, reported.size());
        AgiDecodeError error = (AgiDecodeError) reported.get(0);
        assertEquals(AgiDecodeError.Kind.LINE_TOO_LONG, error.kind());
        assertEquals(1, error.line());
        assertEquals("a".repeat(40), error.excerpt());
        assertTrue(error.fatal());
        assertEquals(List.of(), Decoding.drain(channel));
        assertEquals(AgiDecoder.State.DISCARDING, decoder.state());
    }

    @Test
    void megabyteReplyLineIsSkippedAndTheNextReplyStillDecoded() {
        byte[] line = new byte[MEGABYTE];
        Arrays.fill(line, (byte) '9');
        byte[] frames = concat(bytes(AgiFrames.SESSION_1_HEADERS + AgiFrames.ANSWERED), line,
                bytes("\n" + AgiFrames.STREAMED));

        List<Object> messages = Decoding.inChunks(new AgiDecoder(), frames, 4096);

        assertEquals(4, messages.size());
        assertEquals(AgiReply.parse("200 result=0"), messages.get(1));
        AgiDecodeError error = (AgiDecodeError) messages.get(2);
        assertEquals(AgiDecodeError.Kind.LINE_TOO_LONG, error.kind());
        assertFalse(error.fatal());
        assertEquals(25, error.line());
        assertEquals(AgiReply.parse("200 result=0 endpos=11360"), messages.get(3));
    }

    @Test
    void lineOfExactlyTheMaximumLengthIsAcceptedWithLfOrCrlf() {
        AgiDecoder decoder = new AgiDecoder(64, 32);
        String longest = "x_padding: " + "p".repeat(64 - "x_padding: ".length());

        List<Object> lf = Decoding.oneByteAtATime(new AgiDecoder(64, 32),
                bytes("agi_network_script: acd\n" + longest + "\n\n"));
        List<Object> crlf = Decoding.oneByteAtATime(decoder, bytes("agi_network_script: acd\r\n" + longest + "\r\n\r\n"));
        List<Object> tooLong = Decoding.whole(new AgiDecoder(64, 32), bytes(longest + "p\n\n"));

        assertEquals(64, longest.length());
        assertInstanceOf(AgiRequest.class, lf.get(0));
        assertEquals(lf, crlf);
        assertEquals(AgiDecodeError.Kind.LINE_TOO_LONG, ((AgiDecodeError) tooLong.get(0)).kind());
    }

    @Test
    void binaryGarbageIsFatalAndNamesItsFirstBytes() {
        byte[] tlsClientHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};

        List<Object> messages = Decoding.whole(concat(tlsClientHello, bytes(AgiFrames.SESSION_1_HEADERS)));

        assertEquals(1, messages.size());
        AgiDecodeError error = (AgiDecodeError) messages.get(0);
        assertEquals(AgiDecodeError.Kind.BINARY_DATA, error.kind());
        assertEquals("\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03agi_network: yes", error.excerpt());
        assertTrue(error.fatal());
    }

    @Test
    void binaryAmongRepliesEndsDecoding() {
        byte[] frames = concat(bytes(AgiFrames.SESSION_1_HEADERS + AgiFrames.ANSWERED + "200 res"),
                new byte[] {0, 0, 0, 0}, bytes("\n" + AgiFrames.SET));

        List<Object> messages = Decoding.oneByteAtATime(frames);

        assertEquals(3, messages.size());
        AgiDecodeError error = (AgiDecodeError) messages.get(2);
        assertEquals(AgiDecodeError.Kind.BINARY_DATA, error.kind());
        assertEquals(25, error.line());
        assertEquals("200 res\\x00", error.excerpt());
    }

    @Test
    void httpRequestIsNotAHeaderBlock() {
        List<Object> messages = Decoding.whole(bytes("GET /acd HTTP/1.1\r\nHost: acd\r\n\r\n"));

        assertEquals(1, messages.size());
        AgiDecodeError error = (AgiDecodeError) messages.get(0);
        assertEquals(AgiDecodeError.Kind.MALFORMED_HEADER, error.kind());
        assertEquals(1, error.line());
        assertEquals("GET /acd HTTP/1.1", error.excerpt());
        assertTrue(error.toString().contains("line 1"), error.toString());
    }

    @Test
    void headerNameWithASpaceIsMalformed() {
        List<Object> messages = Decoding.whole(bytes("agi network: yes\n\n"));

        assertEquals(AgiDecodeError.Kind.MALFORMED_HEADER, ((AgiDecodeError) messages.get(0)).kind());
    }

    @Test
    void emptyHeaderBlockIsRejected() {
        List<Object> messages = Decoding.whole(bytes("\n200 result=0\n"));

        assertEquals(1, messages.size());
        assertEquals(AgiDecodeError.Kind.MALFORMED_HEADER, ((AgiDecodeError) messages.get(0)).kind());
    }

    @Test
    void replyLineThatIsNotNnnIsReportedAndDecodingGoesOn() {
        List<Object> messages = Decoding.withoutRequest(Decoding.whole(bytes(AgiFrames.SESSION_1_HEADERS
                + "OK fine\n20 result=0\n2000 result=1\n" + AgiFrames.ANSWERED)));

        assertEquals(4, messages.size());
        List<AgiDecodeError> errors = Decoding.errors(messages);
        assertEquals(3, errors.size());
        assertEquals(List.of(24L, 25L, 26L), errors.stream().map(AgiDecodeError::line).toList());
        assertTrue(errors.stream().allMatch(e -> e.kind() == AgiDecodeError.Kind.MALFORMED_REPLY && !e.fatal()));
        assertEquals(AgiReply.parse("200 result=0"), messages.get(3));
    }

    @Test
    void connectionClosedInsideTheHeaderBlockIsTruncated() {
        List<Object> messages = Decoding.whole(bytes("agi_network: yes\nagi_network_script: acd\n"));

        AgiDecodeError error = (AgiDecodeError) messages.get(0);
        assertEquals(AgiDecodeError.Kind.TRUNCATED, error.kind());
        assertTrue(error.detail().contains("after 2 lines"), error.detail());
    }

    @Test
    void connectionClosedInsideAUsageBlockIsTruncated() {
        List<Object> messages = Decoding.withoutRequest(Decoding.whole(bytes(AgiFrames.SESSION_1_HEADERS
                + "520-Invalid command syntax.  Proper usage follows:\nStream the given\n")));

        assertEquals(1, messages.size());
        assertEquals(AgiDecodeError.Kind.TRUNCATED, ((AgiDecodeError) messages.get(0)).kind());
    }

    @Test
    void connectionClosedInsideALineIsTruncated() {
        List<Object> messages = Decoding.withoutRequest(Decoding.whole(bytes(AgiFrames.SESSION_1_HEADERS + "200 resu")));

        AgiDecodeError error = (AgiDecodeError) messages.get(0);
        assertEquals(AgiDecodeError.Kind.TRUNCATED, error.kind());
        assertEquals("200 resu", error.excerpt());
    }

    @Test
    void connectionClosedBeforeAnyByteIsNoError() {
        assertEquals(List.of(), Decoding.whole(new byte[0]));
    }

    @Test
    void usageBlockThatNeverEndsIsCut() {
        StringBuilder frames = new StringBuilder(AgiFrames.SESSION_1_HEADERS).append("520-Invalid command syntax.\n");
        for (int i = 0; i < 500; i++) {
            frames.append("more usage\n");
        }

        List<Object> messages = Decoding.withoutRequest(Decoding.whole(bytes(frames.toString())));

        assertEquals(1, messages.size());
        AgiDecodeError error = (AgiDecodeError) messages.get(0);
        assertEquals(AgiDecodeError.Kind.TOO_MANY_LINES, error.kind());
        assertTrue(error.fatal());
    }

    @Test
    void randomBytesNeverEscapeThePipeline() {
        Random random = new Random(4573);
        for (int round = 0; round < 2000; round++) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            if (random.nextBoolean()) {
                noise = concat(bytes(AgiFrames.SESSION_1_HEADERS), noise);
            }
            AgiDecoder decoder = new AgiDecoder(64, 32);
            List<Object> messages = Decoding.inChunks(decoder, noise, 1 + random.nextInt(16));
            for (Object message : messages) {
                assertInstanceOf(AgiMessage.class, message);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
