package io.onlineuser.frameworks.jakarta;

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
 * {@code attach} to a Tomcat game that already holds players: the agent says in one line that the
 * Jakarta sessions open before the attach are not counted; the sessions opened after it are, exactly,
 * and the old ones closing later change nothing.
 */
class TomcatLateAttachIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void saysOldSessionsAreNotCountedAndCountsNewOnesExactly() throws Exception {
        int port = FreePort.pick();
        Process server = new ProcessBuilder(Jars.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+EnableDynamicAgentLoading",
                "-cp", System.getProperty("java.class.path"), TomcatGameServer.class.getName(),
                Integer.toString(port), Integer.toString(FreePort.pick()), "0").redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.drain(server.getInputStream(), "TomcatGameServer");
        try (JakartaPlayers before = new JakartaPlayers(); JakartaPlayers after = new JakartaPlayers()) {
            output.awaitGroup(Pattern.compile("tomcat game port \\d+"), WAIT);
            before.open("ws://127.0.0.1:" + port + "/game", 3);
            before.login(0, "early-0");

            Process attach = new ProcessBuilder(Jars.javaExecutable(), "-jar", Jars.agentJar().toString(), "attach",
                    Long.toString(server.pid()), "serverId=tomcat-late,jolokia.port=0,hook.bind=" + JakartaGame.BIND)
                    .redirectErrorStream(true).start();
            String attachOutput = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(attach.exitValue()).as(attachOutput).isZero();
            AgentReads agent = new AgentReads(output.awaitGroup(ConnectorProcess.JOLOKIA_LISTENING, WAIT), "tomcat-late");
            assertThat(output.awaitGroup(Pattern.compile("\\[onlineuser] WARN (Jakarta WebSocket sessions open before"
                    + " the attach .*)"), WAIT)).isEqualTo("Jakarta WebSocket sessions open before the attach"
                    + " (org.apache.tomcat.websocket.WsSession) are not counted; sessions opened from now on are");
            assertThat(agent.totalConnCount()).isZero();

            after.open("ws://127.0.0.1:" + port + "/lobby", 4);
            Map<String, String> addressByUid = new TreeMap<>();
            addressByUid.put("late-0", after.login(0, "late-0"));
            addressByUid.put("late-1", after.login(1, "late-1"));
            agent.awaitConnections(4);
            LoginChecks.awaitLogins(agent, addressByUid);

            before.close();
            after.abort(1);
            addressByUid.remove("late-1");
            agent.awaitConnections(3);
            LoginChecks.awaitLogins(agent, addressByUid);
            after.close();
            agent.awaitConnections(0);
            LoginChecks.awaitLogins(agent, Map.of());
            List<String> problems = output.text().lines().filter(l -> l.contains("[onlineuser] WARN")).toList();
            assertThat(problems).hasSize(1);
        } finally {
            server.destroyForcibly();
        }
    }
}
