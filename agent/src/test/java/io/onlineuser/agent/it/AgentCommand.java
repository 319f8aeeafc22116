package io.onlineuser.agent.it;

import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar onlineuser-agent.jar ...} as an operator would, and keeps what it printed. */
final class AgentCommand {

    final int exitCode;
    final String output;

    private AgentCommand(int exitCode, String output) {
        this.exitCode = exitCode;
        this.output = output;
    }

    static AgentCommand run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-jar", Jars.agentJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("agent command did not finish: " + command);
            }
            return new AgentCommand(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ": " + output;
    }
}
