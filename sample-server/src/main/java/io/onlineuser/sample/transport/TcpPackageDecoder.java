package io.onlineuser.sample.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.protocol.PomeloPackage;
import io.onlineuser.sample.protocol.ProtocolException;
import java.util.List;

/**
 * Raw TCP flavour: splits the byte stream into Pomelo packages. After a protocol error the rest
 * of the stream is dropped, so the error is reported once while the connection closes.
 */
public final class TcpPackageDecoder extends ByteToMessageDecoder {
    private final int maxBodyLength;
    private boolean failed;

    public TcpPackageDecoder(int maxBodyLength) {
        this.maxBodyLength = maxBodyLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            PomeloPackage pkg;
            while ((pkg = PackageCodec.decode(in, maxBodyLength)) != null) {
                out.add(pkg);
            }
        } catch (ProtocolException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }
}
