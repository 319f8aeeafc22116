package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** The hook lines agent/README's "Frameworks" section documents: the oracle of the suggest tests. */
final class Documented {

    private Documented() {
    }

    /** {@code lines}, after checking that agent/README shows each of them as it is. */
    static List<String> lines(String... lines) throws IOException {
        String readme = Files.readString(Jars.repoRoot().resolve("agent/README.md"), StandardCharsets.UTF_8);
        for (String line : lines) {
            assertThat(readme).as("agent/README documents " + line).contains("\n" + line + "\n");
        }
        return List.of(lines);
    }
}
