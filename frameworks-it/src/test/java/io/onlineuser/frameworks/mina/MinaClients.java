package io.onlineuser.frameworks.mina;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.codec.textline.TextLineCodecFactory;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/** Players: MINA's own connector with the server's line codec, one session each. */
public final class MinaClients implements AutoCloseable {

    private static final String REPLIES = "replies";

    private final NioSocketConnector connector = new NioSocketConnector();
    private final List<IoSession> sessions = new ArrayList<>();

    public MinaClients() {
        connector.getFilterChain().addLast("codec",
                new ProtocolCodecFilter(new TextLineCodecFactory(StandardCharsets.UTF_8)));
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            @SuppressWarnings("unchecked")
            public void messageReceived(IoSession session, Object message) {
                ((BlockingQueue<String>) session.getAttribute(REPLIES)).add(message.toString());
            }
        });
    }

    public void connect(int port, int count) {
        for (int i = 0; i < count; i++) {
            ConnectFuture future = connector.connect(new InetSocketAddress("127.0.0.1", port));
            future.awaitUninterruptibly(10_000);
            IoSession session = future.getSession();
            session.setAttribute(REPLIES, new LinkedBlockingQueue<String>());
            sessions.add(session);
        }
    }

    /** Sends {@code login uid} on session {@code index}; returns the {@code ip:port} the server answered. */
    @SuppressWarnings("unchecked")
    public String login(int index, String uid) throws InterruptedException {
        IoSession session = sessions.get(index);
        session.write("login " + uid);
        String reply = ((BlockingQueue<String>) session.getAttribute(REPLIES)).poll(10, TimeUnit.SECONDS);
        if (reply == null || !reply.startsWith("ok ")) {
            throw new IllegalStateException("login " + uid + " answered " + reply);
        }
        return reply.substring(3);
    }

    /** Closes sessions {@code from} to the end at once (no goodbye), as a dropped player's client does. */
    public void closeAbruptly(int from) {
        while (sessions.size() > from) {
            sessions.remove(sessions.size() - 1).closeNow().awaitUninterruptibly(5_000);
        }
    }

    int size() {
        return sessions.size();
    }

    @Override
    public void close() {
        closeAbruptly(0);
        connector.dispose();
    }
}
