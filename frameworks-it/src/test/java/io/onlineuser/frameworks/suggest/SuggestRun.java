package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.ProcessOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code java -jar onlineuser-agent.jar suggest <pid> ...} run as an operator runs it, while the test plays. */
final class SuggestRun implements AutoCloseable {

    static final Duration WATCH = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final ProcessOutput output;

    private SuggestRun(Process process, ProcessOutput output) {
        this.process = process;
        this.output = output;
    }

    static SuggestRun start(long pid, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-XX:TieredStopAtLevel=1", "-jar",
                Jars.agentJar().toString(), "suggest", Long.toString(pid)));
        command.addAll(Arrays.asList(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new SuggestRun(process, ProcessOutput.drain(process.getInputStream(), "suggest"));
    }

    /** Starts {@code suggest <pid> --watch 5s} and returns once its recording-only hooks are in. */
    static SuggestRun watching(long pid) throws IOException, TimeoutException {
        SuggestRun run = start(pid, "--watch", WATCH.toSeconds() + "s");
        try {
            run.output.awaitGroup(Pattern.compile("(?m)^watch: recording-only hooks on .*$"), WAIT);
            return run;
        } catch (TimeoutException e) {
            run.close();
            throw new IllegalStateException("suggest did not start its watch; it printed:\n" + run.text(), e);
        }
    }

    /** Waits for the command to end; its exit status. */
    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("suggest ended; output:%n%s", text()).isTrue();
        // the drain thread may still hold the last lines
        Thread.sleep(200);
        return process.exitValue();
    }

    String text() {
        return output.text();
    }

    /** What {@code grep '^hook\.'} gives: the recommended lines. */
    List<String> hookLines() {
        return text().lines().filter(line -> line.startsWith("hook.")).collect(Collectors.toList());
    }

    /** The recommended lines as a properties file, as the operator pastes them. */
    Path writeProperties(Path dir) throws IOException {
        Path file = dir.resolve("onlineuser-agent.properties");
        Files.write(file, hookLines(), StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
