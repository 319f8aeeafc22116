package io.onlineuser.sample.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.protocol.PomeloPackage;
import io.onlineuser.sample.protocol.ProtocolException;
import java.util.List;

/**
 * WebSocket flavour, as Pomelo's clients use it: each binary message carries whole packages.
 * Text frames are not part of the protocol. Used by the server and by the WebSocket bots.
 */
@ChannelHandler.Sharable
public final class WebSocketPackageCodec extends MessageToMessageCodec<WebSocketFrame, PomeloPackage> {
    private final int maxBodyLength;

    public WebSocketPackageCodec(int maxBodyLength) {
        this.maxBodyLength = maxBodyLength;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, PomeloPackage pkg, List<Object> out) {
        ByteBuf buf = ctx.alloc().ioBuffer(PackageCodec.HEADER_LENGTH + pkg.body().length);
        PackageCodec.encode(pkg, buf);
        out.add(new BinaryWebSocketFrame(buf));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (!(frame instanceof BinaryWebSocketFrame)) {
            throw new ProtocolException("unexpected WebSocket " + frame.getClass().getSimpleName()
                    + ", Pomelo packages travel in binary frames");
        }
        out.addAll(PackageCodec.decodeAll(frame.content(), maxBodyLength));
    }
}
