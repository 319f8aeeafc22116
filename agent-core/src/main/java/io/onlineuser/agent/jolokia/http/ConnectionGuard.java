package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.channel.ChannelDuplexHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * First in every connection's pipeline: admits it under {@link ConnectionLimits}, and closes it when
 * a request has been arriving for longer than the read timeout (from its first byte, so a client
 * that trickles bytes gains nothing) or when it has sat idle between requests. Nothing here blocks:
 * a half-sent request holds a few buffers, never a thread.
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    private final ConnectionLimits limits;
    private ChannelHandlerContext context;
    private boolean admitted;
    private boolean reading;
    private ScheduledFuture<?> timer;

    ConnectionGuard(ConnectionLimits limits) {
        this.limits = limits;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!limits.admit()) {
            ctx.close();
            return;
        }
        admitted = true;
        context = ctx;
        arm(ctx, limits.idleNanos(), false);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!reading) {
            reading = true;
            arm(ctx, limits.readTimeoutNanos(), true);
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * A client that does not read its answers is not read either until it does, so that what waits
     * to be written to it stays bounded (see also {@link AnswerHandler}'s cap on unread answers).
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    /** The request now being handled arrived whole: the read deadline ends, the idle clock starts. */
    void requestRead() {
        reading = false;
        if (context != null) {
            arm(context, limits.idleNanos(), false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (admitted) {
            admitted = false;
            limits.closed();
        }
        ctx.fireChannelInactive();
    }

    private void arm(ChannelHandlerContext ctx, long nanos, boolean deadline) {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = ctx.executor().schedule(() -> {
            if (deadline) {
                limits.dropped();
            }
            ctx.close();
        }, nanos, TimeUnit.NANOSECONDS);
    }
}
