package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.buffer.UnpooledByteBufAllocator;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.ChannelPipeline;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.embedded.EmbeddedChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.SocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpServerCodec;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Jolokia's HTTP(S) server: Netty on one event loop thread, each connection's pipeline
 * {@link ConnectionGuard} (limits and deadlines), TLS when set, the HTTP codec, {@link BodyLimit},
 * then {@link AnswerHandler}, which has {@link JolokiaAnswers} answer each whole request.
 *
 * <p>Why not the JDK's own server: it reads each request with blocking reads on its executor's
 * thread, so one client that sends half a request holds that thread, and guarding against that
 * costs a thread hand-off per request there and back (~3x the CPU of a bare server per keep-alive
 * read, BENCHMARKS.md). Netty reads without blocking and answers on the thread that read. The
 * Netty used is gRPC's relocated copy, relocated again in the agent jar, so it can never meet the
 * host's own Netty, which the agent instruments.
 */
public final class NettyHttpServer {

    /** The largest request body served; see {@link RefusedRequests} for every limit and its answer. */
    public static final int MAX_BODY_BYTES = RefusedRequests.MAX_BODY_BYTES;

    private final EventLoopGroup loop;
    private final Channel listener;
    private final ConnectionLimits limits;
    private volatile JolokiaAnswers answers;

    private NettyHttpServer(EventLoopGroup loop, Channel listener, ConnectionLimits limits) {
        this.loop = loop;
        this.listener = listener;
        this.limits = limits;
    }

    /**
     * Listens on {@code address} at once, so that the port is known, and accepts connections once
     * {@link #start}ed; over TLS when {@code tls} is set, asking for a client certificate when
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
                        server[0].addHandlers(channel.pipeline(),
                                tls == null ? null : new SslHandler(serverEngine(tls, clientCertificates)));
                    }
                });
        try {
            server[0] = new NettyHttpServer(loop, bootstrap.bind(address).syncUninterruptibly().channel(), limits);
        } catch (RuntimeException e) {
            loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            BindException bind = new BindException("cannot listen on " + address + ": " + e);
            bind.initCause(e);
            throw bind;
        }
        return server[0];
    }

    /** Starts accepting connections; each request is answered by {@code jolokia}. */
    public void start(JolokiaAnswers jolokia) {
        answers = jolokia;
        listener.config().setAutoRead(true);
    }

    /** The handlers of every connection, in order; {@code tls} null for plain HTTP. */
    private void addHandlers(ChannelPipeline pipeline, SslHandler tls) {
        ConnectionGuard guard = new ConnectionGuard(limits);
        pipeline.addLast(guard);
        if (tls != null) {
            pipeline.addLast(tls);
        }
        pipeline.addLast(new HttpServerCodec(RefusedRequests.MAX_LINE_BYTES, RefusedRequests.MAX_HEADER_BYTES, 8192));
        pipeline.addLast(new BodyLimit());
        pipeline.addLast(new AnswerHandler(answers, guard));
    }

    /**
     * A connection served in the calling thread by the same handlers as a client's, minus TLS and
     * the socket: requests go in as bytes, answers come out as bytes. Once {@link #start}ed.
     */
    public LocalConnection localConnection() {
        if (answers == null) {
            throw new IllegalStateException("not started");
        }
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(UnpooledByteBufAllocator.DEFAULT);
        addHandlers(channel.pipeline(), null);
        return new LocalConnection(channel);
    }

    private static SSLEngine serverEngine(SSLContext tls, boolean clientCertificates) {
        SSLEngine engine = tls.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(clientCertificates);
        return engine;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Stops listening and closes every connection. */
    public void stop() {
        listener.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
