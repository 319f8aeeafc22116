package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.ProcessOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@code suggest} says, in one line and with an exit status that is not 0, when it cannot help. */
class SuggestLimitsIT {

    @Test
    void saysItCannotAttachToAProcessThatIsNoJvmOfThisUser() throws Exception {
        try (SuggestRun suggest = SuggestRun.start(1)) {
            assertThat(suggest.awaitExit()).isEqualTo(1);
            assertThat(suggest.text()).startsWith("cannot attach to JVM 1: ").contains("'list' shows the ones you can attach to");
        }
    }

    @Test
    void saysAJvmWithoutConnectionsIsNoServer() throws Exception {
        Process idle = new ProcessBuilder(Jars.javaExecutable(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                IdleJvm.class.getName()).redirectErrorStream(true).start();
        try (SuggestRun suggest = startWhenReady(idle)) {
            assertThat(suggest.awaitExit()).isEqualTo(2);
            assertThat(suggest.text()).contains("has no connection classes loaded (Netty, MINA, Java-WebSocket, Jakarta"
                    + " WebSocket): not a server the agent counts; nothing to suggest");
            assertThat(suggest.hookLines()).isEmpty();
        } finally {
            idle.destroyForcibly();
        }
    }

    @Test
    void saysNothingConvincingOnAServerWithoutLoginCodeInTextAndJson() throws Exception {
        try (AgentJvm server = AgentJvm.start(EchoServer.class, Map.of("serverId", "suggest-echo"),
                "echo port \\d+", Integer.toString(FreePort.pick()))) {
            try (SuggestRun suggest = SuggestRun.start(server.pid(), "--watch", "2s")) {
                assertThat(suggest.awaitExit()).isEqualTo(2);
                assertThat(suggest.text()).contains("connections of Netty", "nothing convincing: no method of the server's"
                        + " own classes reads as a login");
                assertThat(suggest.hookLines()).isEmpty();
            }
            try (SuggestRun suggest = SuggestRun.start(server.pid(), "--json")) {
                assertThat(suggest.awaitExit()).isEqualTo(2);
                JsonNode json = new ObjectMapper().readTree(suggest.text());
                assertThat(json.get("exitStatus").asInt()).isEqualTo(2);
                assertThat(json.get("recommended")).isEmpty();
                assertThat(json.get("verdict").asText()).startsWith("nothing convincing");
            }
        }
    }

    @Test
    void proposesWithoutWatchingButRecommendsNothingUnproven() throws Exception {
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("suggest-propose").agentConfig(null).start();
             SuggestRun suggest = SuggestRun.start(server.pid())) {
            assertThat(suggest.awaitExit()).isZero();
            assertThat(suggest.text()).contains(
                    "    1. hook.bind=io.onlineuser.sample.session.SessionService#bind/2 session=arg0 uid=arg1",
                    "unproven: run suggest again with --watch 60s");
            assertThat(suggest.hookLines()).isEmpty();
        }
    }

    @Test
    void saysNothingConvincingWhenNobodyLogsInDuringTheWatch() throws Exception {
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("suggest-idle").agentConfig(null).start();
             SuggestRun suggest = SuggestRun.start(server.pid(), "--watch", "2s")) {
            assertThat(suggest.awaitExit()).isEqualTo(2);
            assertThat(suggest.text()).contains("hook.bind=io.onlineuser.sample.session.SessionService#bind/2",
                    "watch ended after 2 s: hooks removed", "not called",
                    "nothing convincing: no hook.bind candidate was called with a uid");
            assertThat(suggest.hookLines()).isEmpty();
        }
    }

    @Test
    void helpListsTheOptionsAndTheAgentsHelpListsSuggest() throws Exception {
        assertThat(run("suggest", "--help")).contains("suggest <pid> [--watch DURATION] [--all] [--json]", "--watch DURATION",
                "--all", "--json", "exit status: 0");
        assertThat(run("--help")).contains("attach <pid>", "list", "suggest <pid>");
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-jar", Jars.agentJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static SuggestRun startWhenReady(Process jvm) throws Exception {
        ProcessOutput.drain(jvm.getInputStream(), "idle").awaitGroup(Pattern.compile("idle"), Duration.ofSeconds(30));
        return SuggestRun.start(jvm.pid());
    }
}
