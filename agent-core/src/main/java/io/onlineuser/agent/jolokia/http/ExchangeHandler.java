package io.onlineuser.agent.jolokia.http;

import com.sun.net.httpserver.HttpExchange;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.SimpleChannelInboundHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpRequest;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in every connection's pipeline: hands each whole request to the context that serves its
 * path, as a JDK {@link HttpExchange}, on the event loop thread (Jolokia's answers are computed in
 * memory, in microseconds; no hand-off to another thread and back).
 */
final class ExchangeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);
    /**
     * Answers waiting for a client that sent many requests at once and reads none of them: past
     * this, the connection is closed instead of holding more (a page of sessions is ~1 MiB).
     */
    static final long MAX_UNREAD_ANSWER_BYTES = 8L << 20;

    private final NettyHttpServer server;
    private final ConnectionGuard guard;

    ExchangeHandler(NettyHttpServer server, ConnectionGuard guard) {
        this.server = server;
        this.guard = guard;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        guard.requestRead();
        if (!ctx.channel().isOpen()) {
            return;
        }
        if (ctx.channel().bytesBeforeWritable() > MAX_UNREAD_ANSWER_BYTES) {
            LOG.debug("Jolokia closed {}: it reads none of its answers", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        if (!request.decoderResult().isSuccess()) {
            RefusedRequests.undecodable(ctx, request.decoderResult().cause());
            return;
        }
        URI uri;
        try {
            uri = new URI(request.uri());
        } catch (URISyntaxException e) {
            RefusedRequests.badUri(ctx, e);
            return;
        }
        ServedContext context = server.contextFor(uri.getPath());
        if (context == null) {
            RefusedRequests.notFound(ctx);
            return;
        }
        ServedExchange exchange = new ServedExchange(ctx, request, uri, context);
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        HttpExchange facing = tls == null ? exchange : new ServedHttpsExchange(exchange, tls.engine().getSession());
        try {
            context.serve(exchange, facing);
        } catch (Exception | LinkageError e) {
            LOG.debug("Jolokia request {} {} failed: {}", request.method(), request.uri(), e.toString());
        } finally {
            exchange.close();
        }
    }


    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Jolokia connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
