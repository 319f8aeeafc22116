package io.onlineuser.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code java -jar onlineuser-agent.jar attach <pid>} on a sample-server that started without the agent. */
class LateAttachIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CLOSED = Pattern.compile("closed Session\\[");

    @Test
    void attachCountsOpenAndNewConnectionsKeepsOldSessionsFromGoingNegativeAndASecondAttachDoesNothing() throws Exception {
        // --verbose: the server logs "closed Session[…]" as it handles a close, before the agent's hook runs
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("late-1").withAgent(false).serverArg("--verbose")
                // Java 21+ warns about dynamically loaded agents unless this is set; older JVMs ignore it
                .jvmArg("-XX:+IgnoreUnrecognizedVMOptions").jvmArg("-XX:+EnableDynamicAgentLoading")
                .start()) {
            int port = server.pomeloPort();
            PomeloClient early = PomeloClient.connectTcp("127.0.0.1", port);
            PomeloClient earlyIdle = PomeloClient.connectWebSocket("127.0.0.1", port);
            PomeloClient late = null;
            PomeloClient afterSecondAttach = null;
            try {
                assertThat(early.login("early")).isEqualTo(200);

                String options = "config=" + Jars.sampleServerAgentProperties() + ",serverId=late-1,jolokia.port=0";
                AgentCommand attach = AgentCommand.run("attach", Long.toString(server.pid()), options);
                assertThat(attach.exitCode).as(attach.toString()).isZero();
                assertThat(attach.output).contains("onlineuser agent loaded into JVM " + server.pid());
                String url = server.awaitJolokiaUrl(WAIT);
                AgentStats stats = new AgentStats(new JolokiaHttp(url), "late-1");
                // both connections open at the attach count, and the login before it (the properties' sessions.registry)
                stats.awaitGauges(2, 1, 1);

                late = PomeloClient.connectTcp("127.0.0.1", port);
                assertThat(late.login("late")).isEqualTo(200);
                stats.awaitGauges(3, 2, 2);

                // connections and the session found at the attach are uncounted as they end
                assertThat(early.logout()).isEqualTo(200);
                early.close();
                earlyIdle.abort();
                assertThat(early.awaitClosed(WAIT)).isTrue();
                await("the server handled both closes").atMost(WAIT)
                        .until(() -> CLOSED.matcher(server.output()).results().count() == 2);
                stats.assertGaugesHold(1, 1, 1);
                assertThat(stats.attribute("ClosedConnTotal").asLong()).isEqualTo(2);
                assertThat(stats.attribute("LogoutTotal").asLong()).isEqualTo(1);

                AgentCommand second = AgentCommand.run("attach", Long.toString(server.pid()), options);
                assertThat(second.exitCode).as(second.toString()).isZero();
                server.awaitOutput("(agent already installed in this JVM; this attach is ignored)", WAIT);
                afterSecondAttach = PomeloClient.connectTcp("127.0.0.1", port);
                assertThat(afterSecondAttach.login("after")).isEqualTo(200);
                stats.awaitGauges(2, 2, 2);
                assertThat(stats.attribute("LoginTotal").asLong()).isEqualTo(3);
            } finally {
                early.close();
                earlyIdle.close();
                if (late != null) {
                    late.close();
                }
                if (afterSecondAttach != null) {
                    afterSecondAttach.close();
                }
            }
        }
    }

    @Test
    void attachToAProcessThatIsNotAJvmSaysSoClearly() throws Exception {
        AgentCommand noCommand = AgentCommand.run();
        assertThat(noCommand.exitCode).isEqualTo(2);
        assertThat(noCommand.output).contains("usage: java -jar onlineuser-agent.jar attach <pid>");

        AgentCommand notAPid = AgentCommand.run("attach", "12ab");
        assertThat(notAPid.exitCode).isEqualTo(2);
        assertThat(notAPid.output).contains("'12ab' is not a process id");

        AgentCommand noSuchJvm = AgentCommand.run("attach", "999999999");
        assertThat(noSuchJvm.exitCode).isEqualTo(1);
        assertThat(noSuchJvm.output).contains("cannot attach to JVM 999999999");
    }

    @Test
    void listShowsAttachableJvmsWithTheirPid() throws Exception {
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("late-2").withAgent(false).start()) {
            AgentCommand list = AgentCommand.run("list");

            assertThat(list.exitCode).isZero();
            assertThat(list.output).containsPattern("(?m)^" + server.pid() + " .*sample-server\\.jar");
        }
    }
}
