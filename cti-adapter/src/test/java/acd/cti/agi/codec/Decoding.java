package acd.cti.agi.codec;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.ArrayList;
import java.util.List;

/** Runs an {@link AgiDecoder} on an {@link EmbeddedChannel} and collects what it emits. */
final class Decoding {

    private Decoding() {
    }

    static List<Object> whole(byte[] bytes) {
        return whole(new AgiDecoder(), bytes);
    }

    static List<Object> whole(AgiDecoder decoder, byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.finish();
        return drain(channel);
    }

    static List<Object> oneByteAtATime(byte[] bytes) {
        return oneByteAtATime(new AgiDecoder(), bytes);
    }

    static List<Object> oneByteAtATime(AgiDecoder decoder, byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        channel.finish();
        return drain(channel);
    }

    static List<Object> inChunks(AgiDecoder decoder, byte[] bytes, int chunk) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        for (int i = 0; i < bytes.length; i += chunk) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(chunk, bytes.length - i)));
        }
        channel.finish();
        return drain(channel);
    }

    static List<Object> drain(EmbeddedChannel channel) {
        List<Object> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            messages.add(message);
        }
        return messages;
    }

    static List<AgiDecodeError> errors(List<Object> messages) {
        List<AgiDecodeError> errors = new ArrayList<>();
        for (Object message : messages) {
            if (message instanceof AgiDecodeError error) {
                errors.add(error);
            }
        }
        return errors;
    }

    static List<Object> withoutRequest(List<Object> messages) {
        return messages.subList(1, messages.size());
    }
}
