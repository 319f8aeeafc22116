package io.onlineuser.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.onlineuser.agent.bridge.OnlineUserBridge;
import io.onlineuser.agent.instrument.HookCallCounts;
import io.onlineuser.agent.instrument.TrackerEvents;
import io.onlineuser.agent.config.PortScope;
import io.onlineuser.agent.instrument.netty.ListenerWatch;
import io.onlineuser.agent.track.ListeningPort;
import io.onlineuser.agent.track.ListeningPorts;
import io.onlineuser.agent.instrument.hook.SessionHooks;
import io.onlineuser.agent.instrument.bytecode.ExactTypeTransformer;
import io.onlineuser.agent.instrument.netty.PipelineCalls;
import io.onlineuser.agent.track.OnlineTracker;
import java.lang.instrument.Instrumentation;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/** Accepted channels counted, outbound ones not, through real NIO sockets in this JVM. */
class NettyCallsTest {

    /** Sharable, unlike a bare adapter: one instance serves every channel. */
    private static final class NoHandlers extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel channel) {
            // the test counts connections; no traffic needs handling
        }
    }

    @Test
    void countsAcceptedChannelsOnlyGoesBackToZeroAndReportsTheFirstListen() throws InterruptedException {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
        SessionHooks noHooks = SessionHooks.configure(tracker, null, null, null, problem -> { });
        AtomicInteger listens = new AtomicInteger();
        OnlineUserBridge.setListener(new TrackerEvents(tracker, noHooks.calls(), allListeners(), new HookCallCounts(0),
                noHooks.connectionKeys(), listens::incrementAndGet));
        ExactTypeTransformer transformer = new ExactTypeTransformer(PipelineCalls.all(), Runnable::run);
        transformer.install(instrumentation, true);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new NoHandlers()).bind("127.0.0.1", 0).sync().channel();
            Bootstrap client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new NoHandlers());
            Channel first = client.connect(server.localAddress()).sync().channel();
            Channel second = client.connect(server.localAddress()).sync().channel();

            await().atMost(Duration.ofSeconds(30)).until(tracker::totalConnCount, count -> count == 2);
            assertThat(tracker.acceptedConnTotal()).isEqualTo(2);

            // the server channel's activation is the host's "I listen", reported once (the exporters wait for it)
            assertThat(listens).hasValue(1);

            first.close().sync();
            second.close().sync();
            await().atMost(Duration.ofSeconds(30)).until(tracker::totalConnCount, count -> count == 0);
            assertThat(tracker.closedConnTotal()).isEqualTo(2);
            assertThat(((InetSocketAddress) server.localAddress()).getPort()).isPositive();
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            OnlineUserBridge.setListener(null);
            instrumentation.removeTransformer(transformer);
        }
    }

    private static int open(ListeningPorts listeners) {
        return listeners.all().stream().mapToInt(ListeningPort::openConnections).sum();
    }

    static ListenerWatch allListeners() {
        return new ListenerWatch(new ListeningPorts(PortScope.ALL), Runnable::run);
    }

    @Test
    void countsOnlyTheListenersOfNettyPortsAndKeepsOpenAndAcceptedCountsPerListener() throws InterruptedException {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
        SessionHooks noHooks = SessionHooks.configure(tracker, null, null, null, problem -> { });
        ExactTypeTransformer transformer = new ExactTypeTransformer(PipelineCalls.all(), Runnable::run);
        transformer.install(instrumentation, true);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            // both listen before the agent's listener is set: learned on their first accept, as after a late attach
            Channel game = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new NoHandlers()).bind("127.0.0.1", 0).sync().channel();
            Channel broker = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new NoHandlers()).bind("127.0.0.1", 0).sync().channel();
            int gamePort = ((InetSocketAddress) game.localAddress()).getPort();
            ListeningPorts listeners = new ListeningPorts(PortScope.parse(Integer.toString(gamePort)));
            OnlineUserBridge.setListener(new TrackerEvents(tracker, noHooks.calls(), new ListenerWatch(listeners, Runnable::run),
                    new HookCallCounts(0), noHooks.connectionKeys(), () -> { }));
            Bootstrap client = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new NoHandlers());
            Channel player1 = client.connect(game.localAddress()).sync().channel();
            Channel player2 = client.connect(game.localAddress()).sync().channel();
            Channel link1 = client.connect(broker.localAddress()).sync().channel();
            Channel link2 = client.connect(broker.localAddress()).sync().channel();
            Channel link3 = client.connect(broker.localAddress()).sync().channel();

            await().atMost(Duration.ofSeconds(30)).until(() -> listeners.all() + " " + tracker.totalConnCount(),
                    seen -> listeners.all().size() == 2 && open(listeners) == 5 && tracker.totalConnCount() == 2);
            link3.close().sync();
            player2.close().sync();
            await().atMost(Duration.ofSeconds(30)).until(() -> tracker.totalConnCount() == 1 && open(listeners) == 3);

            List<ListeningPort> seen = listeners.all();
            ListeningPort gameListener = seen.get(0).port() == gamePort ? seen.get(0) : seen.get(1);
            ListeningPort brokerListener = gameListener == seen.get(0) ? seen.get(1) : seen.get(0);
            assertThat(gameListener.counted()).isTrue();
            assertThat(gameListener.address()).isEqualTo("127.0.0.1:" + gamePort);
            assertThat(gameListener.serverChannelClass()).isEqualTo(NioServerSocketChannel.class.getName());
            assertThat(gameListener.openConnections()).isEqualTo(1);
            assertThat(gameListener.acceptedTotal()).isEqualTo(2);
            assertThat(brokerListener.counted()).isFalse();
            assertThat(brokerListener.openConnections()).isEqualTo(2);
            assertThat(brokerListener.acceptedTotal()).isEqualTo(3);
            assertThat(tracker.acceptedConnTotal()).isEqualTo(2);

            for (Channel channel : List.of(player1, link1, link2)) {
                channel.close().sync();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> tracker.totalConnCount() == 0
                    && brokerListener.openConnections() == 0 && gameListener.openConnections() == 0);
            game.close().sync();
            broker.close().sync();
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            OnlineUserBridge.setListener(null);
            instrumentation.removeTransformer(transformer);
        }
    }
}
