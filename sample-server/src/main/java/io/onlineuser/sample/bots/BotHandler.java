package io.onlineuser.sample.bots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.protocol.MessageCodec;
import io.onlineuser.sample.protocol.MessageType;
import io.onlineuser.sample.protocol.PomeloMessage;
import io.onlineuser.sample.protocol.PomeloPackage;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One bot on one connection, driven by the server's answers: handshake, ack, heartbeats, login,
 * then either hold (chatting every interval if asked) or, with churn, chat once, log out, close
 * and start over. Runs on its channel's event loop only.
 */
final class BotHandler extends SimpleChannelInboundHandler<PomeloPackage> {
    private static final String LOGIN = "connector.entryHandler.login";
    private static final String LOGOUT = "connector.entryHandler.logout";
    private static final String CHAT = "chat.chatHandler.send";
    private static final long LOGIN_ID = 1;
    private static final long LOGOUT_ID = 2;
    private static final byte[] HANDSHAKE = Json.bytes(Map.of(
            "sys", Map.of("type", "java-bots", "version", "0.1.0"), "user", Map.of()));

    private final Bots bots;
    private final int index;
    private final String uid;
    private long nextChatId = LOGOUT_ID + 1;
    private boolean handshaken;
    private boolean loggedIn;
    private boolean closingOnPurpose;
    private boolean settled;
    /** Churn: counted as failed already; the next cycle waits a little, the uid may still be online. */
    private boolean loginRefused;
    private ScheduledFuture<?> heartbeats;
    private ScheduledFuture<?> chats;

    BotHandler(Bots bots, int index) {
        this.bots = bots;
        this.index = index;
        this.uid = index < bots.settings().logins() ? bots.settings().uidPrefix() + index : null;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!bots.settings().webSocket()) {
            ctx.writeAndFlush(PomeloPackage.handshake(HANDSHAKE));
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            ctx.writeAndFlush(PomeloPackage.handshake(HANDSHAKE));
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, PomeloPackage pkg) {
        switch (pkg.type()) {
            case HANDSHAKE:
                onHandshake(ctx, Json.parse(pkg.body()));
                break;
            case KICK:
                bots.stats().kicked.increment();
                break;
            case DATA:
                PomeloMessage message = MessageCodec.decode(pkg.body());
                if (message.type() == MessageType.RESPONSE) {
                    onResponse(ctx, message.id(), Json.parse(message.body()));
                }
                break;
            default:
                break;
        }
    }

    private void onHandshake(ChannelHandlerContext ctx, JsonNode reply) {
        if (reply.path("code").asInt() != 200) {
            ctx.close();
            return;
        }
        handshaken = true;
        bots.stats().connectionUp();
        // flushed together with the login request: one segment, so one wake-up of the server instead of two
        ctx.write(PomeloPackage.handshakeAck());
        int heartbeatSeconds = reply.path("sys").path("heartbeat").asInt(0);
        if (heartbeatSeconds > 0) {
            heartbeats = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(PomeloPackage.heartbeat()),
                    heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
        }
        if (uid != null) {
            request(ctx, LOGIN_ID, LOGIN, Json.object().put("uid", uid));
            return;
        }
        ctx.flush();
        settle();
        if (bots.settings().churn()) {
            closeOnPurpose(ctx);
        }
    }

    private void onResponse(ChannelHandlerContext ctx, long id, JsonNode body) {
        boolean ok = body.path("code").asInt() == 200;
        if (id == LOGIN_ID) {
            settle();
            if (!ok) {
                bots.stats().failed.increment();
                if (bots.settings().churn()) {
                    loginRefused = true;
                    ctx.close();
                }
                return;
            }
            loggedIn = true;
            bots.stats().loggedIn.incrementAndGet();
            bots.stats().loginsTotal.increment();
            long interval = bots.settings().chatIntervalMillis();
            if (bots.settings().churn()) {
                chat(ctx);
            } else if (interval > 0) {
                chats = ctx.executor().scheduleAtFixedRate(() -> chat(ctx), interval, interval, TimeUnit.MILLISECONDS);
            }
        } else if (id == LOGOUT_ID) {
            if (loggedIn) {
                loggedIn = false;
                bots.stats().loggedIn.decrementAndGet();
            }
            closeOnPurpose(ctx);
        } else {
            bots.stats().chats.increment();
            if (bots.settings().churn()) {
                request(ctx, LOGOUT_ID, LOGOUT, Json.object());
            }
        }
    }

    /** To itself, so that many bots chatting do not multiply into a broadcast storm. */
    private void chat(ChannelHandlerContext ctx) {
        request(ctx, nextChatId++, CHAT, Json.object().put("content", "hello from " + uid).put("target", uid));
    }

    private void request(ChannelHandlerContext ctx, long id, String route, ObjectNode body) {
        ctx.writeAndFlush(PomeloPackage.data(PomeloMessage.request(id, route, Json.bytes(body))));
    }

    private void closeOnPurpose(ChannelHandlerContext ctx) {
        closingOnPurpose = true;
        bots.stats().cycles.increment();
        ctx.close();
    }

    /** Counted once per connection, however its setup ends. */
    private void settle() {
        if (!settled) {
            settled = true;
            bots.stats().settled.increment();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        settle();
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        if (chats != null) {
            chats.cancel(false);
        }
        if (handshaken) {
            bots.stats().connected.decrementAndGet();
        }
        if (loggedIn) {
            bots.stats().loggedIn.decrementAndGet();
        }
        if (!bots.stopping()) {
            if (!closingOnPurpose && !loginRefused) {
                bots.stats().failed.increment();
            }
            if (bots.settings().churn()) {
                bots.reconnect(index, closingOnPurpose, ctx.channel().eventLoop());
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
