package io.onlineuser.agent.jolokia.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.buffer.UnpooledByteBufAllocator;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.ChannelPipeline;
import io.grpc.netty.shaded.io.netty.channel.embedded.EmbeddedChannel;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.SocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpServerCodec;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The HTTP server Jolokia is given: a JDK {@link HttpServer} to Jolokia (contexts, handlers,
 * authenticators and exchanges as it knows them), served by Netty on one event loop thread.
 *
 * <p>Why not the JDK's own server: it reads each request with blocking reads on its executor's
 * thread, so one client that sends half a request holds that thread, and guarding against that
 * costs a thread hand-off per request there and back — with Jolokia's work, ~3x the CPU of the bare
 * server per keep-alive read (BENCHMARKS.md, issue 12). Netty reads without blocking and answers on
 * the thread that read. The Netty used is gRPC's relocated copy, relocated again in the agent jar,
 * so it can never meet the host's own Netty, which the agent instruments.
 */
public final class NettyHttpServer extends HttpServer {

    /** The largest request body served; see {@link RefusedRequests} for every limit and its answer. */
    public static final int MAX_BODY_BYTES = RefusedRequests.MAX_BODY_BYTES;

    private final Map<String, ServedContext> contexts = new ConcurrentHashMap<>();
    private final EventLoopGroup loop;
    private final Channel listener;
    private final ConnectionLimits limits;
    private volatile Executor executor;

    private NettyHttpServer(EventLoopGroup loop, ServerBootstrap bootstrap, InetSocketAddress address,
            ConnectionLimits limits) throws IOException {
        this.loop = loop;
        this.limits = limits;
        try {
            this.listener = bootstrap.bind(address).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            BindException bind = new BindException("cannot listen on " + address + ": " + e);
            bind.initCause(e);
            throw bind;
        }
    }

    /**
     * Listens on {@code address} at once (as {@link HttpServer#create} does) and answers once
     * {@link #start()}ed; over TLS when {@code tls} is set, asking for a client certificate when
     * {@code clientCertificates}.
     */
    public static NettyHttpServer listen(InetSocketAddress address, int backlog, SSLContext tls,
            boolean clientCertificates, ConnectionLimits limits, String threadName) throws IOException {
        EmbeddedNettyIdentity.set();
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName, true),
                NioIoHandler.newFactory());
        NettyHttpServer[] server = new NettyHttpServer[1];
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, backlog > 0 ? backlog : 50)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        addHandlers(channel.pipeline(), server[0], limits,
                                tls == null ? null : new SslHandler(serverEngine(tls, clientCertificates)));
                    }
                });
        server[0] = new NettyHttpServer(loop, bootstrap, address, limits);
        return server[0];
    }

    /** The handlers of every connection, in order; {@code tls} null for plain HTTP. */
    private static void addHandlers(ChannelPipeline pipeline, NettyHttpServer server, ConnectionLimits limits, SslHandler tls) {
        ConnectionGuard guard = new ConnectionGuard(limits);
        pipeline.addLast(guard);
        if (tls != null) {
            pipeline.addLast(tls);
        }
        pipeline.addLast(new HttpServerCodec(RefusedRequests.MAX_LINE_BYTES, RefusedRequests.MAX_HEADER_BYTES, 8192));
        pipeline.addLast(new BodyLimit());
        pipeline.addLast(new ExchangeHandler(server, guard));
    }

    /**
     * A connection served in the calling thread by the same handlers as a client's, minus TLS and
     * the socket: requests go in as bytes, answers come out as bytes.
     */
    public LocalConnection localConnection() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(UnpooledByteBufAllocator.DEFAULT);
        addHandlers(channel.pipeline(), this, limits, null);
        return new LocalConnection(channel);
    }

    private static SSLEngine serverEngine(SSLContext tls, boolean clientCertificates) {
        SSLEngine engine = tls.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(clientCertificates);
        return engine;
    }

    /** The context whose path is the longest prefix of {@code path}, as the JDK server finds it. */
    ServedContext contextFor(String path) {
        if (path == null) {
            return null;
        }
        ServedContext found = null;
        for (ServedContext context : contexts.values()) {
            if (path.startsWith(context.getPath())
                    && (found == null || context.getPath().length() > found.getPath().length())) {
                found = context;
            }
        }
        return found;
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("context path must start with /: " + path);
        }
        ServedContext context = new ServedContext(this, path, handler);
        if (contexts.putIfAbsent(path, context) != null) {
            throw new IllegalArgumentException("context " + path + " exists already");
        }
        return context;
    }

    @Override
    public HttpContext createContext(String path) {
        return createContext(path, null);
    }

    @Override
    public void removeContext(String path) {
        if (contexts.remove(path) == null) {
            throw new IllegalArgumentException("no context " + path);
        }
    }

    @Override
    public void removeContext(HttpContext context) {
        contexts.remove(context.getPath(), context);
    }

    /** The server listens from its creation on. */
    @Override
    public void bind(InetSocketAddress address, int backlog) throws IOException {
        throw new BindException("already listening on " + getAddress());
    }

    @Override
    public void start() {
        listener.config().setAutoRead(true);
    }

    /** Kept for callers that ask; requests are answered on the server's own event loop thread. */
    @Override
    public void setExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public Executor getExecutor() {
        return executor;
    }

    @Override
    public void stop(int delaySeconds) {
        listener.close().syncUninterruptibly();
        loop.shutdownGracefully(0, Math.max(0, delaySeconds), TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public InetSocketAddress getAddress() {
        return (InetSocketAddress) listener.localAddress();
    }
}
