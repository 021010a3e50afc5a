package acd.pbxsim.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

import java.nio.charset.StandardCharsets;

/** Writes responses and events as CRLF blocks ({@link AmiWire#text}). */
@ChannelHandler.Sharable
public final class AmiEncoder extends MessageToByteEncoder<AmiMessage> {

    @Override
    protected void encode(ChannelHandlerContext ctx, AmiMessage msg, ByteBuf out) {
        out.writeCharSequence(AmiWire.text(msg), StandardCharsets.UTF_8);
    }
}
