package io.onlineuser.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The docs a newcomer reads: README.md short, and every relative link of every README and docs page resolving. */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeStaysShort() throws IOException {
        assertThat(Files.readAllLines(Jars.repoRoot().resolve("README.md"))).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        Path root = Jars.repoRoot();
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 3)) {
            pages.addAll(files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !root.relativize(p).toString().contains("target"))
                    .filter(p -> !root.relativize(p).toString().contains("node_modules"))
                    .collect(Collectors.toList()));
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                String path = target.split("#", 2)[0];
                if (target.matches("^(https?|mailto):.*") || path.isEmpty()) {
                    continue;
                }
                if (!Files.exists(page.getParent().resolve(path).normalize())) {
                    broken.add(root.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(pages).as("pages checked").hasSizeGreaterThan(10);
        assertThat(broken).as("links that do not resolve").isEmpty();
    }
}
