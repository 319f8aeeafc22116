package io.onlineuser.collector.http;

import java.io.IOException;
import java.net.ProtocolException;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;

/**
 * The last handler of a connection to a connector: hands the answer of the request under way to its
 * {@link Exchange}, then gives the connection back to its pool when it may carry another request.
 */
final class ExchangeHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    private final IdleConnections idle;
    private volatile Exchange current;

    ExchangeHandler(IdleConnections idle) {
        this.idle = idle;
    }

    /** Set before the request is written, so the answer always finds it. */
    void expect(Exchange exchange) {
        current = exchange;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        Exchange exchange = current;
        current = null;
        if (exchange == null) {
            ctx.close(); // nothing was asked on this connection: not a server to trust with another request
            return;
        }
        if (response.decoderResult().isFailure()) {
            Throwable cause = response.decoderResult().cause();
            exchange.fail(cause instanceof TooLongFrameException
                    ? new ProtocolException("answer larger than " + ConnectorHttp.MAX_ANSWER_BYTES + " bytes")
                    : (IOException) new ProtocolException(String.valueOf(cause.getMessage())).initCause(cause));
            ctx.close();
            return;
        }
        HttpAnswer answer = new HttpAnswer(response.status().code(), ByteBufUtil.getBytes(response.content()));
        if (HttpUtil.isKeepAlive(response)) {
            idle.release(ctx.channel());
        } else {
            ctx.close();
        }
        exchange.answered(answer);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.fail(new IOException("the connector closed the connection before it answered"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.fail(cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause));
        }
        ctx.close();
    }
}
