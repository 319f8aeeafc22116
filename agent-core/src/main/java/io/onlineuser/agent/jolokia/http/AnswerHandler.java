package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.SimpleChannelInboundHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpRequest;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderNames;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderValues;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpResponseStatus;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpUtil;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpVersion;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in every connection's pipeline: hands each whole request to {@link JolokiaAnswers} on the
 * event loop thread (no hand-off to another thread and back) and writes the answer in one go, with
 * its Content-Length, keeping the connection open as HTTP/1.1 and HTTP/1.0 keep-alive ask.
 */
final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerHandler.class);
    /**
     * Answers waiting for a client that sent many requests at once and reads none of them: past
     * this, the connection is closed instead of holding more (a page of sessions is ~1 MiB).
     */
    static final long MAX_UNREAD_ANSWER_BYTES = 8L << 20;

    private final JolokiaAnswers answers;
    private final ConnectionGuard guard;

    AnswerHandler(JolokiaAnswers answers, ConnectionGuard guard) {
        this.answers = answers;
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
        if (!answers.serves(uri.getPath())) {
            RefusedRequests.notFound(ctx);
            return;
        }
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        FullHttpResponse answer;
        try {
            answer = answers.answer(request, uri, tls == null ? null : tls.engine().getSession(),
                    inet(ctx.channel().remoteAddress()));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Jolokia request {} {} failed: {}", request.method(), request.uri(), e.toString());
            answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    Unpooled.EMPTY_BUFFER);
            answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        write(ctx, request, answer);
    }

    private static void write(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse answer) {
        answer.headers().set(HttpHeaderNames.CONTENT_LENGTH, answer.content().readableBytes());
        HttpDates.stamp(answer.headers());
        boolean keepAlive = HttpUtil.isKeepAlive(request)
                && !answer.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        HttpUtil.setKeepAlive(answer, keepAlive);
        if (keepAlive && request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            // an HTTP/1.0 client closes unless told the connection stays open (an HTTP/1.1 one assumes it)
            answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        if (keepAlive) {
            ctx.writeAndFlush(answer, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** A socket's address; for a {@link LocalConnection}, which has none, the loopback address. */
    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress ? (InetSocketAddress) address
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Jolokia connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
