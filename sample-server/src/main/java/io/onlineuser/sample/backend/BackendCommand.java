package io.onlineuser.sample.backend;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sample-server backend --port P --connections N}: a backend server's links to a
 * connector's RPC port, held open and pinging, as Pomelo's backend servers keep theirs.
 */
@Command(name = "backend", mixinStandardHelpOptions = true,
        description = "Hold RPC connections to a connector's backend port (server --backend-port), pinging each.")
public final class BackendCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "connector address (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", required = true, description = "the connector's backend RPC port")
    private int port;

    @Option(names = "--connections", defaultValue = "2", description = "connections to hold (default: ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--interval", defaultValue = "1", description = "seconds between pings on each connection (default: ${DEFAULT-VALUE})")
    private int intervalSeconds;

    @Option(names = "--hold", defaultValue = "-1", description = "seconds to hold, then close; default: until stopped")
    private long holdSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (connections < 1 || intervalSeconds < 1) {
            throw new IllegalArgumentException("--connections and --interval must be 1 or more");
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        AtomicLong answers = new AtomicLong();
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            RpcFraming.install(channel.pipeline());
                            channel.pipeline().addLast(new SimpleChannelInboundHandler<String>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, String reply) {
                                    answers.incrementAndGet();
                                }
                            });
                        }
                    });
            List<Channel> links = new ArrayList<>();
            CountDownLatch closed = new CountDownLatch(connections);
            for (int i = 0; i < connections; i++) {
                Channel link = bootstrap.connect(host, port).sync().channel();
                link.closeFuture().addListener(done -> closed.countDown());
                links.add(link);
            }
            AtomicLong ids = new AtomicLong();
            group.scheduleAtFixedRate(() -> links.forEach(link ->
                    link.writeAndFlush("{\"id\":" + ids.incrementAndGet() + ",\"route\":\"sys.ping\"}")),
                    0, intervalSeconds, TimeUnit.SECONDS);
            System.out.println("backend: " + connections + " connections to " + host + ":" + port + " open");
            System.out.flush();
            boolean allClosed = holdSeconds < 0 ? waitForever(closed) : closed.await(holdSeconds, TimeUnit.SECONDS);
            System.out.println("backend: " + answers.get() + " answers; " + (allClosed ? "the connector closed every connection"
                    : "closing after " + holdSeconds + " s"));
            return allClosed ? 1 : 0;
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static boolean waitForever(CountDownLatch closed) throws InterruptedException {
        closed.await();
        return true;
    }
}
