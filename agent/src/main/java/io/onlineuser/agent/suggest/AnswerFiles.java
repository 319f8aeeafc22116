package io.onlineuser.agent.suggest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The files through which the agent in the target JVM answers the {@code suggest} command, in the
 * directory the command made: {@code proposal.txt} once the classes are ranked, {@code watching.txt}
 * once the watch's probes are in, then {@code result.txt}, {@code result.json} and, last, {@code status} (the exit status). Each appears
 * whole (written aside, then moved), so the command never reads half a file.
 */
final class AnswerFiles {

    static final String PROPOSAL = "proposal.txt";
    static final String WATCHING = "watching.txt";
    static final String RESULT = "result.txt";
    static final String JSON = "result.json";
    static final String STATUS = "status";

    private AnswerFiles() {
    }

    static void write(Path dir, String name, String text) throws IOException {
        Path aside = dir.resolve(name + ".part");
        Files.writeString(aside, text, StandardCharsets.UTF_8);
        Files.move(aside, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static Optional<String> read(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }
}
