package acd.cti.agi.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes each {@link AgiCommand} as its line and an LF, in UTF-8, as Asterisk reads them. */
@Sharable
public final class AgiEncoder extends MessageToByteEncoder<AgiCommand> {

    @Override
    protected void encode(ChannelHandlerContext ctx, AgiCommand command, ByteBuf out) {
        ByteBufUtil.writeUtf8(out, command.line());
        out.writeByte('\n');
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, AgiCommand command, boolean preferDirect) {
        int size = ByteBufUtil.utf8MaxBytes(command.line()) + 1;
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }
}
