package io.onlineuser.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerPortsTest {

    private final ServerPorts ports = new ServerPorts();
    private final AtomicInteger made = new AtomicInteger();

    private ListenerAddress of(Object server, int port, String path) {
        return ports.of(server, port, path, key -> {
            made.incrementAndGet();
            return new ListenerAddress(key, null, "Server", "jakarta-websocket", path);
        });
    }

    @Test
    void oneRowPerServerPortAndPathMadeOnce() {
        Object container = new Object();
        ListenerAddress game = of(container, 8080, "/game");
        assertThat(of(container, 8080, "/game")).isSameAs(game);
        assertThat(of(container, 8080, "/lobby")).isNotSameAs(game);
        assertThat(of(container, 8081, "/game")).isNotSameAs(game);
        assertThat(of(new Object(), 8080, "/game")).isNotSameAs(game);
        assertThat(made).hasValue(4);
    }

    @Test
    void aPortWithoutPathIsThePortsRow() {
        Object acceptor = new Object();
        ListenerAddress port = ports.of(acceptor, 3010, key -> new ListenerAddress(key, null, "Acceptor", "mina", ""));
        assertThat(of(acceptor, 3010, "")).isSameAs(port);
    }

    @Test
    void aClosingConnectionsListenerIsKnownWithoutAskingItOnlyWhileThereIsOne() {
        Object acceptor = new Object();
        assertThat(ports.soleOf(acceptor)).isNull();
        ListenerAddress players = of(acceptor, 3010, "");
        assertThat(ports.soleOf(acceptor)).isSameAs(players);
        assertThat(ports.soleOf(new Object())).as("another server's connection").isNull();
        // the acceptor binds a second port: closes must ask their connection again
        of(acceptor, 3011, "");
        assertThat(ports.soleOf(acceptor)).isNull();
        of(acceptor, 3010, "");
        assertThat(ports.soleOf(acceptor)).isNull();
    }
}
