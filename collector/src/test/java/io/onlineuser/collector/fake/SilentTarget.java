package io.onlineuser.collector.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A "connector" that accepts connections and never answers: what a hung JVM looks like from
 * outside, and the case a deadline exists for.
 */
public final class SilentTarget implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private SilentTarget(ServerSocket server) {
        this.server = server;
    }

    /** Listens on a free loopback port and holds every accepted connection open, silent. */
    public static SilentTarget start() throws IOException {
        SilentTarget target = new SilentTarget(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(target::acceptForever, "silent-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return target;
    }

    /** A Jolokia URL pointing at this silent socket. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/jolokia";
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    private void acceptForever() {
        try {
            while (true) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            // closed by the test
        }
    }
}
