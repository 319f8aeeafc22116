package io.onlineuser.sample.bots;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.transport.TcpPackageDecoder;
import io.onlineuser.sample.transport.TcpPackageEncoder;
import io.onlineuser.sample.transport.WebSocketPackageCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Bots that open many Pomelo connections from a few Netty event loops (not a thread each),
 * log some in and hold or churn them. Usable from tests:
 * {@code try (Bots bots = Bots.builder("127.0.0.1", port).connections(200).logins(100).start()) {…}}.
 */
public final class Bots implements AutoCloseable {
    private static final long LAUNCH_TICK_MILLIS = 10;
    private static final long RETRY_DELAY_MILLIS = 1000;

    private final BotSettings settings;
    private final BotStats stats = new BotStats();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private final ChannelGroup channels = new DefaultChannelGroup("bots", GlobalEventExecutor.INSTANCE);
    private final InetSocketAddress server;
    private final List<InetSocketAddress> sources = new ArrayList<>();
    private final Bootstrap bootstrap;
    private volatile boolean stopping;
    private volatile long launchedAtNanos;
    private volatile boolean launched;
    private ScheduledFuture<?> launcher;
    private int nextIndex;
    private double launchBudget;

    private Bots(BotSettings settings) {
        this.settings = settings;
        this.server = new InetSocketAddress(settings.host(), settings.port());
        for (String source : settings.sourceAddresses()) {
            sources.add(new InetSocketAddress(source, 0));
        }
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    }

    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    static Bots start(BotSettings settings) {
        Bots bots = new Bots(settings);
        bots.launchedAtNanos = System.nanoTime();
        bots.launcher = bots.group.next().scheduleAtFixedRate(bots::launchSome, 0, LAUNCH_TICK_MILLIS, TimeUnit.MILLISECONDS);
        return bots;
    }

    /** Opens this tick's share of the connections (runs on one event loop, so no locking). */
    private void launchSome() {
        int rate = settings.ratePerSecond();
        launchBudget += rate == 0 ? settings.connections() : rate * LAUNCH_TICK_MILLIS / 1000.0;
        while (launchBudget >= 1 && nextIndex < settings.connections() && !stopping) {
            connect(nextIndex++, group);
            launchBudget--;
        }
        if (nextIndex >= settings.connections()) {
            launched = true;
            launcher.cancel(false);
        }
    }

    /** {@code loops}: the whole group for a first connect, one event loop to keep a churning bot on its thread. */
    private void connect(int index, EventLoopGroup loops) {
        Bootstrap forBot = bootstrap.clone(loops).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                framing(channel.pipeline());
                channel.pipeline().addLast("bot", new BotHandler(Bots.this, index));
            }
        });
        ChannelFuture connecting = sources.isEmpty()
                ? forBot.connect(server)
                : forBot.connect(server, sources.get(index % sources.size()));
        channels.add(connecting.channel());
        connecting.addListener(done -> {
            if (!done.isSuccess() && !stopping) {
                stats.failed.increment();
                stats.settled.increment();
                if (settings.churn()) {
                    reconnect(index, false, null);
                }
            }
        });
    }

    private void framing(ChannelPipeline pipeline) {
        int maxFrame = PackageCodec.HEADER_LENGTH + PackageCodec.DEFAULT_MAX_BODY_LENGTH;
        if (settings.webSocket()) {
            URI uri = URI.create("ws://" + settings.host() + ":" + settings.port() + "/");
            pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                    new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                            .webSocketUri(uri).maxFramePayloadLength(maxFrame).build()),
                    new WebSocketFrameAggregator(maxFrame),
                    new WebSocketPackageCodec(PackageCodec.DEFAULT_MAX_BODY_LENGTH));
        } else {
            pipeline.addLast(new TcpPackageDecoder(PackageCodec.DEFAULT_MAX_BODY_LENGTH), TcpPackageEncoder.INSTANCE);
        }
    }

    /**
     * Churn: the next cycle of bot {@code index}, at once after a clean cycle, later after a failure.
     * A clean cycle reconnects on {@code loop}, the event loop the bot just closed on: handing the
     * connect to another loop costs a thread wake-up per cycle, which a loaded machine makes slow.
     */
    void reconnect(int index, boolean cleanCycle, EventLoop loop) {
        if (stopping) {
            return;
        }
        if (cleanCycle && loop != null) {
            connect(index, loop);
        } else {
            group.schedule(() -> connect(index, group), RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    BotSettings settings() {
        return settings;
    }

    BotStats stats() {
        return stats;
    }

    boolean stopping() {
        return stopping;
    }

    /** Connections through the handshake, open now. */
    public int connected() {
        return stats.connected.get();
    }

    /** Bots logged in now. */
    public int loggedIn() {
        return stats.loggedIn.get();
    }

    /** Refused connects, refused logins and connections the server dropped, since start. */
    public long failed() {
        return stats.failed.sum();
    }

    public int peakConnected() {
        return stats.peakConnected.get();
    }

    public long connectsTotal() {
        return stats.connectsTotal.sum();
    }

    public long loginsTotal() {
        return stats.loginsTotal.sum();
    }

    public long chats() {
        return stats.chats.sum();
    }

    /** Churn cycles completed (connect … close). */
    public long cycles() {
        return stats.cycles.sum();
    }

    public long kicked() {
        return stats.kicked.sum();
    }

    /** Connections whose setup is over: connected and, if asked, answered on login; or failed. */
    public long settled() {
        return stats.settled.sum();
    }

    /** True once every connection has been started (the rate limit is behind us). */
    public boolean launched() {
        return launched;
    }

    /** Seconds from start until the latest handshake completed: how long opening took. */
    public double openSeconds() {
        long last = stats.lastConnectionUpNanos;
        return last == 0 ? 0 : (last - launchedAtNanos) / 1e9;
    }

    /** Seconds since start. */
    public double elapsedSeconds() {
        return (System.nanoTime() - launchedAtNanos) / 1e9;
    }

    /** Closes every connection and stops the event loops. */
    @Override
    public void close() {
        stopping = true;
        if (launcher != null) {
            launcher.cancel(false);
        }
        channels.close().awaitUninterruptibly(30, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(30, TimeUnit.SECONDS);
    }

    /** Defaults: 1 connection, no login, 1000 connections/s, TCP, uid prefix "bot-". */
    public static final class Builder {
        private final String host;
        private final int port;
        private int connections = 1;
        private int logins;
        private int ratePerSecond = 1000;
        private boolean churn;
        private long chatIntervalMillis;
        private String uidPrefix = "bot-";
        private boolean webSocket;
        private List<String> sourceAddresses = List.of();

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        public Builder connections(int value) {
            connections = value;
            return this;
        }

        public Builder logins(int value) {
            logins = value;
            return this;
        }

        public Builder ratePerSecond(int value) {
            ratePerSecond = value;
            return this;
        }

        public Builder churn(boolean value) {
            churn = value;
            return this;
        }

        public Builder chatIntervalMillis(long value) {
            chatIntervalMillis = value;
            return this;
        }

        public Builder uidPrefix(String value) {
            uidPrefix = value;
            return this;
        }

        public Builder webSocket(boolean value) {
            webSocket = value;
            return this;
        }

        public Builder sourceAddresses(List<String> value) {
            sourceAddresses = value;
            return this;
        }

        public Bots start() {
            return Bots.start(new BotSettings(host, port, connections, logins, ratePerSecond, churn,
                    chatIntervalMillis, uidPrefix, webSocket, sourceAddresses));
        }
    }
}
