package io.onlineuser.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.RequiredTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command, {@code ./run-demo}, run as a user runs it: it must show players
 * online on three connectors and, however it is stopped, leave no process behind.
 */
class DemoIT {

    /** A server row of the collector's table: serverId serverType totalConnCount loginedCount ok. */
    private static final Pattern SERVER_ROW = Pattern.compile("(?m)^(connector-\\d)\\s+connector\\s+(\\d+)\\s+(\\d+)\\s+ok\\s*$");
    private static final Pattern PROMETHEUS_SUM = Pattern.compile("Prometheus says sum\\(onlineuser_logged_in_users\\) = (\\d+)");
    private static final Pattern TOTAL_ROW = Pattern.compile("(?m)^total \\((\\d+)/(\\d+)\\)\\s+(\\d+)\\s+(\\d+)\\s*$");

    @TempDir
    Path demoDir;
    private Process demo;

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        if (demo != null && demo.isAlive()) {
            demo.destroy();
            demo.waitFor(30, TimeUnit.SECONDS);
        }
        demoProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    /** The demo with {@code --prometheus}: the exporter in every connector and a Prometheus server that sums them. */
    @Test
    void durationRunShowsPlayersOnEveryConnectorAndStopsEverything() throws Exception {
        RequiredTool.onPath("prometheus");
        demo = runDemo("--duration", "20", "--prometheus");
        assertThat(demo.waitFor(240, TimeUnit.SECONDS)).as("run-demo --duration 20 finished").isTrue();
        String output = output();
        assertThat(demo.exitValue()).as("exit status; output:\n%s", output).isZero();

        String finalTable = output.substring(output.indexOf("the cluster now:"));
        List<String> servers = new ArrayList<>();
        long rowsLoggedIn = 0;
        Matcher row = SERVER_ROW.matcher(finalTable);
        while (row.find()) {
            servers.add(row.group(1));
            assertThat(Long.parseLong(row.group(3))).as("logged-in users on %s in\n%s", row.group(1), finalTable).isPositive();
            rowsLoggedIn += Long.parseLong(row.group(3));
        }
        assertThat(servers).as("servers in\n%s", finalTable).containsExactly("connector-1", "connector-2", "connector-3");
        Matcher total = TOTAL_ROW.matcher(finalTable);
        assertThat(total.find()).as("total row in\n%s", finalTable).isTrue();
        assertThat(total.group(1)).as("servers answering").isEqualTo("3");
        assertThat(Long.parseLong(total.group(4))).as("total logged in").isEqualTo(rowsLoggedIn).isGreaterThanOrEqualTo(90);
        Matcher promql = PROMETHEUS_SUM.matcher(finalTable);
        assertThat(promql.find()).as("Prometheus line in\n%s", finalTable).isTrue();
        assertThat(Long.parseLong(promql.group(1))).as("PromQL sum of logged-in users").isGreaterThanOrEqualTo(90);

        assertNothingLeft();
    }

    @Test
    void interruptStopsEveryProcessItStarted() throws Exception {
        assertThat(sigintIgnored()).as("SIGINT is ignored by this test's JVM, and so by run-demo, which cannot trap it then: the build "
                + "was started in the background by a non-interactive shell (`cmd &` ignores SIGINT); run it in the foreground").isFalse();
        demo = runDemo();
        await("collector's live view").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> SERVER_ROW.matcher(output()).find() || !demo.isAlive());
        assertThat(demo.isAlive()).as("demo still running; output:\n%s", output()).isTrue();
        assertThat(demoProcesses()).as("connectors, bots and collector running").hasSizeGreaterThanOrEqualTo(7);

        new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).inheritIO().start().waitFor();
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as(() -> "run-demo exits on SIGINT; processes still running:\n"
                + demoProcesses().stream().map(this::describe).collect(Collectors.joining("\n")) + "\noutput:\n" + outputOrWhy()).isTrue();
        assertThat(output()).contains("run-demo: stopped");
        assertNothingLeft();
    }

    private Process runDemo(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Jars.repoRoot().resolve("run-demo").toString(), "--no-build"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(demoDir.resolve("run-demo.out").toFile());
        builder.environment().put("ONLINEUSER_DEMO_DIR", demoDir.toString());
        builder.environment().put("JAVA", Jars.javaExecutable());
        builder.environment().put("ONLINEUSER_EXPORTER_JAR", JmxExporterAgent.jar().toString());
        return builder.start();
    }

    private String output() throws IOException {
        return Files.readString(demoDir.resolve("run-demo.out"), StandardCharsets.UTF_8);
    }

    /** Whether this process ignores SIGINT (signal 2: bit 1 of SigIgn in /proc/self/status); its children inherit that. */
    private static boolean sigintIgnored() throws IOException {
        try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
            String mask = status.filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow().substring("SigIgn:".length()).trim();
            return (Long.parseUnsignedLong(mask, 16) & (1L << 1)) != 0;
        }
    }

    private String outputOrWhy() {
        try {
            return output();
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private void assertNothingLeft() throws IOException {
        await("every demo process gone").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(demoProcesses().stream().map(this::describe).collect(Collectors.toList())).isEmpty());
        try (Stream<Path> files = Files.list(demoDir.resolve("discovery"))) {
            assertThat(files).as("discovery files removed by the agents on shutdown").isEmpty();
        }
    }

    /** Processes whose command line names this test's demo directory (every process the demo starts does). */
    private List<ProcessHandle> demoProcesses() {
        String marker = demoDir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .collect(Collectors.toList());
    }

    /** Pid, state as /proc shows it (a zombie or a process stuck in I/O tells why it is still there), command line. */
    private String describe(ProcessHandle p) {
        String state;
        try (Stream<String> status = Files.lines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
            state = status.filter(line -> line.startsWith("State:")).findFirst().orElse("State: ?");
        } catch (IOException | UncheckedIOException e) {
            state = "State: gone";
        }
        return p.pid() + " " + state + " " + p.info().commandLine().orElse("?");
    }
}
