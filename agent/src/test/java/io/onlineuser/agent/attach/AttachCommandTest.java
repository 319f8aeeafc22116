package io.onlineuser.agent.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code java -jar onlineuser-agent.jar …} answers help for itself and for each of its commands, touching no JVM. */
class AttachCommandTest {

    private static final List<String> COMMANDS = List.of("attach", "list", "suggest");

    @Test
    void helpListsEveryCommandOnStandardOutput() {
        for (String help : List.of("--help", "-h", "help")) {
            Run run = run(help);

            assertThat(run.status).as(help).isZero();
            for (String command : COMMANDS) {
                assertThat(run.out).as(help).contains("java -jar onlineuser-agent.jar " + command);
            }
            assertThat(run.err).isEmpty();
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : COMMANDS) {
            for (String help : List.of("--help", "-h")) {
                Run run = run(command, help);

                assertThat(run.status).as(command + " " + help + ": " + run.err).isZero();
                assertThat(run.out).as(command).startsWith("usage: java -jar onlineuser-agent.jar " + command);
                assertThat(run.err).as(command).isEmpty();
            }
        }
    }

    @Test
    void noCommandIsABadCommandLine() {
        Run run = run();

        assertThat(run.status).isEqualTo(AttachCommand.USAGE);
        assertThat(run.err).startsWith("usage:");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AttachCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final class Run {
        final int status;
        final String out;
        final String err;

        Run(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }
    }
}
