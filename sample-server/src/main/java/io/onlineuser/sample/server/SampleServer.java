package io.onlineuser.sample.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.onlineuser.sample.backend.BackendServer;
import io.onlineuser.sample.session.SessionService;
import io.onlineuser.sample.transport.WebSocketPackageCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The sample connector: one port for players, Pomelo over WebSocket or raw TCP, on Netty NIO;
 * optionally a second one for backend RPC ({@link #startBackend}).
 */
public final class SampleServer implements AutoCloseable {
    private static final int ACCEPT_BACKLOG = 4096;

    private final ServerSettings settings;
    private final SessionService sessionService = new SessionService();
    private final EventLoopGroup acceptGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup ioGroup = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private Channel serverChannel;
    private BackendServer backend;

    public SampleServer(ServerSettings settings) {
        this.settings = settings;
    }

    /** Binds and returns the port (the chosen one when the settings say 0). */
    public int start() throws InterruptedException {
        ServerContext context = new ServerContext(settings, sessionService);
        WebSocketPackageCodec webSocketCodec = new WebSocketPackageCodec(settings.maxPackageBody());
        int idleSeconds = 2 * settings.heartbeatSeconds();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast("switch", new ProtocolSwitch(settings.maxPackageBody(), webSocketCodec));
                        if (idleSeconds > 0) {
                            channel.pipeline().addLast("idle", new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS));
                        }
                        channel.pipeline().addLast("connection", new ConnectionHandler(context));
                    }
                });
        serverChannel = bootstrap.bind(settings.host(), settings.port()).sync().channel();
        return port();
    }

    /**
     * Opens the backend RPC port beside the players' one (Pomelo's {@code port} beside
     * {@code clientPort}) and returns it (the chosen one for 0).
     */
    public int startBackend(int port) throws InterruptedException {
        backend = new BackendServer(acceptGroup, ioGroup);
        return backend.start(settings.host(), port);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public SessionService sessionService() {
        return sessionService;
    }

    /** Blocks until the server channel closes (the process is stopped). */
    public void awaitClose() throws InterruptedException {
        serverChannel.closeFuture().sync();
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
