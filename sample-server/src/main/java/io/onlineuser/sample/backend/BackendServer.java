package io.onlineuser.sample.backend;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.protocol.ProtocolException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's backend RPC port, as a Pomelo connector has {@code port} beside
 * {@code clientPort}: backend servers hold connections here and send framed JSON requests
 * ({@link RpcFraming}). Its own {@link ServerBootstrap}, on the connector's event loops; these
 * connections are not players.
 */
public final class BackendServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackendServer.class);

    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private Channel serverChannel;

    public BackendServer(EventLoopGroup acceptGroup, EventLoopGroup ioGroup) {
        this.acceptGroup = acceptGroup;
        this.ioGroup = ioGroup;
    }

    /** Binds and returns the port (the chosen one for 0). */
    public int start(String host, int port) throws InterruptedException {
        RpcHandler handler = new RpcHandler();
        serverChannel = new ServerBootstrap().group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        RpcFraming.install(channel.pipeline());
                        channel.pipeline().addLast("rpc", handler);
                    }
                })
                .bind(host, port).sync().channel();
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
    }

    /** Answers every request with code 200 (sys.ping) or 404 (any other route). */
    @ChannelHandler.Sharable
    private static final class RpcHandler extends SimpleChannelInboundHandler<String> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String text) {
            ObjectNode reply = Json.object();
            try {
                JsonNode request = Json.parse(text.getBytes(StandardCharsets.UTF_8));
                if (request.has("id")) {
                    reply.set("id", request.get("id"));
                }
                reply.put("code", "sys.ping".equals(request.path("route").asText()) ? 200 : 404);
            } catch (ProtocolException e) {
                reply.put("code", 400);
            }
            ctx.writeAndFlush(new String(Json.bytes(reply), StandardCharsets.UTF_8));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("backend connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
