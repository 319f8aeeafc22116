package io.onlineuser.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No single client blinds the agent. 50 connections that sent half a request line and
 * 50 that sent half a body are held open against a real connector; the collector's reads are
 * answered all the while, players log in, and every half-sent request is dropped by the agent once
 * {@code jolokia.readTimeoutMillis} has passed.
 */
class SlowClientsIT {

    private static final int READ_TIMEOUT_MILLIS = 8000;
    /** Generous: the bound plus the watchdog period plus a loaded machine's delays. */
    private static final long DROPPED_WITHIN_MILLIS = READ_TIMEOUT_MILLIS + 20_000;

    @Test
    void halfSentRequestsNeitherBlockReadsNorStayOpen() throws Exception {
        try (ConnectorProcess connector = ConnectorProcess.builder().serverId("slow-clients-1")
                .agentOption("jolokia.readTimeoutMillis", Integer.toString(READ_TIMEOUT_MILLIS)).start();
             OnlineUserCluster cluster = OnlineUserCluster.builder().target(connector.jolokiaUrl())
                     .timeout(Duration.ofSeconds(5)).build()) {
            assertThat(cluster.online().errors()).isEmpty();
            URI jolokia = URI.create(connector.jolokiaUrl());
            List<Socket> held = new ArrayList<>();
            long openedAt = System.nanoTime();
            try {
                for (int i = 0; i < 50; i++) {
                    held.add(send(jolokia, "GET /jolokia/version HTTP/1.1\r\nHost: localhost\r\nX-Half: hal"));
                    held.add(send(jolokia, "POST /jolokia HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 1000\r\n\r\n{\"type\":\"read\","));
                }
                try (PomeloClient player = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort())) {
                    assertThat(player.login("held-1")).isEqualTo(200);
                    for (int read = 0; read < 5; read++) {
                        ClusterSnapshot snapshot = cluster.online();
                        assertThat(snapshot.errors()).as("read %d while 100 half requests are held", read).isEmpty();
                        assertThat(snapshot.totals().loginedCount()).isEqualTo(1);
                    }
                    // the reads above happened while the half requests were still open
                    assertThat(stillOpen(held.get(held.size() - 1))).isTrue();

                    List<CompletableFuture<Long>> drops = new ArrayList<>();
                    for (Socket socket : held) {
                        drops.add(CompletableFuture.supplyAsync(() -> millisUntilClosed(socket, openedAt)));
                    }
                    for (CompletableFuture<Long> drop : drops) {
                        assertThat(drop.get(DROPPED_WITHIN_MILLIS + 10_000, TimeUnit.MILLISECONDS))
                                .isBetween(1L, DROPPED_WITHIN_MILLIS);
                    }
                    assertThat(cluster.online().errors()).isEmpty();
                    try (PomeloClient after = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort())) {
                        assertThat(after.login("after-1")).isEqualTo(200);
                    }
                    assertThat(player.isClosed()).isFalse();
                }
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
            assertThat(connector.isAlive()).isTrue();
        }
    }

    private static Socket send(URI jolokia, String partialRequest) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(jolokia.getHost(), jolokia.getPort()), 10_000);
        socket.getOutputStream().write(partialRequest.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static boolean stillOpen(Socket socket) throws IOException {
        socket.setSoTimeout(50);
        try {
            return socket.getInputStream().read() != -1;
        } catch (SocketTimeoutException stillWaiting) {
            return true;
        }
    }

    /** Milliseconds from opening until the agent closed it (end of stream or reset), or -1 if it never did. */
    private static long millisUntilClosed(Socket socket, long openedAt) {
        try {
            socket.setSoTimeout((int) DROPPED_WITHIN_MILLIS + 5_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1024];
            while (in.read(buffer) != -1) {
                // an error page may come first; the close is what counts
            }
        } catch (SocketTimeoutException never) {
            return -1;
        } catch (IOException reset) {
            // a reset is a close too
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAt);
    }
}
