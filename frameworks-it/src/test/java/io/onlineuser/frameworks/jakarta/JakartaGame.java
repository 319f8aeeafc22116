package io.onlineuser.frameworks.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.LoginChecks;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.JolokiaHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One game on a Jakarta WebSocket container, checked as an operator would: players on the
 * annotated {@code /game} and the programmatic {@code /lobby} endpoints counted without a hook;
 * logins and logouts bound by hooks on the game's own {@link Lobby}, whose {@code session=} is the
 * {@code jakarta.websocket.Session}; a kick with no kick hook closes the session; players that drop
 * are logged out. Plain HTTP requests, the server's own client sessions and the internal port
 * ({@code listen.ports} names only the game port) are not players. Exact at every phase.
 */
final class JakartaGame {

    static final String BIND = Lobby.class.getName() + "#login/2 session=arg0 uid=arg1";
    static final String UNBIND = Lobby.class.getName() + "#logout/1 session=arg0";
    private static final int PER_ENDPOINT = 8;
    private static final int INTERNAL_CLIENTS = 2;
    private static final String SERVER_ID = "jakarta-1";

    private JakartaGame() {
    }

    /**
     * @param main           the server's main class (arguments: game port, internal port, internal clients)
     * @param containerClass the container's server class, as the listener rows name it
     */
    static void countsPlayersExactly(Class<?> main, String containerClass) throws Exception {
        int port = FreePort.pick();
        int internalPort = FreePort.pick();
        Map<String, String> options = Map.of("serverId", SERVER_ID, "hook.bind", BIND, "hook.unbind", UNBIND,
                "listen.ports", Integer.toString(port), "kick.enabled", "true");
        try (AgentJvm server = AgentJvm.start(main, options, "game port \\d+, internal clients " + INTERNAL_CLIENTS,
                Integer.toString(port), Integer.toString(internalPort), Integer.toString(INTERNAL_CLIENTS));
             JakartaPlayers players = new JakartaPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), SERVER_ID);
            String base = "ws://127.0.0.1:" + port;

            // players 0..7 on /game, 8..15 on /lobby
            players.open(base + "/game", PER_ENDPOINT);
            players.open(base + "/lobby", PER_ENDPOINT);
            plainHttpRequests(port, 3);
            agent.awaitConnections(2 * PER_ENDPOINT);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isZero();

            Map<String, String> addressByUid = new TreeMap<>();
            for (int i : new int[] {0, 1, 2, 3, 4, 8, 9, 10, 11, 12}) {
                addressByUid.put("player-" + i, players.login(i, "player-" + i));
            }
            LoginChecks.awaitLogins(agent, addressByUid);

            // player-0 logs out through the game; player-8 is kicked (no kick hook: the agent closes
            // its session); players 3, 4 (logged in), 5, 13, 14 drop without a close frame
            players.logout(0);
            addressByUid.remove("player-0");
            assertThat(new JolokiaHttp(server.jolokiaUrl())
                    .exec("onlineuser:type=Session,serverId=" + SERVER_ID, "kick", "player-8", "bye").asInt()).isEqualTo(1);
            addressByUid.remove("player-8");
            for (int i : new int[] {3, 4, 5, 13, 14}) {
                players.abort(i);
                addressByUid.remove("player-" + i);
            }
            agent.awaitConnections(10);
            LoginChecks.awaitLogins(agent, addressByUid);
            assertThat(players.isClosed(8)).as("the kicked player's connection is closed").isTrue();

            Map<String, JsonNode> rows = listenerRows(agent);
            assertThat(rows).containsOnlyKeys("127.0.0.1:" + port + "/game", "127.0.0.1:" + port + "/lobby",
                    "127.0.0.1:" + internalPort + "/game");
            for (String path : new String[] {"/game", "/lobby"}) {
                JsonNode row = rows.get("127.0.0.1:" + port + path);
                assertThat(row.get("transport").asText()).isEqualTo("jakarta-websocket");
                assertThat(row.get("serverChannelClass").asText()).isEqualTo(containerClass);
                assertThat(row.get("counted").asBoolean()).isTrue();
                assertThat(row.get("openConnections").asInt()).isEqualTo(5);
                assertThat(row.get("acceptedTotal").asLong()).isEqualTo(PER_ENDPOINT);
            }
            JsonNode internal = rows.get("127.0.0.1:" + internalPort + "/game");
            assertThat(internal.get("counted").asBoolean()).isFalse();
            assertThat(internal.get("openConnections").asInt()).isEqualTo(INTERNAL_CLIENTS);

            for (int i : new int[] {0, 1, 2, 6, 7, 9, 10, 11, 12, 15}) {
                players.abort(i);
            }
            agent.awaitConnections(0);
            LoginChecks.awaitLogins(agent, Map.of());
            JsonNode stats = agent.connectionStats();
            assertThat(stats.get("PeakConnCount").asInt()).isEqualTo(2 * PER_ENDPOINT);
            assertThat(stats.get("PeakLoginedCount").asInt()).isEqualTo(10);
            assertThat(stats.get("AcceptedConnTotal").asLong()).isEqualTo(2 * PER_ENDPOINT);
            assertThat(stats.get("ClosedConnTotal").asLong()).isEqualTo(2 * PER_ENDPOINT);
            assertThat(stats.get("LoginTotal").asLong()).isEqualTo(10);
            assertThat(stats.get("KickTotal").asLong()).isEqualTo(1);
            assertThat(server.output()).contains("[onlineuser] INFO listener 127.0.0.1:" + port
                    + "/game (jakarta-websocket, " + containerClass + "): connections counted (listen.ports=" + port + ")");
            assertThat(server.agentProblems()).isEmpty();
        }
    }

    /** The Agent MBean's listener rows by {@code address + path}. */
    private static Map<String, JsonNode> listenerRows(AgentReads agent) {
        Map<String, JsonNode> byEndpoint = new HashMap<>();
        for (JsonNode row : agent.agent().get("Listeners")) {
            byEndpoint.put(row.get("address").asText() + row.get("path").asText(), row);
        }
        return byEndpoint;
    }

    /** Requests to the plain servlet beside the endpoints: answered, and never counted. */
    private static void plainHttpRequests(int port, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/status")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("up");
        }
    }
}
