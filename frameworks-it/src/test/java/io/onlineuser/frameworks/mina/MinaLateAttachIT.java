package io.onlineuser.frameworks.mina;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.LoginChecks;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.ProcessOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code attach} to a MINA server that already holds 500 players, 400 of them logged in: the
 * sessions open before the attach are counted at once (found through the selectors MINA's I/O
 * threads wait in), the logins through {@code sessions.registry}; exact when Jolokia first answers.
 */
class MinaLateAttachIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int HELD = 500;
    private static final int LOGGED_IN = 400;
    private static final String REGISTRY = MinaPlayers.class.getName() + "#current().players() uid=entry.uid()";

    @Test
    void countsTheSessionsAndLoginsAlreadyThereWithinTwoSeconds() throws Exception {
        int port = FreePort.pick();
        Process server = new ProcessBuilder(Jars.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+EnableDynamicAgentLoading",
                "-cp", System.getProperty("java.class.path"), MinaGameServer.class.getName(),
                Integer.toString(port), Integer.toString(FreePort.pick())).redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.drain(server.getInputStream(), "MinaGameServer");
        try (MinaClients players = new MinaClients()) {
            output.awaitGroup(Pattern.compile("mina game port \\d+"), WAIT);
            players.connect(port, HELD);
            Map<String, String> addressByUid = new TreeMap<>();
            for (int i = 0; i < LOGGED_IN; i++) {
                addressByUid.put("player-" + i, players.login(i, "player-" + i));
            }

            Process attach = new ProcessBuilder(Jars.javaExecutable(), "-jar", Jars.agentJar().toString(), "attach",
                    Long.toString(server.pid()), "serverId=mina-late,jolokia.port=0,listen.ports=" + port
                            + ",hook.bind=" + MinaIT.BIND + ",sessions.registry=" + REGISTRY)
                    .redirectErrorStream(true).start();
            String attachOutput = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long attachReturned = System.nanoTime();
            assertThat(attach.exitValue()).as(attachOutput).isZero();
            AgentReads agent = new AgentReads(output.awaitGroup(ConnectorProcess.JOLOKIA_LISTENING, WAIT), "mina-late");
            assertThat(agent.totalConnCount()).isEqualTo(HELD);
            assertThat(LoginChecks.logins(agent)).isEqualTo(addressByUid);
            long exactAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attachReturned);
            System.out.printf("MINA late attach: %d sessions and %d logins exact %d ms after the attach command"
                    + " returned; agent: %s%n", HELD, LOGGED_IN, exactAfterMillis,
                    output.awaitGroup(Pattern.compile("(MINA sessions open before the attach: .*)"), WAIT));
            assertThat(exactAfterMillis).isLessThan(2000);

            players.closeAbruptly(300);
            for (int i = 300; i < LOGGED_IN; i++) {
                addressByUid.remove("player-" + i);
            }
            agent.awaitConnections(300);
            LoginChecks.awaitLogins(agent, addressByUid);
            players.closeAbruptly(0);
            agent.awaitConnections(0);
            LoginChecks.awaitLogins(agent, Map.of());
            List<String> problems = output.text().lines().filter(l -> l.contains("[onlineuser] WARN")).toList();
            assertThat(problems).isEmpty();
        } finally {
            server.destroyForcibly();
        }
    }
}
