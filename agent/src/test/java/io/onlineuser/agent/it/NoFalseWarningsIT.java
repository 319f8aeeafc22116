package io.onlineuser.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.ProcessOutput;
import io.onlineuser.testkit.RequiredTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where nothing is wrong the agent prints no {@code [onlineuser] WARN} line: here, and in a network
 * namespace that has only a loopback interface and so no hardware address (as in many containers),
 * where the embedded Netty would otherwise warn that it found none.
 */
class NoFalseWarningsIT {

    private static final Pattern READY = Pattern.compile("(MXBeans registered)");
    private static final Pattern LISTENING = Pattern.compile("(Jolokia listening at)");
    private static final Pattern WARMED_UP = Pattern.compile("(Jolokia warm(?:ed)? up)");

    @Test
    void aHealthyStartPrintsNoWarning() throws Exception {
        assertNoWarning(ConnectorProcess.builder().serverId("quiet-1").command());
    }

    /** At debug Jolokia logs each error it answers: the agent's own warm-up must ask nothing that fails. */
    @Test
    void debugLoggingShowsNoWarningFromTheWarmUp() throws Exception {
        Process process = new ProcessBuilder(ConnectorProcess.builder().serverId("quiet-3")
                .agentOption("log.level", "debug").command()).redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.drain(process.getInputStream(), "connector");
        try {
            output.awaitGroup(WARMED_UP, Duration.ofSeconds(60));
            Thread.sleep(500);
            assertThat(output.text()).as("the connector's output").contains("[onlineuser] DEBUG")
                    .contains("Jolokia warmed up").doesNotContain("[onlineuser] WARN");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aHostWithoutAHardwareAddressPrintsNoWarningEither() throws Exception {
        List<String> command = new ArrayList<>(List.of(RequiredTool.onPath("unshare").toString(), "--map-root-user",
                "--net", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\""));
        command.addAll(ConnectorProcess.builder().serverId("quiet-2").command());
        String output = assertNoWarning(command);
        assertThat(output.lines().filter(line -> line.startsWith("[onlineuser]")))
                .as("the agent's lines (the host's own Netty may well warn of it)")
                .noneMatch(line -> line.contains("hardware address"));
    }

    private static String assertNoWarning(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.drain(process.getInputStream(), "connector");
        try {
            output.awaitGroup(READY, Duration.ofSeconds(60));
            output.awaitGroup(LISTENING, Duration.ofSeconds(60));
            Thread.sleep(1_000);
            assertThat(output.text()).as("the connector's output").contains("[onlineuser] INFO")
                    .doesNotContain("[onlineuser] WARN");
            return output.text();
        } finally {
            process.destroyForcibly();
        }
    }
}
