package io.onlineuser.collector.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The collector's HTTP/1.1 client for its connectors: JSON POSTs over keep-alive connections, on
 * Netty event loops (one per core) shared by every connector of a cluster; answers are read on the
 * loops and handed to the caller whole. Chosen over the JDK's {@code HttpClient} for its cost per
 * exchange: asking 1,000 connectors, the collector's CPU per question fell from ~150 ms to the
 * figure in BENCHMARKS.md ("fleet"), most of the JDK client's going to its per-exchange publishers,
 * schedulers and hand-offs. Every request ends by its timeout: connecting, TLS and the answer.
 */
public final class ConnectorHttp implements AutoCloseable {

    /** Answers longer than this are refused: the largest a connector sends is a 10,000-row page, a few MB. */
    static final int MAX_ANSWER_BYTES = 64 << 20;

    private final EventLoopGroup loops;
    private final Bootstrap bootstrap;
    private final Supplier<SSLContext> tls;
    private final Map<Origin, IdleConnections> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** {@code tls} is asked for its context only when an {@code https://} connector is first asked. */
    public ConnectorHttp(Supplier<SSLContext> tls, long connectTimeoutMillis) {
        this.tls = tls;
        this.loops = new MultiThreadIoEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("onlineuser-collector-http", true), NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                // Netty's default (adaptive, pooling) allocator registers its Flight Recorder event at the
                // first buffer, ~100 ms of a fresh JVM's first question; answers are small and short-lived
                .option(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis));
    }

    /**
     * POSTs {@code json} to {@code url}; the future ends with the answer, or with an {@link IOException}:
     * {@link HttpTimeoutException} when nothing complete came within {@code timeoutMillis}, the
     * connection's or TLS's own failure otherwise.
     */
    public CompletableFuture<HttpAnswer> post(URI url, byte[] json, String authorization, long timeoutMillis) {
        Exchange exchange = new Exchange();
        exchange.deadline(loops.next().schedule(
                () -> exchange.fail(new HttpTimeoutException("no answer within " + timeoutMillis + " ms")),
                timeoutMillis, TimeUnit.MILLISECONDS));
        if (closed) {
            exchange.fail(new IOException("the collector's HTTP client is closed"));
            return exchange.answer;
        }
        try {
            Origin origin = Origin.of(url);
            Supplier<FullHttpRequest> request = () -> request(url, origin, json, authorization);
            IdleConnections pool = idle.computeIfAbsent(origin, o -> new IdleConnections());
            Channel reused = pool.take();
            if (reused != null) {
                send(reused, exchange, request, () -> connect(origin, pool, exchange, request));
            } else {
                connect(origin, pool, exchange, request);
            }
        } catch (UnknownHostException e) {
            exchange.fail(e);
        } catch (RuntimeException e) {
            exchange.fail(new IOException(e.getMessage(), e));
        }
        return exchange.answer;
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(IdleConnections::closeAll);
        // the loops' threads wait in epoll_wait, native code that a JVM's exit waits for: end them now
        loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS);
    }

    private void connect(Origin origin, IdleConnections pool, Exchange exchange, Supplier<FullHttpRequest> request)
            throws UnknownHostException {
        if (closed) {
            exchange.fail(new IOException("the collector's HTTP client is closed"));
            return;
        }
        // resolved on the caller's thread: a slow name server must not hold an event loop that serves other connectors
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(origin.host()), origin.port());
        ChannelFuture connected = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                if (origin.tls()) {
                    channel.pipeline().addLast(tlsHandler(origin));
                }
                channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_ANSWER_BYTES), new ExchangeHandler(pool));
            }
        }).connect(address);
        Channel channel = connected.channel();
        exchange.carriedBy(channel);
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                Throwable cause = done.cause();
                exchange.fail(cause instanceof io.netty.channel.ConnectTimeoutException
                        ? new HttpConnectTimeoutException("no connection within the timeout")
                        : cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause));
                return;
            }
            channel.closeFuture().addListener(closed -> pool.closed(channel));
            send(channel, exchange, request, null);
        });
    }

    /** Writes the request; {@code retry} runs instead of failing when a reused connection turned out closed. */
    private void send(Channel channel, Exchange exchange, Supplier<FullHttpRequest> request, ThrowingRunnable retry) {
        exchange.carriedBy(channel);
        channel.pipeline().get(ExchangeHandler.class).expect(exchange);
        channel.writeAndFlush(request.get()).addListener(written -> {
            if (written.isSuccess()) {
                return;
            }
            if (retry != null && !closed) {
                channel.pipeline().get(ExchangeHandler.class).expect(null);
                try {
                    retry.run();
                } catch (IOException | RuntimeException e) {
                    exchange.fail(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
                }
                return;
            }
            Throwable cause = written.cause();
            exchange.fail(cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause));
        });
    }

    private SslHandler tlsHandler(Origin origin) {
        SSLEngine engine = tls.get().createSSLEngine(origin.host(), origin.port());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return new SslHandler(engine);
    }

    private static FullHttpRequest request(URI url, Origin origin, byte[] json, String authorization) {
        String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target, Unpooled.wrappedBuffer(json));
        request.headers()
                .set(HttpHeaderNames.HOST, origin.hostHeader())
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        if (authorization != null) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        return request;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws IOException;
    }
}
