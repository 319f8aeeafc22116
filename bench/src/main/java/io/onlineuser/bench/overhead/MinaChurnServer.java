package io.onlineuser.bench.overhead;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.codec.textline.TextLineCodecFactory;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/**
 * The MINA 2 connector of the overhead suite: a line protocol, {@code login <uid>} answers
 * {@code ok}, {@code chat <text>} answers the text, {@code logout} answers {@code bye}; logins go
 * through {@link MinaChurnPlayers}, the methods the agent's hooks name. Argument: the port.
 */
public final class MinaChurnServer {

    private MinaChurnServer() {
    }

    public static void main(String[] args) throws Exception {
        MinaChurnPlayers players = new MinaChurnPlayers();
        NioSocketAcceptor acceptor = new NioSocketAcceptor();
        acceptor.setReuseAddress(true);
        acceptor.getFilterChain().addLast("codec",
                new ProtocolCodecFilter(new TextLineCodecFactory(StandardCharsets.UTF_8)));
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession session, Object message) {
                String line = message.toString();
                if (line.startsWith("login ")) {
                    players.login(session, line.substring(6));
                    session.write("ok");
                } else if (line.startsWith("chat ")) {
                    session.write(line.substring(5));
                } else if ("logout".equals(line)) {
                    players.logout(session);
                    session.write("bye");
                }
            }

            @Override
            public void exceptionCaught(IoSession session, Throwable cause) {
                session.closeNow();
            }
        });
        acceptor.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
        System.out.println("mina churn port " + args[0]);
        new CountDownLatch(1).await();
    }
}
