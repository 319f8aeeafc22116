package io.onlineuser.bench.overhead;

import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.ProcessOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * N players logged in and idle on one connector, held by the sample-server's {@code bots}
 * command in a JVM of its own (each process may open at most 20,000 files here, so two
 * connectors × 10,000 users cannot be held from the bench JVM).
 */
public final class HeldUsers implements AutoCloseable {

    private final Process process;

    private HeldUsers(Process process) {
        this.process = process;
    }

    /**
     * {@code sourceAddress}: the loopback address to connect from (each has its own ephemeral
     * ports). Not one a churn has just used: its ports stay in TIME_WAIT for a minute. Null: no
     * bind before connect, so the kernel may reuse a local port towards another server port.
     */
    public static HeldUsers hold(int port, int users, String uidPrefix, String sourceAddress) throws IOException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-jar", Jars.sampleServerJar().toString(), "bots", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--connections", String.valueOf(users), "--logins", String.valueOf(users),
                "--rate", "5000", "--uid-prefix", uidPrefix));
        if (sourceAddress != null) {
            command.addAll(List.of("--source-addresses", sourceAddress));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.drain(process.getInputStream(), "held-" + port);
        try {
            output.awaitGroup(Pattern.compile("logged in (" + users + ")/" + users), Duration.ofSeconds(120));
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("bots did not log " + users + " users in within 120 s:\n" + output.text(), e);
        }
        return new HeldUsers(process);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
