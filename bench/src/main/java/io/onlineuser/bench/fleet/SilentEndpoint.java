package io.onlineuser.bench.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A listening socket that nobody accepts from: the kernel completes each connection into the
 * backlog and the request is never read, which is what a paused (SIGSTOP) or hung connector looks
 * like from outside. No thread per silent connector.
 */
final class SilentEndpoint implements AutoCloseable {

    private static final int BACKLOG = 200;

    private final ServerSocket server;

    private SilentEndpoint(ServerSocket server) {
        this.server = server;
    }

    static SilentEndpoint start() throws IOException {
        return new SilentEndpoint(new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress()));
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/jolokia";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
