package io.onlineuser.sample.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.protocol.PomeloPackage;

/** Raw TCP flavour: writes a Pomelo package as header + body bytes. */
@ChannelHandler.Sharable
public final class TcpPackageEncoder extends MessageToByteEncoder<PomeloPackage> {
    public static final TcpPackageEncoder INSTANCE = new TcpPackageEncoder();

    private TcpPackageEncoder() {
        super(PomeloPackage.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, PomeloPackage pkg, boolean preferDirect) {
        return ctx.alloc().ioBuffer(PackageCodec.HEADER_LENGTH + pkg.body().length);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, PomeloPackage pkg, ByteBuf out) {
        PackageCodec.encode(pkg, out);
    }
}
