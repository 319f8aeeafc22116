package io.onlineuser.frameworks.mina;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.codec.textline.TextLineCodecFactory;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/**
 * A MINA 2 game server as a user writes one: a line protocol on the game port ({@code login <uid>}
 * answers {@code ok <ip:port the server sees>}), and an internal acceptor on another port (an
 * admin or RPC link) whose connections are not players. Arguments: game port, internal port.
 */
public final class MinaGameServer {

    private MinaGameServer() {
    }

    public static void main(String[] args) throws Exception {
        MinaPlayers players = new MinaPlayers();
        NioSocketAcceptor game = acceptor(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession session, Object message) {
                String line = message.toString();
                if (line.startsWith("login ")) {
                    players.enter(new MinaPlayer(session, line.substring(6)));
                    InetSocketAddress remote = (InetSocketAddress) session.getRemoteAddress();
                    session.write("ok " + remote.getAddress().getHostAddress() + ":" + remote.getPort());
                }
            }
        });
        game.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
        NioSocketAcceptor internal = acceptor(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession session, Object message) {
                session.write("pong");
            }
        });
        internal.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])));
        System.out.println("mina game port " + args[0]);
        new CountDownLatch(1).await();
    }

    private static NioSocketAcceptor acceptor(IoHandlerAdapter handler) {
        NioSocketAcceptor acceptor = new NioSocketAcceptor();
        acceptor.setReuseAddress(true);
        acceptor.getFilterChain().addLast("codec",
                new ProtocolCodecFilter(new TextLineCodecFactory(StandardCharsets.UTF_8)));
        acceptor.setHandler(handler);
        return acceptor;
    }
}
