package io.onlineuser.sample.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.protocol.MessageCodec;
import io.onlineuser.sample.protocol.PomeloMessage;
import io.onlineuser.sample.protocol.PomeloPackage;
import io.onlineuser.sample.protocol.ProtocolException;
import io.onlineuser.sample.session.Session;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection after framing: handshake, handshake ack, heartbeats, then requests and
 * notifies dispatched to routes. Anything out of order or malformed closes this connection
 * with one log line; the server and other connections go on.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<PomeloPackage> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private enum State { AWAITING_HANDSHAKE, AWAITING_ACK, WORKING }

    private final ServerContext context;
    private State state = State.AWAITING_HANDSHAKE;
    private Session session;

    ConnectionHandler(ServerContext context) {
        this.context = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session = context.sessionService.create(ctx.channel());
        LOG.debug("open {}", session);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            LOG.debug("closed {}", session);
            context.sessionService.remove(session);
        }
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, PomeloPackage pkg) {
        switch (pkg.type()) {
            case HANDSHAKE:
                onHandshake(ctx, pkg);
                break;
            case HANDSHAKE_ACK:
                requireState(State.AWAITING_ACK, "handshake ack");
                state = State.WORKING;
                if (context.settings.heartbeatSeconds() > 0) {
                    ctx.writeAndFlush(PomeloPackage.heartbeat());
                }
                break;
            case HEARTBEAT:
                requireState(State.WORKING, "heartbeat");
                ctx.writeAndFlush(PomeloPackage.heartbeat());
                break;
            case DATA:
                requireState(State.WORKING, "data");
                onMessage(ctx, MessageCodec.decode(pkg.body()));
                break;
            default:
                throw new ProtocolException(pkg.type() + " package from a client");
        }
    }

    private void onHandshake(ChannelHandlerContext ctx, PomeloPackage pkg) {
        requireState(State.AWAITING_HANDSHAKE, "handshake");
        JsonNode request = Json.parse(pkg.body());
        if (!request.path("sys").isObject()) {
            LOG.info("closing {}: handshake without \"sys\"", ctx.channel().remoteAddress());
            ctx.writeAndFlush(PomeloPackage.handshake(context.handshakeRefusal)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        state = State.AWAITING_ACK;
        ctx.writeAndFlush(PomeloPackage.handshake(context.handshakeReply));
    }

    private void onMessage(ChannelHandlerContext ctx, PomeloMessage message) {
        switch (message.type()) {
            case REQUEST:
                JsonNode reply = context.router.handle(session, message.route(), Json.parse(message.body()));
                ctx.writeAndFlush(PomeloPackage.data(PomeloMessage.response(message.id(), Json.bytes(reply))));
                break;
            case NOTIFY:
                context.router.handle(session, message.route(), Json.parse(message.body()));
                break;
            default:
                throw new ProtocolException(message.type() + " message from a client");
        }
    }

    private void requireState(State expected, String what) {
        if (state != expected) {
            throw new ProtocolException(what + " while " + state.name().toLowerCase().replace('_', ' '));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            LOG.debug("closing {}: silent for two heartbeat intervals", session);
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable error) {
        Throwable cause = error instanceof DecoderException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProtocolException || cause instanceof CorruptedFrameException
                || cause instanceof TooLongFrameException) {
            LOG.info("closing {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("closing {}: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("closing {} after an unexpected error", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
