package io.onlineuser.isolated;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * A tiny Netty echo server, written against the API Netty 4.1 and 4.2 share, listening once on
 * NIO and, where the native transport loads, once on epoll.
 */
public final class EchoServer {

    private EchoServer() {
    }

    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.writeAndFlush(msg);
        }
    }

    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws InterruptedException {
        Channel nio = listen(new NioEventLoopGroup(1), NioServerSocketChannel.class);
        System.out.println("echo nio listening on port " + port(nio));
        if (Epoll.isAvailable()) {
            System.out.println("echo epoll listening on port " + port(listen(new EpollEventLoopGroup(1),
                    EpollServerSocketChannel.class)));
        } else {
            System.out.println("echo epoll unavailable: " + Epoll.unavailabilityCause());
        }
        nio.closeFuture().sync();
    }

    private static Channel listen(EventLoopGroup group, Class<? extends ServerChannel> type) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(type).childHandler(new Echo())
                .bind("127.0.0.1", 0).sync().channel();
    }

    private static int port(Channel server) {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }
}
