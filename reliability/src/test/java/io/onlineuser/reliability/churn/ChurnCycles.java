package io.onlineuser.reliability.churn;

import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.JolokiaHttp;
import java.io.IOException;
import java.time.Duration;

/**
 * One player's life on the connector, in the shapes that break counters: polite logout,
 * a dropped network (TCP reset), closing without logout, a second login of an online uid
 * (the server kicks the first), a kick from an operator over Jolokia, a client that leaves
 * before logging in, and the WebSocket flavour. Each cycle opens fresh connections and uids.
 */
final class ChurnCycles {

    /** Twenty slots: 40% polite, 20% reset, 10% close, 10% duplicate, 10% no login, 5% kick, 5% WebSocket. */
    private static final Kind[] SCHEDULE = {
        Kind.POLITE, Kind.RESET, Kind.POLITE, Kind.CLOSE_WITHOUT_LOGOUT, Kind.DUPLICATE,
        Kind.POLITE, Kind.NO_LOGIN, Kind.RESET, Kind.POLITE, Kind.JOLOKIA_KICK,
        Kind.POLITE, Kind.RESET, Kind.POLITE, Kind.CLOSE_WITHOUT_LOGOUT, Kind.DUPLICATE,
        Kind.POLITE, Kind.NO_LOGIN, Kind.RESET, Kind.POLITE, Kind.WEBSOCKET,
    };
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private enum Kind { POLITE, RESET, CLOSE_WITHOUT_LOGOUT, DUPLICATE, NO_LOGIN, JOLOKIA_KICK, WEBSOCKET }

    private final String host;
    private final int port;
    private final JolokiaHttp jolokia;
    private final String sessionMBean;
    private final ChurnTally tally;

    ChurnCycles(String host, int port, JolokiaHttp jolokia, String sessionMBean, ChurnTally tally) {
        this.host = host;
        this.port = port;
        this.jolokia = jolokia;
        this.sessionMBean = sessionMBean;
        this.tally = tally;
    }

    /** Runs cycle number {@code n} of one worker; a failure is counted, never thrown. */
    void run(String worker, long n) {
        Kind kind = SCHEDULE[(int) (n % SCHEDULE.length)];
        String uid = worker + "-" + n;
        try {
            switch (kind) {
                case POLITE -> polite(tcp(), uid);
                case RESET -> reset(uid);
                case CLOSE_WITHOUT_LOGOUT -> closeWithoutLogout(uid);
                case DUPLICATE -> duplicate(uid);
                case NO_LOGIN -> noLogin();
                case JOLOKIA_KICK -> jolokiaKick(uid);
                case WEBSOCKET -> {
                    tally.webSocketCycles.increment();
                    polite(webSocket(), uid);
                }
            }
            tally.cycles.increment();
        } catch (IOException | RuntimeException e) {
            tally.failed(kind + " " + uid, e);
        }
    }

    private void polite(PomeloClient client, String uid) throws IOException {
        try (client) {
            login(client, uid);
            client.chat("hello from " + uid);
            expect(client.logout() == 200, "logout of " + uid + " refused");
        }
    }

    private void reset(String uid) throws IOException {
        PomeloClient client = tcp();
        try {
            login(client, uid);
            client.chat("bye");
        } finally {
            client.abort();
            tally.abrupt.increment();
        }
    }

    private void closeWithoutLogout(String uid) throws IOException {
        try (PomeloClient client = tcp()) {
            login(client, uid);
        }
    }

    private void duplicate(String uid) throws IOException {
        try (PomeloClient first = tcp(); PomeloClient second = tcp()) {
            login(first, uid);
            login(second, uid);
            tally.duplicates.increment();
            expect(first.awaitKick(CLOSE_WAIT).isPresent(), "first session of " + uid + " was not told it was kicked");
            expect(first.awaitClosed(CLOSE_WAIT), "first session of " + uid + " was not closed");
            expect(second.logout() == 200, "logout of the second session of " + uid + " refused");
        }
    }

    private void noLogin() throws IOException {
        tcp().abort();
        tally.abrupt.increment();
    }

    private void jolokiaKick(String uid) throws IOException {
        try (PomeloClient client = tcp()) {
            login(client, uid);
            int closed = jolokia.exec(sessionMBean, "kick", uid, "churn").asInt();
            expect(closed == 1, "kick of " + uid + " closed " + closed + " sessions, expected 1");
            tally.jolokiaKicks.increment();
            expect(client.awaitClosed(CLOSE_WAIT), "kicked session of " + uid + " was not closed");
        }
    }

    private PomeloClient tcp() throws IOException {
        tally.connectionsOpened.increment();
        return PomeloClient.connectTcp(host, port);
    }

    private PomeloClient webSocket() throws IOException {
        tally.connectionsOpened.increment();
        return PomeloClient.connectWebSocket(host, port);
    }

    private void login(PomeloClient client, String uid) throws IOException {
        int code = client.login(uid);
        expect(code == 200, "login of " + uid + " answered " + code + " " + client.lastError());
        tally.logins.increment();
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
