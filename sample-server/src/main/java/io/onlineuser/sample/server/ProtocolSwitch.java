package io.onlineuser.sample.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.transport.TcpPackageDecoder;
import io.onlineuser.sample.transport.TcpPackageEncoder;
import io.onlineuser.sample.transport.WebSocketPackageCodec;
import java.util.List;

/**
 * One port, two flavours, as Pomelo's hybrid connector: a connection whose first bytes are
 * "GET " is an HTTP upgrade to WebSocket, anything else is raw TCP packages. Installs the
 * matching framing after itself, then steps aside (the bytes read so far go on to the framing).
 */
final class ProtocolSwitch extends ByteToMessageDecoder {
    private static final byte[] HTTP_GET = {'G', 'E', 'T', ' '};
    private static final int MAX_UPGRADE_REQUEST = 8192;

    private final int maxBodyLength;
    private final WebSocketPackageCodec webSocketCodec;

    ProtocolSwitch(int maxBodyLength, WebSocketPackageCodec webSocketCodec) {
        this.maxBodyLength = maxBodyLength;
        this.webSocketCodec = webSocketCodec;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int seen = Math.min(in.readableBytes(), HTTP_GET.length);
        for (int i = 0; i < seen; i++) {
            if (in.getByte(in.readerIndex() + i) != HTTP_GET[i]) {
                switchTo(ctx, false);
                return;
            }
        }
        if (seen == HTTP_GET.length) {
            switchTo(ctx, true);
        }
    }

    private void switchTo(ChannelHandlerContext ctx, boolean webSocket) {
        ChannelPipeline pipeline = ctx.pipeline();
        String name = ctx.name();
        if (webSocket) {
            WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/")
                    .checkStartsWith(true)
                    .maxFramePayloadLength(PackageCodec.HEADER_LENGTH + maxBodyLength)
                    .build();
            pipeline.addAfter(name, "ws-package", webSocketCodec);
            pipeline.addAfter(name, "ws-aggregator", new WebSocketFrameAggregator(PackageCodec.HEADER_LENGTH + maxBodyLength));
            pipeline.addAfter(name, "ws-protocol", new WebSocketServerProtocolHandler(config));
            pipeline.addAfter(name, "http-aggregator", new HttpObjectAggregator(MAX_UPGRADE_REQUEST));
            pipeline.addAfter(name, "http-codec", new HttpServerCodec());
        } else {
            pipeline.addAfter(name, "tcp-encoder", TcpPackageEncoder.INSTANCE);
            pipeline.addAfter(name, "tcp-decoder", new TcpPackageDecoder(maxBodyLength));
        }
        pipeline.remove(this);
    }
}
