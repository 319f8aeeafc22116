package io.onlineuser.bench.jmh;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The per-event cost a connector pays, through the real hook path: JMH forks this with the agent
 * as {@code -javaagent} ({@link JmhSuite}) and without it, and the difference is the agent's. With
 * the agent, {@link GameSessions#bind}/{@link GameSessions#unbind} carry the hook calls (bridge,
 * the {@code ClassValue} lookups, reflection that finds the uid, the session's channel and its
 * address) and Netty's {@code DefaultChannelPipeline.fireChannelActive/Inactive} the connection
 * calls; both then run the tracker. The channels are Netty {@link EmbeddedChannel}s whose parent
 * is a real, listening server channel, so the agent counts them as accepted connections. A
 * population of 10,000 logged-in players is held, as in {@link TrackerBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HookPathBenchmark {

    /** The agent's server id in the forks that run with it. */
    static final String SERVER_ID = "jmh-hooks";
    static final int POPULATION = 10_000;

    /** The listening server channel, the held players, and the check that the agent counted them. */
    @State(Scope.Benchmark)
    public static class Server {
        final GameSessions sessions = new GameSessions();
        final AtomicInteger threads = new AtomicInteger();
        final List<EmbeddedChannel> held = new ArrayList<>();
        EventLoopGroup group;
        Channel listener;

        @Setup
        public void listenAndHold() throws InterruptedException {
            group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInboundHandlerAdapter()).bind("127.0.0.1", 0).sync().channel();
            for (int i = 0; i < POPULATION; i++) {
                EmbeddedChannel channel = accepted();
                held.add(channel);
                sessions.bind(new GameSessions.Session(channel), "resident-" + i);
            }
        }

        /** A channel whose parent is the listener; registering it fires channelActive. */
        EmbeddedChannel accepted() {
            return new EmbeddedChannel(listener, DefaultChannelId.newInstance(), true, false,
                    new ChannelInboundHandlerAdapter());
        }

        /** With the agent, its books must show the held players (bound through the same hooks): a hook that did nothing must not pass. */
        @TearDown
        public void checkAndClose() throws Exception {
            try {
                if (withAgent()) {
                    ObjectName stats = new ObjectName("onlineuser:type=ConnectionStats,serverId=" + SERVER_ID);
                    Object logined = ManagementFactory.getPlatformMBeanServer().getAttribute(stats, "LoginedCount");
                    Object accepted = ManagementFactory.getPlatformMBeanServer().getAttribute(stats, "AcceptedConnTotal");
                    if (((Number) logined).intValue() != POPULATION || ((Number) accepted).longValue() <= POPULATION) {
                        throw new IllegalStateException("the agent counted " + logined + " logged-in players and "
                                + accepted + " accepted connections; expected the " + POPULATION + " held and more");
                    }
                }
            } finally {
                held.forEach(EmbeddedChannel::close);
                listener.close().sync();
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            }
        }

        private static boolean withAgent() {
            return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .anyMatch(arg -> arg.startsWith("-javaagent:"));
        }
    }

    /** Each thread's own accepted connection and session; created here, not in another state's setup. */
    @State(Scope.Thread)
    public static class Player {
        EmbeddedChannel channel;
        GameSessions.Session session;
        String uid;

        @Setup
        public void connect(Server server) {
            channel = server.accepted();
            session = new GameSessions.Session(channel);
            uid = "player-" + server.threads.incrementAndGet();
        }

        @TearDown(Level.Trial)
        public void disconnect() {
            channel.close();
        }
    }

    /** A login and a logout on an open connection, through the application's own methods. */
    @Benchmark
    public void hookedBindUnbind(Server server, Player player) {
        server.sessions.bind(player.session, player.uid);
        server.sessions.unbind(player.session);
    }

    /**
     * A connection closed and opened again, through Netty's pipeline (the channel stays open in
     * Netty; the two events are what an accepted connection's end and start fire).
     */
    @Benchmark
    public void hookedCloseOpen(Player player) {
        player.channel.pipeline().fireChannelInactive();
        player.channel.pipeline().fireChannelActive();
    }
}
