package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpMessage;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpObjectAggregator;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpUtil;

/** Gathers a request and its body; a body over the limit is answered as {@link RefusedRequests} says. */
final class BodyLimit extends HttpObjectAggregator {

    BodyLimit() {
        super(RefusedRequests.MAX_BODY_BYTES);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        RefusedRequests.bodyTooLarge(ctx, HttpUtil.isKeepAlive(oversized) && !HttpUtil.is100ContinueExpected(oversized));
    }
}
